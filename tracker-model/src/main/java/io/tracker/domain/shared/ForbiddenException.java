package io.tracker.domain.shared;

/** The caller is known but may not do this (HTTP 403). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
