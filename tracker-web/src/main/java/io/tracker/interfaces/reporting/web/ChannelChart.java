package io.tracker.interfaces.reporting.web;

import io.tracker.interfaces.shared.web.BarChart;
import java.util.List;

/**
 * The Chart.js configuration behind the dashboard's attribution chart: a bar chart of credited conversions (left
 * axis) and credited revenue (right axis, in the tenant's currency) per line of the attribution table, in the
 * table's order ({@link BarChart}: JSON-escaped and script-safe).
 */
final class ChannelChart {

    private static final String CONVERSIONS_COLOR = "#2196f3";
    private static final String REVENUE_COLOR = "#14b8a6";

    private ChannelChart() {
    }

    static String config(List<AttributionLine> lines, String currencyCode) {
        String revenueLabel = "Revenue (" + currencyCode + ")";
        return BarChart.of(lines.stream().map(AttributionLine::getName).toList())
                .axis("y", "Conversions", "left", true)
                .axis("y1", revenueLabel, "right", false)
                .dataset("Credited conversions", lines.stream().map(AttributionLine::getConversions).toList(),
                        CONVERSIONS_COLOR, "y")
                .dataset(revenueLabel, lines.stream().map(AttributionLine::getRevenue).toList(), REVENUE_COLOR, "y1")
                .toJson();
    }
}
