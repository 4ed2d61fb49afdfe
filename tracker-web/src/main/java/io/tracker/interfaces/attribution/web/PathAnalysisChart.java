package io.tracker.interfaces.attribution.web;

import io.tracker.interfaces.reporting.web.ChannelChart;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * The Chart.js configuration behind the path analysis page's {@code p:chart}: grouped bars of the
 * conversions each model credits to each channel, channels in the table's order. Channel names come
 * from the uploaded file, so the JSON is built with JSON-P and made script-safe
 * ({@link ChannelChart#scriptSafe}).
 */
final class PathAnalysisChart {

    /** Looked up once: {@code Json.create…} runs a {@code ServiceLoader} lookup on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String[] COLORS = {"#6366f1", "#2196f3", "#14b8a6", "#f59e0b", "#e11d48", "#8b5cf6"};

    private PathAnalysisChart() {
    }

    static String config(List<PathChannelLine> lines, List<String> models, List<String> labels) {
        JsonArrayBuilder channels = JSON.createArrayBuilder();
        lines.forEach(l -> channels.add(l.getChannel()));
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int m = 0; m < models.size(); m++) {
            JsonArrayBuilder values = JSON.createArrayBuilder();
            for (PathChannelLine l : lines) {
                values.add(Math.round(l.conversions(models.get(m)) * 100) / 100.0);
            }
            datasets.add(JSON.createObjectBuilder()
                    .add("label", labels.get(m))
                    .add("data", values)
                    .add("backgroundColor", COLORS[m % COLORS.length])
                    .add("borderRadius", 3));
        }
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                .add("scales", JSON.createObjectBuilder()
                        .add("x", JSON.createObjectBuilder()
                                .add("grid", JSON.createObjectBuilder().add("display", false)))
                        .add("y", JSON.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("title", JSON.createObjectBuilder().add("display", true)
                                        .add("text", "Credited conversions"))));
        return ChannelChart.scriptSafe(JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", channels).add("datasets", datasets))
                .add("options", options)
                .build().toString());
    }
}
