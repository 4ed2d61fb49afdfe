package io.tracker.application.reporting.schedules;

import io.tracker.application.tenant.TenantSelection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the scheduled summary e-mails: every {@code tracker.report-mail.poll-seconds}
 * ({@code TRACKER_REPORT_MAIL_POLL_SECONDS}, default 60, at least 1) a {@link ReportMailRun} for each tenant with a
 * due schedule, as that tenant (Tracker itself, {@link TenantSelection#asPlatform}). So a summary goes out at most
 * one poll after its hour. On a thread of its own: a slow SMTP server must not hold up attribution, uploads or
 * texts. While SMTP is not configured it looks for nothing (the schedules stay due). A failed pass is logged; the
 * next poll goes on.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = ReportMailScheduler.EXECUTOR, maxAsync = 1)
public class ReportMailScheduler {

    static final String EXECUTOR = "java:app/concurrent/report-mail";

    private static final Logger LOG = Logger.getLogger(ReportMailScheduler.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.report-mail.poll-seconds", defaultValue = "60")
    private long pollSeconds;

    @EJB
    private TenantSelection selection;

    @EJB
    private ReportMailRun run;

    @Inject
    private RequestContextController requestContext;

    private volatile boolean stopping;
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = Math.max(1, pollSeconds);
        task = scheduler.scheduleWithFixedDelay(this::wakeUp, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One poll. Never throws (that would end the schedule). */
    private void wakeUp() {
        try {
            for (String tenant : tenants()) {
                if (stopping) {
                    return;
                }
                requestContext.activate();
                try {
                    selection.asPlatform(tenant);
                    ReportMailRun.Pass pass = run.run();
                    LOG.fine(() -> "summary e-mails of " + tenant + ": " + pass);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "summary e-mails of " + tenant + " failed: " + e, e);
                } finally {
                    requestContext.deactivate();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "summary e-mail scheduler: poll failed: " + e);
        } catch (Error e) {
            // An error escaping a scheduled task ends the schedule without a word: say so.
            LOG.log(Level.SEVERE, e, () -> "summary e-mail scheduler: stopped by " + e);
            throw e;
        }
    }

    private List<String> tenants() {
        requestContext.activate();
        try {
            return run.mailConfigured() ? run.tenantsDue() : List.of();
        } finally {
            requestContext.deactivate();
        }
    }
}
