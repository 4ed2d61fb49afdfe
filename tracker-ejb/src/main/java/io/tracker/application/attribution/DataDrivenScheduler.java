package io.tracker.application.attribution;

import io.tracker.application.shared.Polling;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.domain.attribution.NightlyRunSchedule;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries out data-driven runs ({@link DataDrivenAttribution}) off the request path, on every server.
 *
 * <p>Every {@code tracker.data-driven.poll-seconds} (default 5) it (1) queues the nightly run of each
 * tenant that is due: it has conversions newer than its last successful run read and no run under way
 * ({@link DataDrivenRuns#scheduleCandidates}), and {@link NightlyRunSchedule} finds it due at
 * {@code tracker.data-driven.nightly-at} (default {@code 03:00} tenant-local, once per local day;
 * {@code off} disables the schedule); (2) takes the queued runs, oldest first, one
 * at a time: marks one RUNNING (only one server wins it), runs it as Tracker itself in a transaction of
 * its own, and on failure marks it FAILED with the reason. A tenant has at most one run under way; a run
 * left RUNNING by a server that stopped is given up after {@link #STALE_AFTER} and the tenant's next
 * queued run goes ahead.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = DataDrivenScheduler.EXECUTOR, maxAsync = 1)
public class DataDrivenScheduler {

    /**
     * The scheduler's own thread: a run takes seconds to minutes, and on Payara's default scheduled
     * executor (one thread for every periodic job) it held up the attribution worker and the roll-up folds.
     */
    static final String EXECUTOR = "java:app/concurrent/data-driven-runs";

    private static final Logger LOG = Logger.getLogger(DataDrivenScheduler.class.getName());

    static final Duration STALE_AFTER = Duration.ofHours(2);

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.data-driven.poll-seconds", defaultValue = "5")
    private long pollSeconds;

    @Inject
    @ConfigProperty(name = "tracker.data-driven.nightly-at", defaultValue = "03:00")
    private String nightlyAt;

    @EJB
    private TenantSelection selection;

    @EJB
    private DataDrivenRuns runs;

    @EJB
    private DataDrivenAttribution attribution;

    @Inject
    private RequestContextController requestContext;

    private Polling polling;
    private Optional<NightlyRunSchedule> nightly;

    @PostConstruct
    void start() {
        nightly = NightlyRunSchedule.parse(nightlyAt);
        polling = Polling.start("data-driven scheduler", scheduler, Math.max(1, pollSeconds), requestContext, p -> {
            nightly.ifPresent(this::queueDue);
            runReady(p);
        });
        LOG.info(() -> "Data-driven scheduler started: polls every " + pollSeconds + " s, nightly runs "
                + nightly.map(NightlyRunSchedule::toString).orElse("off"));
    }

    @PreDestroy
    void stop() {
        polling.stop();
    }

    private void queueDue(NightlyRunSchedule schedule) {
        Instant now = Instant.now();
        for (DataDrivenRuns.ScheduleCandidate tenant : runs.scheduleCandidates()) {
            if (schedule.isDue(now, tenant.zone(), tenant.lastScheduled())) {
                selection.asPlatform(tenant.tenantId());
                runs.queueScheduled();
            }
        }
    }

    private void runReady(Polling polling) {
        for (DataDrivenRuns.Ready ready : runs.ready(STALE_AFTER)) {
            if (polling.stopping()) {
                return;
            }
            selection.asPlatform(ready.tenantId());
            if (!runs.start(ready.runId())) {
                continue;
            }
            try {
                attribution.run(ready.runId());
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                String why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                LOG.log(Level.WARNING, e, () -> "data-driven run " + ready.runId() + " of tenant " + ready.tenantId()
                        + " failed: " + why);
                runs.fail(ready.runId(), why);
            }
        }
    }
}
