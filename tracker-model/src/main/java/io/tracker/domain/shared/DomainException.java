package io.tracker.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * Root of the exceptions that carry a business meaning. The web tier maps each subclass to one
 * HTTP status with an {@code application/problem+json} body, so a message here is written for
 * the API caller. An application exception for the EJB container: it reaches the caller as it is
 * (not wrapped, not logged as a system failure) and rolls the transaction back, so nothing is
 * stored half-way.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    public DomainException(String message) {
        super(message);
    }
}
