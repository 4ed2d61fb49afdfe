package io.tracker.application.reporting;

import io.tracker.domain.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A range of whole days in the tenant's time zone, both ends included, and the instants it
 * covers: from the start of {@code from} to the start of the day after {@code to}.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** Longest period a report covers, in days. */
    public static final int MAX_DAYS = 3 * 366;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new InvalidInputException("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        if (from.getYear() < 2000 || to.getYear() > 2999) {
            throw new InvalidInputException("report dates must lie between 2000-01-01 and 2999-12-31");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("a report covers at most " + MAX_DAYS + " days");
        }
    }

    /**
     * Reads {@code YYYY-MM-DD} dates; a missing {@code to} is today, a missing {@code from} is 29 days
     * before {@code to} (30 days in all).
     */
    public static ReportPeriod parse(String from, String to, ZoneId zone) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(zone) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date("from", from);
        return new ReportPeriod(start, end, zone);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + name + "' must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
