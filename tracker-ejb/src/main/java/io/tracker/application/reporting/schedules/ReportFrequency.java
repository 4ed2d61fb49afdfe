package io.tracker.application.reporting.schedules;

import io.tracker.domain.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How often a summary is sent, and which days it covers. Days and hours are in the client's time zone.
 *
 * <ul>
 *   <li>{@link #WEEKLY}: on Mondays; covers the 7 days before (Monday to Sunday), compared with the 7 days before
 *       those;</li>
 *   <li>{@link #MONTHLY}: on the 1st; covers the previous calendar month, compared with the month before it.</li>
 * </ul>
 * A send hour that does not exist on a day (a daylight-saving gap) is moved forward by the gap's length, as
 * {@link java.time.ZonedDateTime#of} does.
 */
public enum ReportFrequency {
    WEEKLY("last_7_days", "vs previous week"),
    MONTHLY("previous_month", "vs previous month");

    private final String period;
    private final String against;

    ReportFrequency(String period, String against) {
        this.period = period;
        this.against = against;
    }

    /** {@code weekly} or {@code monthly}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a send covers: {@code last_7_days} or {@code previous_month}. */
    public String period() {
        return period;
    }

    /** What the KPIs' changes are against, for the reader. */
    public String against() {
        return against;
    }

    /** @throws InvalidInputException naming {@code frequency} for anything but weekly or monthly (any case) */
    public static ReportFrequency fromApiName(String name) {
        for (ReportFrequency f : values()) {
            if (f.apiName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return f;
            }
        }
        throw new InvalidInputException("frequency: " + (name == null ? "missing" : "'" + shorten(name) + "' is none")
                + " of weekly (Mondays), monthly (the 1st)");
    }

    /** The first sending day on or after {@code day}: a Monday, or a 1st. */
    public LocalDate sendingDayOnOrAfter(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.getDayOfMonth() == 1 ? day : day.with(TemporalAdjusters.firstDayOfNextMonth());
        };
    }

    /** The last sending day on or before {@code day}: the period before it is the latest complete one. */
    public LocalDate sendingDayOnOrBefore(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    /** The first send strictly after {@code after}: a sending day at {@code hour}:00 in {@code zone}. */
    public Instant nextRun(Instant after, ZoneId zone, int hour) {
        LocalDate day = sendingDayOnOrAfter(after.atZone(zone).toLocalDate());
        Instant at = day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
        if (at.isAfter(after)) {
            return at;
        }
        return sendingDayOnOrAfter(day.plusDays(1)).atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    /** The days a send on {@code sendingDay} covers: {@code [first, last]}, both included. */
    public LocalDate[] period(LocalDate sendingDay) {
        return switch (this) {
            case WEEKLY -> new LocalDate[] {sendingDay.minusDays(7), sendingDay.minusDays(1)};
            case MONTHLY -> new LocalDate[] {sendingDay.minusMonths(1).withDayOfMonth(1), sendingDay.minusDays(1)};
        };
    }

    /** The days the period starting on {@code first} is compared with: the week, or the month, before. */
    public LocalDate[] comparison(LocalDate first) {
        return switch (this) {
            case WEEKLY -> new LocalDate[] {first.minusDays(7), first.minusDays(1)};
            case MONTHLY -> new LocalDate[] {first.minusMonths(1), first.minusDays(1)};
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
