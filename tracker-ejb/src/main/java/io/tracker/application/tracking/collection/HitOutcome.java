package io.tracker.application.tracking.collection;

import java.util.Objects;

/**
 * What became of one {@link CollectedHit}, in the order the hits were handed to
 * {@link Collector#collect}. Only {@link Status#REJECTED} has a reason.
 *
 * @param status what happened
 * @param reason for a rejected hit: one sentence for the sender, naming the field (values cut short);
 *               null otherwise
 * @param note   for a stored hit, what it did not do that the sender may expect, such as "conversion
 *               action 'purchase' is paused: no conversion recorded"; null otherwise
 */
public record HitOutcome(Status status, String reason, String note) {

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
        if (note != null && status != Status.STORED) {
            throw new IllegalArgumentException("only a stored hit has a note");
        }
    }

    public HitOutcome(Status status, String reason) {
        this(status, reason, null);
    }

    /** A stored hit with a note for its sender (null: {@link #STORED}). */
    public static HitOutcome stored(String note) {
        return note == null ? STORED : new HitOutcome(Status.STORED, null, note);
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
