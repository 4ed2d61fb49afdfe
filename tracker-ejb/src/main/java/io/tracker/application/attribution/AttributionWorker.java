package io.tracker.application.attribution;

import io.tracker.application.reporting.Rollups;
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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-attributes marked visitors off the request path, continuously, on every server.
 *
 * <p>The worker runs in {@code tracker.attribution.lanes} (default 3) independent lanes: one lane is
 * mostly waiting for PostgreSQL while it computes journeys and credits, so a second keeps both cores of
 * a small server busy (see the README's "Speed of attribution"). Lanes claim disjoint batches of visitors
 * (so disjoint conversions) and append their roll-up sums to deltas without a key (V15), so they never
 * wait for each other.
 *
 * <p>Every {@code tracker.attribution.poll-millis} (default 500 ms) after its previous wake-up ended,
 * each lane asks the database which tenants have visitors waiting
 * ({@link AttributionQueue#tenantsWithWork()}), then, acting for each in turn as Tracker itself
 * ({@link TenantSelection#asPlatform}), claims and re-attributes up to
 * {@code tracker.attribution.batch-size} (default 4,000) of its oldest marks in one transaction
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
@ManagedScheduledExecutorDefinition(name = AttributionWorker.LANES_EXECUTOR, maxAsync = AttributionWorker.MAX_LANES)
public class AttributionWorker {

    /**
     * The lanes' own scheduled executor, one thread per lane. Payara's default one has a single thread,
     * shared with every other periodic job: on it the lanes ran one after the other, and stopped while a
     * data-driven run was under way.
     */
    static final String LANES_EXECUTOR = "java:app/concurrent/attribution-lanes";
    /** The most lanes {@code tracker.attribution.lanes} may ask for (the executor's threads). */
    static final int MAX_LANES = 8;

    private static final Logger LOG = Logger.getLogger(AttributionWorker.class.getName());

    /** Pause after deployment before the first poll, so that start-up work (migrations, demo data) comes first. */
    private static final Duration FIRST_POLL = Duration.ofSeconds(2);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);
    /** How long a drained lane tries to fold while another fold runs (one takes well under a second). */
    private static final Duration FOLD_WAIT = Duration.ofSeconds(3);
    private static final Duration FOLD_RETRY = Duration.ofMillis(25);

    @Resource(lookup = LANES_EXECUTOR)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.attribution.poll-millis", defaultValue = "500")
    private long pollMillis;

    @Inject
    @ConfigProperty(name = "tracker.attribution.batch-size", defaultValue = "4000")
    private int batchSize;

    @Inject
    @ConfigProperty(name = "tracker.attribution.lanes", defaultValue = "3")
    private int lanes;

    @EJB
    private TenantSelection selection;

    @EJB
    private AttributionQueue queue;

    @EJB
    private Rollups rollups;

    /** One controller per wake-up: a controller belongs to the thread that activated the context. */
    @Inject
    private Instance<RequestContextController> requestContexts;

    @Inject
    private AttributionWorkerState state;

    private volatile boolean stopping;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private Instant lastFailureLogged = Instant.EPOCH;
    private int failuresNotLogged;

    @PostConstruct
    void start() {
        for (int lane = 0; lane < Math.min(MAX_LANES, Math.max(1, lanes)); lane++) {
            tasks.add(scheduler.scheduleWithFixedDelay(this::wakeUp, FIRST_POLL.toMillis() + lane * pollMillis / 2,
                    Math.max(50, pollMillis), TimeUnit.MILLISECONDS));
        }
        LOG.info(() -> "Attribution worker started: " + tasks.size() + " lanes, each polls every " + pollMillis
                + " ms, batches of " + batchSize);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        tasks.forEach(t -> t.cancel(false));
    }

    /** One wake-up: rounds until no tenant filled a batch. Never throws (that would end the schedule). */
    private void wakeUp() {
        try {
            RequestContextController requestContext = requestContexts.get();
            requestContext.activate();
            try {
                boolean worked = false;
                Round round;
                do {
                    round = round();
                    worked |= round.claimed() > 0;
                    state.progressed();
                } while (!stopping && round.more());
                if (worked) {
                    foldCredits();
                }
            } finally {
                requestContext.deactivate();
                requestContexts.destroy(requestContext);
            }
        } catch (RuntimeException e) {
            failed("attribution worker: polling for pending visitors failed", e);
        }
    }

    /**
     * Folds the credit roll-up's deltas once the queue is drained ({@link Rollups#foldCredits()}), so that
     * a burst of attribution leaves few deltas for reports to add; {@code RollupFolder} folds every few
     * seconds besides. Reports are exact either way (they read the deltas too). When another lane's fold is
     * under way it cannot take this lane's last deltas (committed after it began), so the fold is tried
     * again, every {@link #FOLD_RETRY} for up to {@link #FOLD_WAIT}: without that, the end of a burst waited
     * idle for the folder (up to 5 s of the benchmark's 10).
     */
    private void foldCredits() {
        try {
            Instant giveUp = Instant.now().plus(FOLD_WAIT);
            while (rollups.foldCredits() < 0 && !stopping && Instant.now().isBefore(giveUp)) {
                Thread.sleep(FOLD_RETRY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed("attribution worker: folding the credit roll-up failed; its deltas stay and are folded later", e);
        }
    }

    /**
     * One round's outcome.
     *
     * @param claimed visitors claimed, over all tenants
     * @param more    some tenant filled a whole batch (more is probably waiting)
     */
    private record Round(int claimed, boolean more) {
    }

    private Round round() {
        boolean more = false;
        int claimed = 0;
        for (String tenantId : queue.tenantsWithWork()) {
            if (stopping) {
                return new Round(claimed, false);
            }
            selection.asPlatform(tenantId);
            try {
                int n = queue.attributeNext(batchSize);
                claimed += n;
                more |= n >= batchSize;
            } catch (RuntimeException e) {
                failed("attribution worker: a batch of tenant " + tenantId + " failed and was rolled back; "
                        + "trying its visitors one by one", e);
                isolate(tenantId);
                claimed++; // its visitors were tried one by one: the round did work
            }
        }
        return new Round(claimed, more);
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
