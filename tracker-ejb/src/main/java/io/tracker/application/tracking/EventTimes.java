package io.tracker.application.tracking;

import java.time.Duration;
import java.time.Instant;

/**
 * The range of event times Tracker accepts, the same for the event API and file imports: not
 * before {@value #EARLIEST_TEXT} (older data is a mistake such as a zeroed date, not marketing
 * history) and at most one day after the server's clock (clock skew, time zones). The range also
 * keeps every accepted time inside what PostgreSQL's {@code timestamptz} can store.
 */
public final class EventTimes {

    static final String EARLIEST_TEXT = "2000-01-01T00:00:00Z";
    /** Earliest accepted event time. */
    public static final Instant EARLIEST = Instant.parse(EARLIEST_TEXT);
    /** How far after the server's clock an event may be. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private EventTimes() {
    }

    /**
     * Why this time is refused, or null when it is in range.
     *
     * @param at  the event time
     * @param now the server's clock
     * @return e.g. "is before 2000-01-01T00:00:00Z", to follow the field's name and value
     */
    public static String outOfRange(Instant at, Instant now) {
        if (at.isBefore(EARLIEST)) {
            return "is before " + EARLIEST;
        }
        if (at.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            return "is more than a day in the future";
        }
        return null;
    }
}
