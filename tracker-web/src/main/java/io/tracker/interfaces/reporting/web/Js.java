package io.tracker.interfaces.reporting.web;

import io.tracker.interfaces.shared.web.BarChart;
import jakarta.json.spi.JsonProvider;

/** Values written into scripts the page runs. */
final class Js {

    /** Looked up once: {@code Json.create…} runs a {@code ServiceLoader} lookup on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Js() {
    }

    /** A JavaScript string literal of {@code text}, safe inside an HTML {@code <script>} (see BarChart#scriptSafe). */
    static String string(String text) {
        return BarChart.scriptSafe(JSON.createValue(text).toString());
    }
}
