package io.tracker.application.reporting;

import io.tracker.domain.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The period of the agency portfolio, resolved per client: "last 30 days" and "this month" end on
 * each client's own today (in its time zone), a custom period is the same calendar days for every
 * client (each counted in its own time zone).
 *
 * @param preset which period
 * @param from   first day of a {@link DateRange#CUSTOM} period (inclusive); ignored otherwise
 * @param to     last day of a {@link DateRange#CUSTOM} period (inclusive); ignored otherwise
 */
public record PortfolioRange(DateRange preset, LocalDate from, LocalDate to) {

    /** Days from the first to the last, both included. */
    public record Days(LocalDate first, LocalDate last) {

        public Days {
            Objects.requireNonNull(first);
            Objects.requireNonNull(last);
        }

        public long length() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }

        /** The period of the same length that ends the day before this one starts. */
        public Days previous() {
            return new Days(first.minusDays(length()), first.minusDays(1));
        }
    }

    /**
     * @throws InvalidInputException for a custom period without both days, ending before it starts, or
     *                               longer than {@value PortfolioService#MAX_DAYS} days
     */
    public PortfolioRange {
        Objects.requireNonNull(preset, "preset");
        if (preset == DateRange.CUSTOM) {
            if (from == null || to == null) {
                throw new InvalidInputException("a custom period needs its first and last day");
            }
            if (to.isBefore(from)) {
                throw new InvalidInputException("the period ends (" + to + ") before it starts (" + from + ")");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > PortfolioService.MAX_DAYS) {
                throw new InvalidInputException("the period is at most " + PortfolioService.MAX_DAYS + " days long");
            }
        }
    }

    /** The last {@code days} days, today included. */
    public static PortfolioRange lastDays(int days) {
        return switch (days) {
            case 7 -> new PortfolioRange(DateRange.LAST_7_DAYS, null, null);
            case 30 -> new PortfolioRange(DateRange.LAST_30_DAYS, null, null);
            case 90 -> new PortfolioRange(DateRange.LAST_90_DAYS, null, null);
            default -> throw new IllegalArgumentException("no preset of " + days + " days");
        };
    }

    /** The period for a client whose local date today is {@code today}. */
    public Days resolve(LocalDate today) {
        if (preset == DateRange.CUSTOM) {
            return new Days(from, to);
        }
        LocalDate[] days = preset.days(today);
        return new Days(days[0], days[1]);
    }
}
