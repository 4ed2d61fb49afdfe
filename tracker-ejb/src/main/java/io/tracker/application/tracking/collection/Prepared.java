package io.tracker.application.tracking.collection;

/**
 * A hit after the checks made before queueing: either valid ({@code hit}, to be stored unless it turns
 * out a duplicate) or already decided ({@code outcome}: a bot, a prefetch or a rejection, only counted).
 */
record Prepared(ValidHit hit, HitOutcome outcome, boolean prefetch) {

    static Prepared valid(ValidHit hit) {
        return new Prepared(hit, null, false);
    }

    static Prepared decided(HitOutcome outcome) {
        return new Prepared(null, outcome, false);
    }

    static Prepared prefetched() {
        return new Prepared(null, HitOutcome.BOT, true);
    }

    long estimatedBytes() {
        return hit != null ? hit.estimatedBytes() : 64;
    }
}
