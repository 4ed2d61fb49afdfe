package io.tracker.application.audit;

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
 * Checks every tenant's tag health every {@code tracker.alerts.poll-seconds} ({@code TRACKER_ALERTS_POLL_SECONDS},
 * default 300, at least 10): an {@link AlertChecker} pass for each tenant with recent hits or an open alert, as that
 * tenant (Tracker itself, {@link TenantSelection#asPlatform}). On a thread of its own, so a slow webhook holds up
 * nothing else. Polls through {@link Polling}: a failed pass is logged, the next poll goes on.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = AlertScheduler.EXECUTOR, maxAsync = 1)
public class AlertScheduler {

    static final String EXECUTOR = "java:app/concurrent/alerts";

    private static final Logger LOG = Logger.getLogger(AlertScheduler.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.alerts.poll-seconds", defaultValue = "300")
    private long pollSeconds;

    @EJB
    private TenantSelection selection;

    @EJB
    private AlertChecker checker;

    @Inject
    private RequestContextController requestContext;

    private Polling polling;

    @PostConstruct
    void start() {
        polling = Polling.start("alert checker", scheduler, Math.max(10, pollSeconds), requestContext, this::pass);
    }

    @PreDestroy
    void stop() {
        polling.stop();
    }

    private void pass(Polling polling) {
        for (String tenant : checker.tenantsToCheck()) {
            if (polling.stopping()) {
                return;
            }
            try {
                selection.asPlatform(tenant);
                int raised = checker.checkAsPlatform().size();
                LOG.fine(() -> "alert check of " + tenant + ": " + raised + " raised");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "alert check of " + tenant + " failed: " + e, e);
            }
        }
    }
}
