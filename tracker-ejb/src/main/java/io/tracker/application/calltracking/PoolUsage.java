package io.tracker.application.calltracking;

import java.time.Instant;

/**
 * One hour of a pool's use.
 *
 * @param hour        the hour's start (UTC)
 * @param held        the most numbers held at once in the hour (holds that overlap its start or began in it)
 * @param free        the pool's active numbers minus {@code held}, never negative
 * @param exhaustions sessions shown the fallback number in the hour
 */
public record PoolUsage(Instant hour, int held, int free, int exhaustions) {
}
