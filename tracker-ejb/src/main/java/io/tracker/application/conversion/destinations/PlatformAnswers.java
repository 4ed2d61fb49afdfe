package io.tracker.application.conversion.destinations;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the platforms' answers into one outcome per row sent.
 *
 * <p>Google Ads ({@code uploadClickConversions}, {@code uploadConversionAdjustments} with
 * {@code partialFailure: true}): HTTP 200 with {@code partialFailureError.details[].errors[]}, each error naming its
 * row by {@code location.fieldPathElements[{fieldName: "conversions" | "conversionAdjustments", index: n}]} and
 * saying why in {@code message}: those rows FAILED with the messages (several joined by "; "), the others ACCEPTED.
 * Any other status is about the whole request ({@code error.message} of Google's error body).
 *
 * <p>Meta ({@code POST /{pixel id}/events}): HTTP 200 {@code {"events_received": n, "fbtrace_id": …}} accepts every
 * row; an {@code error} object ({@code message}, {@code code}, {@code is_transient}, {@code fbtrace_id}) refuses the
 * whole request.
 *
 * <p>For both: HTTP 429 and 5xx, 401 and 403 (credentials to fix, not the rows), Meta's transient and rate-limit
 * codes (1, 2, 4, 17, 32, 341, 613, {@code is_transient}) and no answer at all give RETRY (sent again at the next
 * upload); any other refusal of the whole request FAILED with the platform's text.
 */
final class PlatformAnswers {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<Integer> META_TEMPORARY = Set.of(1, 2, 4, 17, 32, 341, 613);
    private static final int MAX_ERROR = 2000;

    private PlatformAnswers() {
    }

    /** No answer came: every row RETRY. */
    static PlatformAnswer noAnswer(int rows, Exception e) {
        String why = "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        return PlatformAnswer.all(null, rows, new RowOutcome("RETRY", clip(why)), clip(why));
    }

    /**
     * @param field     the request's list field: {@code conversions} or {@code conversionAdjustments}
     * @param requestId Google's {@code request-id} header, or null
     */
    static PlatformAnswer google(int status, String body, String requestId, int rows, String field) {
        String id = requestId == null ? "" : "; request-id " + requestId;
        JsonObject json = object(body);
        if (status != 200) {
            String message = json == null ? clip(body) : message(json.get("error"));
            if (message == null || message.isBlank()) {
                message = "HTTP " + status;
            }
            String rowStatus = temporary(status) ? "RETRY" : "FAILED";
            return PlatformAnswer.all(status, rows, new RowOutcome(rowStatus, clip(message)),
                    clip("HTTP " + status + ": " + message + id));
        }
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        JsonValue partial = json == null ? null : json.get("partialFailureError");
        if (partial instanceof JsonObject p && p.get("details") instanceof JsonArray details) {
            for (JsonValue detail : details) {
                if (!(detail instanceof JsonObject d) || !(d.get("errors") instanceof JsonArray list)) {
                    continue;
                }
                for (JsonValue e : list) {
                    if (!(e instanceof JsonObject error)) {
                        continue;
                    }
                    String message = error.get("message") instanceof JsonString s ? s.getString() : "refused";
                    Integer index = index(error, field);
                    if (index != null && index >= 0 && index < rows) {
                        errors.computeIfAbsent(index, k -> new ArrayList<>()).add(message);
                    } else {
                        unplaced.add(message);
                    }
                }
            }
            if (errors.isEmpty() && unplaced.isEmpty() && p.get("message") instanceof JsonString s && !s.getString().isBlank()) {
                unplaced.add(s.getString());
            }
        }
        List<RowOutcome> outcomes = new ArrayList<>(rows);
        if (errors.isEmpty() && !unplaced.isEmpty()) {
            // A partial failure that names no row cannot be told apart from a failure of them all.
            String message = clip(String.join("; ", unplaced));
            return PlatformAnswer.all(status, rows, new RowOutcome("FAILED", message),
                    clip("failed " + rows + ": " + message + id));
        }
        for (int i = 0; i < rows; i++) {
            List<String> e = errors.get(i);
            outcomes.add(e == null ? RowOutcome.ACCEPTED : new RowOutcome("FAILED", clip(String.join("; ", e))));
        }
        int failed = errors.size();
        return new PlatformAnswer(status, outcomes, "accepted " + (rows - failed) + ", failed " + failed + id);
    }

    static PlatformAnswer meta(int status, String body, int rows) {
        JsonObject json = object(body);
        String trace = json != null && json.get("fbtrace_id") instanceof JsonString s ? "; fbtrace_id " + s.getString() : "";
        if (status == 200 && json != null && json.get("error") == null) {
            String received = json.get("events_received") instanceof JsonNumber n ? String.valueOf(n.intValue()) : "?";
            return PlatformAnswer.all(status, rows, RowOutcome.ACCEPTED, "accepted " + rows + " (events_received "
                    + received + ")" + trace);
        }
        JsonObject error = json != null && json.get("error") instanceof JsonObject e ? e : null;
        String message = error == null ? clip(body) : message(error);
        if (message == null || message.isBlank()) {
            message = "HTTP " + status;
        }
        if (error != null && error.get("fbtrace_id") instanceof JsonString s) {
            trace = "; fbtrace_id " + s.getString();
        }
        boolean temporary = temporary(status)
                || (error != null && error.get("is_transient") == JsonValue.TRUE)
                || (error != null && error.get("code") instanceof JsonNumber code && META_TEMPORARY.contains(code.intValue()));
        return PlatformAnswer.all(status, rows, new RowOutcome(temporary ? "RETRY" : "FAILED", clip(message)),
                clip("HTTP " + status + ": " + message + trace));
    }

    private static boolean temporary(int status) {
        return status == 429 || status >= 500 || status == 401 || status == 403;
    }

    private static Integer index(JsonObject error, String field) {
        if (!(error.get("location") instanceof JsonObject location)
                || !(location.get("fieldPathElements") instanceof JsonArray path)) {
            return null;
        }
        for (JsonValue v : path) {
            if (v instanceof JsonObject element && element.get("fieldName") instanceof JsonString name
                    && (name.getString().equals(field) || name.getString().equals(snake(field)))) {
                JsonValue index = element.get("index");
                if (index instanceof JsonNumber n) {
                    return n.intValue();
                }
                if (index instanceof JsonString s) {
                    try {
                        return Integer.valueOf(s.getString());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String message(JsonValue error) {
        if (!(error instanceof JsonObject e)) {
            return null;
        }
        String message = e.get("message") instanceof JsonString s ? s.getString() : null;
        if (e.get("error_user_msg") instanceof JsonString user && !user.getString().isBlank()) {
            message = message == null ? user.getString() : message + " (" + user.getString() + ")";
        }
        return message;
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.read() instanceof JsonObject o ? o : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR) + "…";
    }
}
