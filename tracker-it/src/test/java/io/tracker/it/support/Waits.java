package io.tracker.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition, never for a fixed time: polls it every 50 ms until it holds or the time is up. */
public final class Waits {

    private static final long POLL_MILLIS = 50;

    private Waits() {
    }

    /**
     * Returns as soon as the condition holds.
     *
     * @param failure what went wrong, computed only on timeout
     * @throws AssertionError when it still does not hold after the timeout
     */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
