package io.tracker.domain.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A daily window in which no text goes out, as wall-clock times in the shopper's time zone (the zone is
 * passed to {@link #nextAllowed}, not stored, so one flow's quiet hours hold for shoppers everywhere).
 *
 * <p>{@code from} is inclusive and {@code to} exclusive: 21:00–08:00 is quiet at 21:00 and at 07:59, not at
 * 08:00. When {@code from} is later than {@code to} the window wraps midnight; when they are equal there are
 * no quiet hours at all ({@link #NONE}), since a window of zero length and one of 24 hours cannot be told
 * apart and a flow that never sends is better switched off than given all-day quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    /** No quiet hours: every time of day is allowed. */
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** @throws NullPointerException when either time is null */
    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Quiet hours from two strict {@code HH:mm} strings (24-hour clock, two digits each: "21:00", "08:00").
     *
     * @throws IllegalArgumentException naming "from" or "to" when one is missing or not {@code HH:mm}
     */
    public static QuietHours parse(String from, String to) {
        return new QuietHours(time("from", from), time("to", to));
    }

    /** Whether a text may not go out at this local time of day. */
    public boolean quiet(LocalTime t) {
        if (from.equals(to)) {
            return false;
        }
        if (from.isBefore(to)) {
            return !t.isBefore(from) && t.isBefore(to);
        }
        return !t.isBefore(from) || t.isBefore(to);
    }

    /**
     * The earliest instant at or after {@code due} at which a text may go out to a shopper in {@code zone}:
     * {@code due} itself when its local time is outside the window, otherwise the next local {@code to}
     * (later the same local date when {@code to} is still ahead, else the next date).
     *
     * <p>When that {@code to} falls into a daylight-saving gap it moves forward by the gap's length, as
     * {@link ZonedDateTime#of} resolves it (02:30 on Berlin's spring-forward night becomes 03:30 CEST): the
     * same instant the window would have ended without the change. In a fall-back overlap the earlier
     * occurrence is taken unless it lies before {@code due}.
     */
    public Instant nextAllowed(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!quiet(time)) {
            return due;
        }
        LocalDate date = time.isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        ZonedDateTime end = ZonedDateTime.of(date, to, zone);
        if (end.isBefore(local)) {
            // due is in the second pass of a repeated hour and "to" in the first: the second pass is the one ahead
            end = end.withLaterOffsetAtOverlap();
        }
        return end.toInstant();
    }

    private static LocalTime time(String name, String value) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a time of day as HH:mm, 00:00 to 23:59, but was "
                    + (value == null ? "missing" : "\"" + value + "\""));
        }
        return LocalTime.parse(value);
    }
}
