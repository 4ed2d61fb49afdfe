package io.tracker.application.tracking.collection;

import java.time.Instant;

/**
 * A hit after the checks made before queueing: either valid ({@code hit}, to be stored unless it turns
 * out a duplicate) or already decided ({@code outcome}: a bot, a prefetch or a rejection, only counted).
 * A bot or prefetch keeps its page's domain ({@code host}, {@code io.tracker.domain.audit.WebsiteDomain}) and time
 * ({@code at}) for the hourly tag-health roll-up; null for the other decided hits (rejected: not rolled up).
 * {@code debug} not null: the hit came from a browser in debug mode and goes to {@code debug_hit} only
 * ({@link DebugHit}).
 */
record Prepared(ValidHit hit, HitOutcome outcome, boolean prefetch, String host, Instant at, DebugHit debug) {

    static Prepared valid(ValidHit hit) {
        return new Prepared(hit, null, false, null, null, null);
    }

    static Prepared decided(HitOutcome outcome) {
        return new Prepared(null, outcome, false, null, null, null);
    }

    static Prepared prefetched() {
        return new Prepared(null, HitOutcome.BOT, true, null, null, null);
    }

    /** A bot's or prefetch's hit, rolled up under its page's domain and hour. */
    static Prepared bot(boolean prefetch, String host, Instant at) {
        return new Prepared(null, HitOutcome.BOT, prefetch, host, at, null);
    }

    /** This hit, marked as sent in the debug session (the raw hit gives type and URL of a refused one). */
    Prepared inDebugSession(String sessionId, CollectedHit raw, Instant arrivedAt) {
        return new Prepared(hit, outcome, prefetch, host, at, DebugHit.of(sessionId, raw, arrivedAt));
    }

    long estimatedBytes() {
        return hit != null ? hit.estimatedBytes() : 64;
    }
}
