package io.tracker.domain.shared;

/**
 * Root of the exceptions that carry a business meaning. The web tier maps each subclass to one
 * HTTP status with an {@code application/problem+json} body, so a message here is written for
 * the API caller.
 */
public class DomainException extends RuntimeException {

    public DomainException(String message) {
        super(message);
    }
}
