package io.tracker.interfaces.shared.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A batch sent as one JSON object holding an array of items, {@code {"<name>":[{…},…]}}, read within its bounds.
 * Each refusal is thrown as a {@link WebApplicationException} that {@link ProblemMappers} answers as problem+json:
 * {@code 413} for a body above {@code maxBytes} or more than {@code maxItems} items, {@code 400} for malformed JSON or
 * another shape, {@code 422} for an empty array. The content type is the resource's to check (it words its own
 * {@code 415}).
 */
public final class JsonBatch {

    private JsonBatch() {
    }

    /**
     * The items of the array {@code name} (a plural noun, such as {@code conversions}).
     *
     * @param instead what to send instead of a body that is too large (for example {@code "a CSV file"})
     */
    public static JsonArray items(InputStream body, String name, int maxBytes, int maxItems, String instead)
            throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw refused(413, "the body is larger than " + maxBytes + " bytes; send smaller batches or " + instead);
        }
        JsonArray items;
        try {
            if (!(StrictJson.read(bytes) instanceof JsonObject o) || !(o.get(name) instanceof JsonArray a)) {
                throw refused(400, "the body must be a JSON object with " + ("aeiou".indexOf(name.charAt(0)) >= 0
                        ? "an" : "a") + " '" + name + "' array");
            }
            items = a;
        } catch (StrictJson.MalformedJsonException e) {
            throw refused(400, "malformed JSON: " + e.getMessage());
        }
        if (items.isEmpty()) {
            throw refused(422, "'" + name + "' is empty; send at least one " + name.substring(0, name.length() - 1));
        }
        if (items.size() > maxItems) {
            throw refused(413, "at most " + maxItems + " " + name + " per request, got " + items.size());
        }
        return items;
    }

    /**
     * An item's fields as text: strings as they are, numbers in plain notation, null as null; other JSON (an
     * object, an array, true) as its JSON text, which the row reader then refuses naming the field.
     */
    public static Map<String, String> fields(JsonObject item) {
        Map<String, String> row = new HashMap<>();
        item.forEach((k, v) -> row.put(k, switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue().toPlainString();
            case NULL -> null;
            default -> v.toString();
        }));
        return row;
    }

    /** Answered by {@link ProblemMappers} as problem+json with this status and detail. */
    private static WebApplicationException refused(int status, String detail) {
        return new WebApplicationException(detail, Response.status(status).build());
    }
}
