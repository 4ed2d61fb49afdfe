package io.tracker.interfaces.shared.rest;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem details response ({@code application/problem+json}): {@code type},
 * {@code title}, {@code status}, {@code detail}, plus extension members when a problem needs them
 * (for example {@code rejected} for a batch whose every item was rejected).
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problem() {
    }

    public static Response of(Response.Status status, String detail) {
        return of(status.getStatusCode(), detail, Map.of());
    }

    public static Response of(int status, String detail) {
        return of(status, detail, Map.of());
    }

    public static Response of(int status, String detail, Map<String, JsonValue> extensions) {
        String title = title(status);
        JsonObjectBuilder body = StrictJson.PROVIDER.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail == null ? title : detail);
        extensions.forEach(body::add);
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
    }

    /** The HTTP reason phrase (RFC 9110 names for the codes JAX-RS does not list). */
    /** The standard reason phrase of an HTTP status ("Error" for one without). */
    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
