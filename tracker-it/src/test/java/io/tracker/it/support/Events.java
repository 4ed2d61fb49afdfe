package io.tracker.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/** Builds request bodies for {@code POST /api/v1/events}, field names as the API documents them. */
public final class Events {

    private Events() {
    }

    /**
     * A touchpoint.
     *
     * @param timestamp ISO-8601 with an offset or {@code Z}
     * @param fields    further fields as name, value pairs, such as {@code "gclid", "abc"}
     */
    public static JsonObject touch(String eventId, String visitorId, String timestamp, String... fields) {
        return with(base(eventId, "touchpoint", visitorId, timestamp), fields).build();
    }

    /**
     * A conversion.
     *
     * @param action  conversion action key, or null for the tenant's default
     * @param value   value in the tenant's currency, or null for the action's default
     * @param orderId order id, or null
     */
    public static JsonObject conversion(String eventId, String visitorId, String timestamp, String action,
                                        String value, String orderId) {
        JsonObjectBuilder b = base(eventId, "conversion", visitorId, timestamp);
        if (action != null) {
            b.add("action", action);
        }
        if (value != null) {
            b.add("value", new BigDecimal(value));
        }
        if (orderId != null) {
            b.add("order_id", orderId);
        }
        return b.build();
    }

    /** {@code {"events":[...]}}. */
    public static String batch(JsonValue... events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonValue e : events) {
            array.add(e);
        }
        return Json.createObjectBuilder().add("events", array).build().toString();
    }

    /** {@code {"events":[...]}} of a list. */
    public static String batch(java.util.List<? extends JsonValue> events) {
        return batch(events.toArray(JsonValue[]::new));
    }

    private static JsonObjectBuilder base(String eventId, String type, String visitorId, String timestamp) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", type);
        if (eventId != null) {
            b.add("event_id", eventId);
        }
        if (visitorId != null) {
            b.add("visitor_id", visitorId);
        }
        if (timestamp != null) {
            b.add("timestamp", timestamp);
        }
        return b;
    }

    private static JsonObjectBuilder with(JsonObjectBuilder b, String... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come as name, value pairs");
        }
        for (int i = 0; i < fields.length; i += 2) {
            b.add(fields[i], fields[i + 1]);
        }
        return b;
    }
}
