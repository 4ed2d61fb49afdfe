package io.tracker.launcher.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a condition: checked every 200 ms until it holds or the time is up. */
public final class Wait {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Wait() {
    }

    /** True as soon as {@code condition} holds; false when it still does not after {@code timeout}. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Ports.pause(INTERVAL);
        }
    }
}
