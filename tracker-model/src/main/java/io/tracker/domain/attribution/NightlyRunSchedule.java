package io.tracker.domain.attribution;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When a tenant's nightly data-driven run is due: once per tenant-local calendar day, from the
 * configured tenant-local time of day on ({@code tracker.data-driven.nightly-at}, {@code HH:mm},
 * default 03:00).
 *
 * <p>Rule: at instant {@code now}, a tenant in zone Z is due when the wall-clock time of {@code now}
 * in Z is at or after the nightly time, and its last scheduled run (if any) was asked for on an
 * earlier Z-local date than {@code now}'s. Whether it has anything new to fit, or a run under way, is
 * the caller's to know.
 *
 * <p>Daylight saving time follows from comparing wall-clock times: on a spring-forward day a nightly
 * time that does not exist (02:30 in America/Chicago on 2026-03-08, when clocks jump from 02:00 to
 * 03:00) is due from the first instant after the gap (03:00 CDT); on a fall-back day a time that
 * happens twice (01:30 on 2026-11-01) is due at its first occurrence, and the second finds that day's
 * run already asked for. A day thus gets exactly one run however long it is. A server that was down
 * at the nightly time queues the run when it comes back, the same local day. Zones are Java's
 * ({@link ZoneId#of}: IANA ids and fixed offsets such as {@code +05:30}), as tenants store them.
 */
public final class NightlyRunSchedule {

    /** The configuration value that turns the schedule off. */
    public static final String OFF = "off";

    private final LocalTime at;

    /** @param at the tenant-local time of day from which the run is due */
    public NightlyRunSchedule(LocalTime at) {
        this.at = Objects.requireNonNull(at);
    }

    /**
     * The schedule a configuration value names: {@code HH:mm} (or {@code HH:mm:ss}) is that time;
     * {@value #OFF} (any case) or blank is no schedule.
     *
     * @throws IllegalArgumentException for anything else, naming the value
     */
    public static Optional<NightlyRunSchedule> parse(String text) {
        if (text == null || text.isBlank() || OFF.equalsIgnoreCase(text.trim())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new NightlyRunSchedule(LocalTime.parse(text.trim())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("tracker.data-driven.nightly-at must be HH:mm or 'off', not '" + text + "'", e);
        }
    }

    /** The tenant-local time of day from which the run is due. */
    public LocalTime at() {
        return at;
    }

    /**
     * Whether the tenant's nightly run is due now (see the class comment).
     *
     * @param now           the current instant
     * @param zone          the tenant's time zone
     * @param lastScheduled when the tenant's latest scheduled run was asked for; null if never
     */
    public boolean isDue(Instant now, ZoneId zone, Instant lastScheduled) {
        ZonedDateTime local = now.atZone(zone);
        if (local.toLocalTime().isBefore(at)) {
            return false;
        }
        return lastScheduled == null || lastScheduled.atZone(zone).toLocalDate().isBefore(local.toLocalDate());
    }

    @Override
    public String toString() {
        return "at " + at + " tenant time";
    }
}
