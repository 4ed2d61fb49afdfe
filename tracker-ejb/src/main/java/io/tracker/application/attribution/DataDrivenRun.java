package io.tracker.application.attribution;

import java.time.Instant;

/**
 * One run of the data-driven models (markov, shapley) for a tenant, as stored in {@code data_driven_run}.
 *
 * @param id              the run's id (per tenant)
 * @param reason          {@code ON_DEMAND} (asked through the API) or {@code SCHEDULE} (the nightly run)
 * @param status          {@code QUEUED} → {@code RUNNING} → {@code SUCCEEDED} | {@code FAILED}
 * @param requestedAt     when it was asked for (UTC)
 * @param startedAt       when a server began it; null while queued
 * @param finishedAt      when it ended; null until then
 * @param conversions     counted conversions credited by both models; null until it succeeded
 * @param convertingPaths converting journeys fitted on (with at least one touch)
 * @param nullPaths       non-converting paths fitted on
 * @param channels        distinct channels seen in the paths
 * @param markovMillis    time to fit the Markov models (all actions), in milliseconds
 * @param shapleyMillis   time to fit the Shapley models, in milliseconds
 * @param error           why it failed; null otherwise
 */
public record DataDrivenRun(long id, String reason, String status, Instant requestedAt, Instant startedAt,
                            Instant finishedAt, Integer conversions, Long convertingPaths, Long nullPaths,
                            Integer channels, Long markovMillis, Long shapleyMillis, String error) {

    /** Whether the run has not ended yet (queued or running). */
    public boolean open() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }
}
