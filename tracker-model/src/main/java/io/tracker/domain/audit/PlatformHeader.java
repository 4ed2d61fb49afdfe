package io.tracker.domain.audit;

import java.util.List;

/**
 * A recognised platform report header: the layout and where each role's column is (0-based, -1 when absent).
 *
 * @param headerCurrency the currency the value column's name carries, or null
 * @param basis          which day the report's conversions column dates conversions by
 */
public record PlatformHeader(PlatformLayout layout, List<String> names, int day, int campaign, int conversions,
                             int value, String headerCurrency, int currency, int reportingEnds, DateBasis basis) {

    /** The header's name of column {@code index}. */
    public String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : null;
    }
}
