package io.tracker.application.reporting.schedules;

import io.tracker.application.shared.Polling;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the scheduled summary e-mails: every {@code tracker.report-mail.poll-seconds}
 * ({@code TRACKER_REPORT_MAIL_POLL_SECONDS}, default 60, at least 1) a {@link ReportMailRun} for each tenant with a
 * due schedule, as that tenant (Tracker itself, {@link TenantSelection#asPlatform}). So a summary goes out at most
 * one poll after its hour. On a thread of its own: a slow SMTP server must not hold up attribution, uploads or
 * texts. While SMTP is not configured it looks for nothing (the schedules stay due). Polls through {@link Polling}:
 * a failed pass is logged, the next poll goes on.
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

    private Polling polling;

    @PostConstruct
    void start() {
        polling = Polling.start("summary e-mail scheduler", scheduler, Math.max(1, pollSeconds), requestContext,
                this::pass);
    }

    @PreDestroy
    void stop() {
        polling.stop();
    }

    private void pass(Polling polling) {
        if (!run.mailConfigured()) {
            return;
        }
        for (String tenant : run.tenantsDue()) {
            if (polling.stopping()) {
                return;
            }
            try {
                selection.asPlatform(tenant);
                ReportMailRun.Pass pass = run.run();
                LOG.fine(() -> "summary e-mails of " + tenant + ": " + pass);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "summary e-mails of " + tenant + " failed: " + e, e);
            }
        }
    }
}
