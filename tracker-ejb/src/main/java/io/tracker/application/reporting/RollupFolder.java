package io.tracker.application.reporting;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Folds the roll-ups' deltas ({@link Rollups}: visits, then credits) every {@code tracker.rollups.fold-seconds}
 * (default 5) after the previous fold ended, on every server; the database lets one fold of each run at a
 * time and the others return at once. Figures never wait for it (readers add the unfolded deltas); it keeps
 * the deltas a report reads to a few seconds' worth. A failure (the database away) is logged at most once
 * a minute, and the deltas wait for the next fold.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RollupFolder {

    private static final Logger LOG = Logger.getLogger(RollupFolder.class.getName());
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tracker.rollups.fold-seconds", defaultValue = "5")
    private long foldSeconds;

    @EJB
    private Rollups rollups;

    private ScheduledFuture<?> task;
    private Instant lastFailureLogged = Instant.EPOCH;

    @PostConstruct
    void start() {
        long every = Math.max(1, foldSeconds);
        task = scheduler.scheduleWithFixedDelay(this::fold, every, every, TimeUnit.SECONDS);
        LOG.info(() -> "Roll-up folder started: folds visits, credits and conversions every " + every + " s");
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One fold. Never throws (that would end the schedule). */
    private void fold() {
        try {
            rollups.foldVisits();
            rollups.foldCredits();
            rollups.foldConversions();
        } catch (RuntimeException e) {
            Instant now = Instant.now();
            if (Duration.between(lastFailureLogged, now).compareTo(FAILURE_LOG_INTERVAL) >= 0) {
                lastFailureLogged = now;
                LOG.log(Level.WARNING, e, () -> "roll-ups: folding failed; the deltas stay and are folded later: " + e);
            }
        }
    }
}
