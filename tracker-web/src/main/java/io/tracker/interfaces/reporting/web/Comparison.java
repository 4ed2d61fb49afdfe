package io.tracker.interfaces.reporting.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * What the dashboard compares a period with: nothing, the period of the same length just before it, or the same
 * days a year earlier (29 February compares with 28 February).
 */
public enum Comparison {
    NONE("No comparison", ""),
    PREVIOUS_PERIOD("Previous period", "vs previous period"),
    PREVIOUS_YEAR("Same period last year", "vs last year");

    private final String label;
    private final String against;

    Comparison(String label, String against) {
        this.label = label;
        this.against = against;
    }

    public String label() {
        return label;
    }

    /** Written after a change: "vs previous period". */
    public String against() {
        return against;
    }

    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The days compared with {@code from}..{@code to} (both included); null for {@link #NONE}. */
    public LocalDate[] days(LocalDate from, LocalDate to) {
        return switch (this) {
            case NONE -> null;
            case PREVIOUS_PERIOD -> {
                long length = ChronoUnit.DAYS.between(from, to) + 1;
                yield new LocalDate[] {from.minusDays(length), from.minusDays(1)};
            }
            case PREVIOUS_YEAR -> new LocalDate[] {from.minusYears(1), to.minusYears(1)};
        };
    }

    public static Optional<Comparison> fromUrl(String text) {
        for (Comparison c : values()) {
            if (c.urlName().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
