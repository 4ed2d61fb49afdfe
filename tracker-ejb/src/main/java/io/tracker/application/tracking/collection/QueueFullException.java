package io.tracker.application.tracking.collection;

/**
 * The collector's bounded queue has no room for the hits (by count or by memory): nothing was queued.
 * Thrown at once by {@link Collector#collect}; the endpoint answers {@code 429} with
 * {@code Retry-After: }{@link #retryAfterSeconds()}.
 */
public class QueueFullException extends RuntimeException {

    public QueueFullException(String message) {
        super(message, null, false, false);
    }

    /** Seconds after which the queue has most likely drained (it drains within milliseconds). */
    public int retryAfterSeconds() {
        return 1;
    }
}
