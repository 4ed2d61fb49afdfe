package io.tracker.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * An HTTP answer as a client sees it.
 *
 * @param status      HTTP status code
 * @param contentType the {@code Content-Type} header without parameters, lower case ({@code ""} when absent)
 * @param body        the body as UTF-8 text
 * @param headers     all response headers (names lower case)
 */
public record ApiResponse(int status, String contentType, String body, Map<String, List<String>> headers) {

    /** The body as a JSON object; fails with the body in the message when it is not one. */
    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("expected a JSON object, got HTTP " + status + " " + contentType + ": " + body, e);
        }
    }

    /** The body as a JSON array; fails with the body in the message when it is not one. */
    public JsonArray jsonArray() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            throw new AssertionError("expected a JSON array, got HTTP " + status + " " + contentType + ": " + body, e);
        }
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + contentType + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
}
