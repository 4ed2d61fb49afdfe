package io.tracker.domain.shared;

/** The thing asked for does not exist for the current tenant (HTTP 404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
