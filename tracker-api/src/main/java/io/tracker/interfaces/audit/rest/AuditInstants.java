package io.tracker.interfaces.audit.rest;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code at} query parameter of the tag-health API: an ISO-8601 instant; absent: now. */
final class AuditInstants {

    private AuditInstants() {
    }

    /** @throws InvalidInputException (400) for anything but an instant such as 2026-05-04T10:00:00Z */
    static Instant at(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at: " + Text.echo(value)
                    + " is not an ISO-8601 instant such as 2026-05-04T10:00:00Z");
        }
    }
}
