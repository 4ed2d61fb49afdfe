package io.tracker.interfaces.attribution.web;

import io.tracker.interfaces.shared.web.BarChart;
import java.util.List;

/**
 * The Chart.js configuration behind the path analysis page's {@code p:chart}: grouped bars of the
 * conversions each model credits to each channel, channels in the table's order. Channel names come
 * from the uploaded file: {@link BarChart} escapes them and makes the JSON script-safe.
 */
final class PathAnalysisChart {

    private static final String[] COLORS = {"#6366f1", "#2196f3", "#14b8a6", "#f59e0b", "#e11d48", "#8b5cf6"};

    private PathAnalysisChart() {
    }

    static String config(List<PathChannelLine> lines, List<String> models, List<String> labels) {
        BarChart chart = BarChart.of(lines.stream().map(PathChannelLine::getChannel).toList())
                .axis("y", "Credited conversions", "left", true);
        for (int m = 0; m < models.size(); m++) {
            String model = models.get(m);
            chart.dataset(labels.get(m), lines.stream().map(l -> l.conversions(model)).toList(),
                    COLORS[m % COLORS.length], "y");
        }
        return chart.toJson();
    }
}
