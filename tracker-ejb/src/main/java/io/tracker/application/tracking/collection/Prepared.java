package io.tracker.application.tracking.collection;

import java.time.Instant;

/**
 * A hit after the checks made before queueing: either valid ({@code hit}, to be stored unless it turns
 * out a duplicate) or already decided ({@code outcome}: a bot, a prefetch or a rejection, only counted).
 * {@code debug} not null: the hit came from a browser in debug mode and goes to {@code debug_hit} only
 * ({@link DebugHit}).
 */
record Prepared(ValidHit hit, HitOutcome outcome, boolean prefetch, DebugHit debug) {

    static Prepared valid(ValidHit hit) {
        return new Prepared(hit, null, false, null);
    }

    static Prepared decided(HitOutcome outcome) {
        return new Prepared(null, outcome, false, null);
    }

    static Prepared prefetched() {
        return new Prepared(null, HitOutcome.BOT, true, null);
    }

    /** This hit, marked as sent in the debug session (the raw hit gives type and URL of a refused one). */
    Prepared inDebugSession(String sessionId, CollectedHit raw, Instant arrivedAt) {
        return new Prepared(hit, outcome, prefetch, DebugHit.of(sessionId, raw, arrivedAt));
    }

    long estimatedBytes() {
        return hit != null ? hit.estimatedBytes() : 64;
    }
}
