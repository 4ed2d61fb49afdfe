package io.tracker.application.calltracking;

import java.time.Instant;

/**
 * A number pool (table {@code number_pool}); numbers in E.164.
 *
 * @param swapTarget     the business number as the site shows it, replaced by the pool's numbers
 * @param holdMinutes    how long a number stays with a session after its last activity
 * @param fallbackNumber shown when every number of the pool is held
 * @param numbers        the pool's active dynamic numbers
 * @param heldNow        of those, held by a live session now
 * @param exhaustions    sessions shown the fallback number in the last 30 days
 * @param peakConcurrent the most sessions that wanted a number at once in the last 30 days (holds plus
 *                       exhaustions in the same minute)
 * @param advisedNumbers numbers advised: the peak × 1.25, rounded up (room for a busier day)
 */
public record NumberPool(long id, String name, String swapTarget, int holdMinutes, String fallbackNumber,
                         int numbers, int heldNow, long exhaustions, int peakConcurrent, int advisedNumbers,
                         Instant createdAt) {
}
