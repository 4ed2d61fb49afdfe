package io.tracker.application.recovery.sms;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a text again: at most {@value #MAX_ATTEMPTS} attempts, waiting 1, 4, 16 and 64 minutes before
 * attempts 2 to 5 (exponential back-off, factor 4: {@code 4^(attempt − 2)} minutes), so the last attempt is made
 * 85 minutes after the first. Only RETRY outcomes are tried again; ACCEPTED and FAILED are final.
 *
 * <p>No jitter: the delays are what the flow's schedule and its tests can count on. A retry keeps the text's
 * {@code messageKey}, so a platform that de-duplicates does not send it twice.
 */
public final class RetryPolicy {

    public static final int MAX_ATTEMPTS = 5;

    private RetryPolicy() {
    }

    /**
     * The delay before attempt number {@code attempt}, counted from the end of the one before.
     *
     * @param attempt 2..{@value #MAX_ATTEMPTS}
     * @return 1, 4, 16 or 64 minutes
     * @throws IllegalArgumentException for any other attempt number (the first attempt has no delay)
     */
    public static Duration delayBefore(int attempt) {
        if (attempt < 2 || attempt > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("attempt " + attempt + " is not 2.." + MAX_ATTEMPTS);
        }
        return Duration.ofMinutes(1L << (2 * (attempt - 2)));
    }

    /**
     * Whether another attempt follows after {@code attempts} attempts ended with this outcome.
     *
     * @param attempts attempts made so far, at least 1
     */
    public static boolean retries(SendResult.Outcome outcome, int attempts) {
        Objects.requireNonNull(outcome, "outcome");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts " + attempts + " is less than 1");
        }
        return outcome == SendResult.Outcome.RETRY && attempts < MAX_ATTEMPTS;
    }
}
