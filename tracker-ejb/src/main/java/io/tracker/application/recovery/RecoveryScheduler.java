package io.tracker.application.recovery;

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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs SMS cart recovery: every {@code tracker.recovery.poll-seconds} ({@code TRACKER_RECOVERY_POLL_SECONDS},
 * default 30, at least 1) a {@link RecoveryRun} for each tenant with a flow or a scheduled text, as that tenant
 * (Tracker itself, {@link TenantSelection#asPlatform}). So a cart is judged and texted at most one poll after its
 * time. On a thread of its own: a slow SMS platform must not hold up attribution or the ad platforms' uploads. A
 * failed pass is logged; the next poll goes on.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = RecoveryScheduler.EXECUTOR, maxAsync = 1)
public class RecoveryScheduler {

    static final String EXECUTOR = "java:app/concurrent/cart-recovery";

    private static final Logger LOG = Logger.getLogger(RecoveryScheduler.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.recovery.poll-seconds", defaultValue = "30")
    private long pollSeconds;

    @EJB
    private TenantSelection selection;

    @EJB
    private RecoveryRun run;

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
                    RecoveryRun.Pass pass = run.run();
                    LOG.fine(() -> "cart recovery of " + tenant + ": " + pass);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "cart recovery of " + tenant + " failed: " + e, e);
                } finally {
                    requestContext.deactivate();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "cart recovery scheduler: poll failed: " + e);
        } catch (Error e) {
            // An error escaping a scheduled task ends the schedule without a word: say so.
            LOG.log(Level.SEVERE, e, () -> "cart recovery scheduler: stopped by " + e);
            throw e;
        }
    }

    private java.util.List<String> tenants() {
        requestContext.activate();
        try {
            return run.tenantsDue();
        } finally {
            requestContext.deactivate();
        }
    }
}
