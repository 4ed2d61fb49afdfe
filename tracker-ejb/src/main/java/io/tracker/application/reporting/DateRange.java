package io.tracker.application.reporting;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * The date range presets of the dashboard and of the agency portfolio, each a run of whole days ending today or in
 * the last month, in the zone of the client whose today it is (today included, as the report API's default of 30
 * days is); {@link #CUSTOM} keeps the typed dates. The labels are what the menus show.
 */
public enum DateRange {
    LAST_7_DAYS("Last 7 days"),
    LAST_30_DAYS("Last 30 days"),
    LAST_90_DAYS("Last 90 days"),
    THIS_MONTH("This month"),
    LAST_MONTH("Last month"),
    CUSTOM("Custom");

    private final String label;

    DateRange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The URL's name: {@code last_7_days} … {@code custom}. */
    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** First and last day for {@code today} in the tenant's zone; null for {@link #CUSTOM}. */
    public LocalDate[] days(LocalDate today) {
        return switch (this) {
            case LAST_7_DAYS -> new LocalDate[] {today.minusDays(6), today};
            case LAST_30_DAYS -> new LocalDate[] {today.minusDays(29), today};
            case LAST_90_DAYS -> new LocalDate[] {today.minusDays(89), today};
            case THIS_MONTH -> new LocalDate[] {today.withDayOfMonth(1), today};
            case LAST_MONTH -> {
                LocalDate first = today.minusMonths(1).withDayOfMonth(1);
                yield new LocalDate[] {first, first.with(TemporalAdjusters.lastDayOfMonth())};
            }
            case CUSTOM -> null;
        };
    }

    /** The preset with this URL name, case-insensitive. */
    public static Optional<DateRange> fromUrl(String text) {
        for (DateRange r : values()) {
            if (r.urlName().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
