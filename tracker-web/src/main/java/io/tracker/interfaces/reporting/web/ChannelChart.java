package io.tracker.interfaces.reporting.web;

import io.tracker.interfaces.shared.web.BarChart;
import java.util.List;

/**
 * The Chart.js configuration behind the dashboard's {@code p:chart}: a bar chart of credited
 * conversions (left axis) and credited revenue (right axis, in the tenant's currency) per
 * channel, in the table's order ({@link BarChart}: JSON-escaped and script-safe).
 */
final class ChannelChart {

    private static final String CONVERSIONS_COLOR = "#2196f3";
    private static final String REVENUE_COLOR = "#14b8a6";

    private ChannelChart() {
    }

    static String config(List<ChannelLine> lines, String currencyCode) {
        String revenueLabel = "Revenue (" + currencyCode + ")";
        return BarChart.of(lines.stream().map(ChannelLine::getChannel).toList())
                .axis("y", "Conversions", "left", true)
                .axis("y1", revenueLabel, "right", false)
                .dataset("Credited conversions", lines.stream().map(ChannelLine::getConversions).toList(),
                        CONVERSIONS_COLOR, "y")
                .dataset(revenueLabel, lines.stream().map(ChannelLine::getRevenue).toList(), REVENUE_COLOR, "y1")
                .toJson();
    }
}
