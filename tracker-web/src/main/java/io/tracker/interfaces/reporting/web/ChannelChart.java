package io.tracker.interfaces.reporting.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * The Chart.js configuration behind the dashboard's {@code p:chart}: a bar chart of credited
 * conversions (left axis) and credited revenue (right axis, in the tenant's currency) per
 * channel, in the table's order.
 *
 * <p>Built with JSON-P, so channel names (which come from tracked events, that is from outside)
 * are always JSON-escaped. PrimeFaces writes this JSON into an inline {@code <script>}, where a
 * string containing {@code </script>} would still end the script: {@link #scriptSafe} therefore
 * also escapes {@code <}, {@code >} and {@code &} (they can occur only inside JSON strings, where
 * the {@code \}{@code uXXXX} form means the same).
 */
public final class ChannelChart {

    /** Looked up once: {@code Json.create…} runs a {@code ServiceLoader} lookup on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String CONVERSIONS_COLOR = "#2196f3";
    private static final String REVENUE_COLOR = "#14b8a6";

    private ChannelChart() {
    }

    static String config(List<ChannelLine> lines, String currencyCode) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder conversions = JSON.createArrayBuilder();
        JsonArrayBuilder revenue = JSON.createArrayBuilder();
        for (ChannelLine line : lines) {
            labels.add(line.getChannel());
            conversions.add(Math.round(line.getConversions() * 100) / 100.0);
            revenue.add(Math.round(line.getRevenue() * 100) / 100.0);
        }
        String revenueLabel = "Revenue (" + currencyCode + ")";
        JsonObjectBuilder data = JSON.createObjectBuilder()
                .add("labels", labels)
                .add("datasets", JSON.createArrayBuilder()
                        .add(dataset("Credited conversions", conversions, CONVERSIONS_COLOR, "y"))
                        .add(dataset(revenueLabel, revenue, REVENUE_COLOR, "y1")));
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                .add("scales", JSON.createObjectBuilder()
                        .add("x", JSON.createObjectBuilder()
                                .add("grid", JSON.createObjectBuilder().add("display", false)))
                        .add("y", axis("Conversions", "left", true))
                        .add("y1", axis(revenueLabel, "right", false)));
        String json = JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", data)
                .add("options", options)
                .build().toString();
        return scriptSafe(json);
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder values, String color, String axis) {
        return JSON.createObjectBuilder()
                .add("label", label)
                .add("data", values)
                .add("backgroundColor", color)
                .add("borderRadius", 4)
                .add("yAxisID", axis);
    }

    private static JsonObjectBuilder axis(String title, String position, boolean grid) {
        return JSON.createObjectBuilder()
                .add("position", position)
                .add("beginAtZero", true)
                .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", grid))
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", title));
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
