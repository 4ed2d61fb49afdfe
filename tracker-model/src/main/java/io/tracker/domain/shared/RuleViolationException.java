package io.tracker.domain.shared;

/** The input is well formed but breaks a business rule, such as an unknown conversion action (HTTP 422). */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String message) {
        super(message);
    }
}
