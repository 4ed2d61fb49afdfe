package io.tracker.interfaces.shared.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * The Chart.js configuration of a bar chart for PrimeFaces' {@code p:chart}: one label per bar group
 * (channels, in the table's order), datasets of values each drawn against a named y axis, no vertical
 * grid lines, legend at the bottom, no animation. Values are rounded to 2 decimals.
 *
 * <p>Built with JSON-P, so labels (channel names come from tracked events and uploaded files, that is
 * from outside) are always JSON-escaped. PrimeFaces writes this JSON into an inline {@code <script>},
 * where a string containing {@code </script>} would still end the script: {@link #scriptSafe}
 * therefore also escapes {@code <}, {@code >} and {@code &} (they can occur only inside JSON strings,
 * where the {@code \}{@code uXXXX} form means the same).
 */
public final class BarChart {

    /** Looked up once: {@code Json.create…} runs a {@code ServiceLoader} lookup on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final List<String> labels;
    private final JsonArrayBuilder datasets = JSON.createArrayBuilder();
    private final JsonObjectBuilder scales = JSON.createObjectBuilder()
            .add("x", JSON.createObjectBuilder().add("grid", JSON.createObjectBuilder().add("display", false)));

    private BarChart(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** A chart with these bar group labels, in order. */
    public static BarChart of(List<String> labels) {
        return new BarChart(labels);
    }

    /**
     * Adds a y axis.
     *
     * @param id       the id datasets name ({@code y}, {@code y1})
     * @param title    the axis title
     * @param position {@code left} or {@code right}
     * @param grid     whether its horizontal grid lines are drawn across the chart
     */
    public BarChart axis(String id, String title, String position, boolean grid) {
        scales.add(id, JSON.createObjectBuilder()
                .add("position", position)
                .add("beginAtZero", true)
                .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", grid))
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", title)));
        return this;
    }

    /**
     * Adds a dataset.
     *
     * @param values one per label, in the labels' order
     * @param color  CSS colour of its bars
     * @param axisId the y axis it is drawn against (see {@link #axis})
     */
    public BarChart dataset(String label, List<Double> values, String color, String axisId) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        values.forEach(v -> data.add(Math.round(v * 100) / 100.0));
        datasets.add(JSON.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("backgroundColor", color)
                .add("borderRadius", 4)
                .add("yAxisID", axisId));
        return this;
    }

    /**
     * Adds a dataset drawn as a line over the bars (Chart.js mixed chart), such as revenue over conversions.
     *
     * @param values one per label, in the labels' order
     * @param color  CSS colour of the line and its points
     * @param axisId the y axis it is drawn against (see {@link #axis})
     */
    public BarChart lineDataset(String label, List<Double> values, String color, String axisId) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        values.forEach(v -> data.add(Math.round(v * 100) / 100.0));
        datasets.add(JSON.createObjectBuilder()
                .add("type", "line")
                .add("label", label)
                .add("data", data)
                .add("borderColor", color)
                .add("backgroundColor", color)
                .add("pointRadius", 2)
                .add("tension", 0.2)
                .add("yAxisID", axisId));
        return this;
    }

    /** The configuration, script-safe. */
    public String toJson() {
        JsonArrayBuilder labelArray = JSON.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                .add("scales", scales);
        return scriptSafe(JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add("options", options)
                .build().toString());
    }

    /** JSON that is also safe inside an HTML {@code <script>} element and a CDATA section. */
    public static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
