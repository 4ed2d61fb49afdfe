package io.tracker.domain.campaign.cost;

import java.util.List;

/**
 * A recognised header line: the layout and where each role's column is (0-based, -1 when absent).
 *
 * @param names          the header's cells, trimmed, to name columns in row errors
 * @param headerCurrency the currency the cost column's name carries ({@code Amount spent (USD)}), or null
 */
public record CostHeader(CostLayout layout, List<String> names, int day, int campaign, int cost,
                         String headerCurrency, int currency, int clicks, int impressions, int reportingEnds,
                         int campaignType, int channel, int sourceMedium) {

    /** The header's name of column {@code index}. */
    public String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : null;
    }
}
