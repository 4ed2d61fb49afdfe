package io.tracker.application.tracking.collection;

/**
 * Collection cannot take or store hits now: the database is unreachable or the group's transaction
 * failed (nothing of it was stored), or the server is shutting down. The endpoint answers
 * {@code 503} with {@code Retry-After: }{@link #retryAfterSeconds()}; the sender may send the same
 * hits again (event ids make that safe).
 */
public class CollectionUnavailableException extends RuntimeException {

    public CollectionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Seconds after which a retry may succeed. */
    public int retryAfterSeconds() {
        return 5;
    }
}
