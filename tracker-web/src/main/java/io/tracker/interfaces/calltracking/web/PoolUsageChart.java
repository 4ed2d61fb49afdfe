package io.tracker.interfaces.calltracking.web;

import io.tracker.application.calltracking.PoolUsage;
import io.tracker.interfaces.shared.web.BarChart;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The Chart.js configuration behind the pool utilisation chart: per hour (labelled {@code HH:mm} in the
 * tenant's time zone) the numbers held and free stacked into the pool's size (left axis), and the hour's
 * exhaustions, sessions shown the fallback number, as a line (right axis). Held bars near the top with
 * exhaustions above zero mean the pool is too small. Script-safe like {@link BarChart}.
 */
final class PoolUsageChart {

    static final String HELD_COLOR = "#6366f1";
    static final String FREE_COLOR = "#cbd5e1";
    static final String EXHAUSTION_COLOR = "#e11d48";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private PoolUsageChart() {
    }

    static String config(List<PoolUsage> hours, ZoneId zone) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        hours.forEach(h -> labels.add(HOUR.format(h.hour().atZone(zone))));
        JsonArrayBuilder datasets = JSON.createArrayBuilder()
                .add(dataset("Held", hours, PoolUsage::held, HELD_COLOR).add("stack", "numbers").add("yAxisID", "y"))
                .add(dataset("Free", hours, PoolUsage::free, FREE_COLOR).add("stack", "numbers").add("yAxisID", "y"))
                .add(dataset("Exhaustions", hours, PoolUsage::exhaustions, EXHAUSTION_COLOR).add("type", "line")
                        .add("borderColor", EXHAUSTION_COLOR).add("pointRadius", 2).add("yAxisID", "y1"));
        JsonObjectBuilder scales = JSON.createObjectBuilder()
                .add("x", JSON.createObjectBuilder().add("stacked", true)
                        .add("grid", JSON.createObjectBuilder().add("display", false)))
                .add("y", axis("Numbers", "left", true).add("stacked", true))
                .add("y1", axis("Exhaustions", "right", false));
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                .add("scales", scales);
        return BarChart.scriptSafe(JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build().toString());
    }

    private static JsonObjectBuilder dataset(String label, List<PoolUsage> hours, ToIntFunction<PoolUsage> value,
                                             String color) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        hours.forEach(h -> data.add(value.applyAsInt(h)));
        return JSON.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", color);
    }

    private static JsonObjectBuilder axis(String title, String position, boolean grid) {
        return JSON.createObjectBuilder()
                .add("position", position)
                .add("beginAtZero", true)
                .add("ticks", JSON.createObjectBuilder().add("precision", 0))
                .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", grid))
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", title));
    }
}
