package io.tracker.domain.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Creation times of entities, at the precision PostgreSQL stores ({@code timestamptz}: microseconds). */
public final class Clock {

    private Clock() {
    }

    /**
     * Now, truncated to microseconds, so that an entity reads the same just after it is created
     * as after it has been stored and loaded again.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
