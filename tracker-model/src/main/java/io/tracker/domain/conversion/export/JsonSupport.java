package io.tracker.domain.conversion.export;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The one JSON-P provider the payloads are built with. {@code Json.createX} looks the provider up on every call
 * (a service-loader scan); holding it once here avoids that on every row. Omitted fields are left out of the
 * object, never written as {@code null}: the platforms read a {@code null} as a value (Google's proto3 JSON
 * parser rejects {@code null} for a string field).
 */
final class JsonSupport {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());

    private JsonSupport() {
    }

    /** The structure as compact JSON text. */
    static String write(JsonStructure json) {
        StringWriter text = new StringWriter();
        try (var writer = WRITERS.createWriter(text)) {
            writer.write(json);
        }
        return text.toString();
    }

    /** Adds the text when it is present (not null, not blank). */
    static void addIfPresent(JsonObjectBuilder object, String name, String value) {
        if (value != null && !value.isBlank()) {
            object.add(name, value);
        }
    }

    /**
     * Adds the amount as a JSON number with the scale it was given ({@code 120.50} is written {@code 120.50});
     * absent when null. A negative scale ({@code 1E+3}) is widened to 0 first so that no exponent is written.
     */
    static void addAmount(JsonObjectBuilder object, String name, BigDecimal value) {
        if (value != null) {
            object.add(name, value.scale() < 0 ? value.setScale(0) : value);
        }
    }
}
