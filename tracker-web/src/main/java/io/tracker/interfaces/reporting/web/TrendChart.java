package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.TrendPoint;
import io.tracker.interfaces.shared.web.BarChart;
import java.util.List;

/**
 * The Chart.js configuration of the dashboard's trend: macro conversions as bars (left axis), their revenue and (when
 * imported) the ad cost as lines (right axis, in the tenant's currency), one group per day, week or month, labelled
 * by its first day.
 */
final class TrendChart {

    private static final String CONVERSIONS_COLOR = "#6366f1";
    private static final String REVENUE_COLOR = "#f43f5e";
    private static final String COST_COLOR = "#f59e0b";

    private TrendChart() {
    }

    static String config(List<TrendPoint> points, String currencyCode) {
        String revenueLabel = "Revenue (" + currencyCode + ")";
        BarChart chart = BarChart.of(points.stream().map(p -> p.start().toString()).toList())
                .axis("y", "Conversions", "left", true)
                .axis("y1", revenueLabel, "right", false)
                .dataset("Conversions", points.stream().map(p -> (double) p.conversions()).toList(),
                        CONVERSIONS_COLOR, "y")
                .lineDataset(revenueLabel, points.stream().map(TrendPoint::revenue).toList(), REVENUE_COLOR, "y1");
        if (!points.isEmpty() && points.get(0).cost() != null) {
            chart.lineDataset("Cost (" + currencyCode + ")", points.stream().map(TrendPoint::cost).toList(), COST_COLOR,
                    "y1");
        }
        return chart.toJson();
    }
}
