package io.tracker.application.recovery;

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

    private Polling polling;

    @PostConstruct
    void start() {
        polling = Polling.start("cart recovery scheduler", scheduler, Math.max(1, pollSeconds), requestContext,
                this::pass);
    }

    @PreDestroy
    void stop() {
        polling.stop();
    }

    private void pass(Polling polling) {
        for (String tenant : run.tenantsDue()) {
            if (polling.stopping()) {
                return;
            }
            try {
                selection.asPlatform(tenant);
                RecoveryRun.Pass pass = run.run();
                LOG.fine(() -> "cart recovery of " + tenant + ": " + pass);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cart recovery of " + tenant + " failed: " + e, e);
            }
        }
    }
}
