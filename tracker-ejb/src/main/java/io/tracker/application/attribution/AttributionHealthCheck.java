package io.tracker.application.attribution;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * The {@code attribution} entry of {@code /health}: data {@code pending} (visitors waiting, all
 * tenants), {@code lag_seconds} (age of the oldest mark), {@code worker_idle_seconds} (since this
 * server's worker last made progress) and {@code down_after_seconds}.
 *
 * <p>Status: <b>UP</b> however large the lag while this server's worker makes progress: a busy worker
 * is catching up, and taking servers out of service would stop collection without helping it.
 * <b>DOWN</b> only when the lag exceeds {@code tracker.attribution.lag-down-seconds} (default 600,
 * ten minutes) <em>and</em> this server's worker has made no progress for a minute: its worker is
 * stuck, which a restart cures (hence a liveness check). Also DOWN when the lag cannot be read (the
 * database is away; the readiness check says so too).
 */
@Liveness
@ApplicationScoped
public class AttributionHealthCheck implements HealthCheck {

    static final String NAME = "attribution";
    private static final Duration STALLED = Duration.ofMinutes(1);

    @EJB
    private AttributionQueue queue;

    @Inject
    private AttributionWorkerState worker;

    @Inject
    @ConfigProperty(name = "tracker.attribution.lag-down-seconds", defaultValue = "600")
    private long downAfterSeconds;

    @Override
    public HealthCheckResponse call() {
        long idle = Duration.between(worker.lastProgress(), Instant.now()).toSeconds();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("worker_idle_seconds", idle)
                .withData("down_after_seconds", downAfterSeconds);
        AttributionLag lag;
        try {
            lag = queue.platformLag();
        } catch (RuntimeException e) {
            return response.down().withData("error", "the attribution lag cannot be read: " + rootMessage(e)).build();
        }
        boolean stuck = lag.lagSeconds() > downAfterSeconds && idle >= STALLED.toSeconds();
        return response.withData("pending", lag.pending())
                .withData("lag_seconds", Math.round(Math.floor(lag.lagSeconds())))
                .status(!stuck)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
