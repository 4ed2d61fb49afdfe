package io.tracker.application.reporting;

import io.tracker.domain.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The buckets of a trend: a day, an ISO week (Monday to Sunday) or a calendar month, of the tenant's days. A
 * bucket is named by its first day; the first and last buckets of a period may be partial (only the period's
 * days count).
 */
public enum TrendInterval {
    DAY, WEEK, MONTH;

    /** The first day of the bucket holding {@code day}. */
    public LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting at {@code bucket}. */
    public LocalDate next(LocalDate bucket) {
        return switch (this) {
            case DAY -> bucket.plusDays(1);
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
        };
    }

    /** The API name: {@code day}, {@code week} or {@code month}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code day}, {@code week} or {@code month}, case-insensitive; {@code day} when absent.
     *
     * @throws InvalidInputException for anything else
     */
    public static TrendInterval parse(String text) {
        if (text == null || text.isBlank()) {
            return DAY;
        }
        for (TrendInterval i : values()) {
            if (i.apiName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new InvalidInputException("'interval' is day, week or month, not '" + text.strip() + "'");
    }
}
