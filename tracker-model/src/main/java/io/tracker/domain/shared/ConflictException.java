package io.tracker.domain.shared;

/** The request clashes with what is already stored, such as a key that must be unique (HTTP 409). */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
