package io.tracker.domain.shared;

/** The input cannot be read: a bad date, an unknown enum value, a missing parameter (HTTP 400). */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        super(message);
    }
}
