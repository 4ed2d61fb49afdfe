package io.tracker.application.attribution;

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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-attributes marked visitors off the request path, continuously, on every server.
 *
 * <p>Every {@code tracker.attribution.poll-millis} (default 500 ms) after the previous wake-up ended,
 * the worker asks the database which tenants have visitors waiting
 * ({@link AttributionQueue#tenantsWithWork()}), then, acting for each in turn as Tracker itself
 * ({@link TenantSelection#asPlatform}), claims and re-attributes up to
 * {@code tracker.attribution.batch-size} (default 500) of its oldest marks in one transaction
 * ({@link AttributionQueue#attributeNext}). Rounds repeat without pause while any tenant filled a
 * whole batch, one batch per tenant per round, so a tenant importing a million rows does not hold up
 * the others. Several servers share the queue: claims skip what another server holds.
 *
 * <p>A failed batch is rolled back (its marks stay), logged, and its visitors are then tried one by
 * one; a visitor that fails alone is deferred with a growing pause ({@link AttributionQueue#defer})
 * and logged. Nothing is dropped: a mark disappears only with the commit of its visitor's credits.
 * Failures of the same kind (the database away) are logged once a minute, not once a poll.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttributionWorker {

    private static final Logger LOG = Logger.getLogger(AttributionWorker.class.getName());

    /** Pause after deployment before the first poll, so that start-up work (migrations, demo data) comes first. */
    private static final Duration FIRST_POLL = Duration.ofSeconds(2);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.attribution.poll-millis", defaultValue = "500")
    private long pollMillis;

    @Inject
    @ConfigProperty(name = "tracker.attribution.batch-size", defaultValue = "500")
    private int batchSize;

    @EJB
    private TenantSelection selection;

    @EJB
    private AttributionQueue queue;

    @Inject
    private RequestContextController requestContext;

    @Inject
    private AttributionWorkerState state;

    private volatile boolean stopping;
    private ScheduledFuture<?> task;
    private Instant lastFailureLogged = Instant.EPOCH;
    private int failuresNotLogged;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::wakeUp, FIRST_POLL.toMillis(), Math.max(50, pollMillis),
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Attribution worker started: polls every " + pollMillis + " ms, batches of " + batchSize);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One wake-up: rounds until no tenant filled a batch. Never throws (that would end the schedule). */
    private void wakeUp() {
        try {
            requestContext.activate();
            try {
                while (!stopping && round()) {
                    state.progressed();
                }
                state.progressed();
            } finally {
                requestContext.deactivate();
            }
        } catch (RuntimeException e) {
            failed("attribution worker: polling for pending visitors failed", e);
        }
    }

    /** @return true when some tenant filled a whole batch (more is probably waiting) */
    private boolean round() {
        boolean more = false;
        for (String tenantId : queue.tenantsWithWork()) {
            if (stopping) {
                return false;
            }
            selection.asPlatform(tenantId);
            try {
                more |= queue.attributeNext(batchSize) >= batchSize;
            } catch (RuntimeException e) {
                failed("attribution worker: a batch of tenant " + tenantId + " failed and was rolled back; "
                        + "trying its visitors one by one", e);
                isolate(tenantId);
            }
        }
        return more;
    }

    /** After a failed batch: each of the tenant's oldest visitors alone; one that fails alone is deferred. */
    private void isolate(String tenantId) {
        List<String> visitors = queue.oldestReady(batchSize);
        for (String visitorId : visitors) {
            if (stopping) {
                return;
            }
            try {
                queue.attributeVisitor(visitorId);
            } catch (RuntimeException e) {
                int attempts = queue.defer(visitorId);
                LOG.log(Level.SEVERE, e, () -> "attribution worker: visitor " + visitorId + " of tenant " + tenantId
                        + " failed (attempt " + attempts + "); retried after a pause, its mark stays");
            }
        }
    }

    private synchronized void failed(String what, RuntimeException e) {
        Instant now = Instant.now();
        if (Duration.between(lastFailureLogged, now).compareTo(FAILURE_LOG_INTERVAL) < 0) {
            failuresNotLogged++;
            return;
        }
        int before = failuresNotLogged;
        LOG.log(Level.WARNING, e, () -> what + (before > 0 ? " (" + before + " more failures in the last minute "
                + "not logged)" : "") + ": " + e);
        lastFailureLogged = now;
        failuresNotLogged = 0;
    }
}
