package io.tracker.application.tracking.collection;

import java.util.Objects;

/**
 * What became of one {@link CollectedHit}, in the order the hits were handed to
 * {@link Collector#collect}. Only {@link Status#REJECTED} has a reason.
 *
 * @param status what happened
 * @param reason for a rejected hit: one sentence for the sender, naming the field (values cut short);
 *               null otherwise
 */
public record HitOutcome(Status status, String reason) {

    /** What happened to a hit. */
    public enum Status {
        /** Committed to the database (a touchpoint, conversion, custom event or identity link). */
        STORED,
        /** Already stored before (same event id, same order id for the action, same event name and order id within 48 hours): counted, not stored again. */
        DUPLICATE,
        /** Sent by a robot, crawler or link-preview fetcher, or a browser prefetch: counted, not stored. */
        BOT,
        /** Invalid: not stored, counted; {@link HitOutcome#reason()} says why. */
        REJECTED
    }

    public static final HitOutcome STORED = new HitOutcome(Status.STORED, null);
    public static final HitOutcome DUPLICATE = new HitOutcome(Status.DUPLICATE, null);
    public static final HitOutcome BOT = new HitOutcome(Status.BOT, null);

    public HitOutcome {
        Objects.requireNonNull(status);
        if ((status == Status.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly for a rejected hit");
        }
    }

    /** A rejected hit with the reason for its sender. */
    public static HitOutcome rejected(String reason) {
        return new HitOutcome(Status.REJECTED, reason);
    }

    /** True unless the hit was rejected: the sender need not send it again. */
    public boolean accepted() {
        return status != Status.REJECTED;
    }
}
