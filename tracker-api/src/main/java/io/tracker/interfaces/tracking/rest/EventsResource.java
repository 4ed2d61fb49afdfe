package io.tracker.interfaces.tracking.rest;

import io.tracker.application.tracking.EventIngestionService;
import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.IngestionReport;
import io.tracker.application.tracking.RejectedEvent;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.BodyCharset;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/events}: the server-side event API (and what the JS tag calls).
 *
 * <p>Body {@code {"events":[...]}}, at most {@value #MAX_BODY_BYTES} bytes and
 * {@link EventIngestionService#MAX_BATCH} events. Answers {@code 202} with
 * {@code {"accepted":n,"duplicates":d,"rejected":[{"index":i,"error":"..."}]}} when at least one
 * item was accepted or was a duplicate; {@code 422} problem+json (with the same {@code rejected}
 * list) when every item was rejected; {@code 400} for malformed JSON (read by {@link StrictJson}:
 * valid UTF-8, one document, nothing after it) or a body without an {@code events} array;
 * {@code 413} for a body or batch that is too large; {@code 415} without a JSON content type or
 * with a charset other than UTF-8.
 */
@Path("v1/events")
public class EventsResource {

    static final int MAX_BODY_BYTES = 1 << 20;

    @EJB
    private EventIngestionService ingestion;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @TenantApi(ApiKeyScope.WRITE)
    public Response receive(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        if (contentType == null || contentType.isBlank()) {
            // JAX-RS matches a request without Content-Type to any @Consumes; the API contract asks for JSON.
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send the events as Content-Type: application/json");
        }
        if (!BodyCharset.isUtf8(contentType)) {
            return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send the events as UTF-8 JSON (Content-Type: application/json or application/json; charset=utf-8)");
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return Problem.of(413, "the body is larger than " + MAX_BODY_BYTES + " bytes; send smaller batches");
        }
        JsonArray items;
        try {
            JsonValue root = StrictJson.read(bytes);
            if (!(root instanceof JsonObject object) || !(object.get("events") instanceof JsonArray array)) {
                return Problem.of(Response.Status.BAD_REQUEST, "the body must be a JSON object with an 'events' array");
            }
            items = array;
        } catch (StrictJson.MalformedJsonException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed JSON: " + e.getMessage());
        }
        if (items.isEmpty()) {
            return Problem.of(422, "'events' is empty; send at least one event");
        }
        if (items.size() > EventIngestionService.MAX_BATCH) {
            return Problem.of(413, "at most " + EventIngestionService.MAX_BATCH + " events per request, got "
                    + items.size());
        }

        List<EventInput> inputs = new ArrayList<>(items.size());
        List<RejectedEvent> unreadable = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                inputs.add(EventJson.read(items.get(i)));
            } catch (EventJson.UnreadableEventException e) {
                inputs.add(null);
                unreadable.add(new RejectedEvent(i, e.getMessage()));
            }
        }
        IngestionReport report = ingestion.ingest(inputs, unreadable);
        JsonArrayBuilder rejected = StrictJson.PROVIDER.createArrayBuilder();
        report.rejected().forEach(r -> rejected.add(StrictJson.PROVIDER.createObjectBuilder()
                .add("index", r.index()).add("error", r.error())));
        if (report.accepted() == 0 && report.duplicates() == 0) {
            return Problem.of(422, "no event was accepted; see 'rejected'",
                    Map.of("accepted", StrictJson.PROVIDER.createValue(0), "duplicates", StrictJson.PROVIDER.createValue(0),
                            "rejected", rejected.build()));
        }
        JsonObject result = StrictJson.PROVIDER.createObjectBuilder()
                .add("accepted", report.accepted())
                .add("duplicates", report.duplicates())
                .add("rejected", rejected)
                .build();
        return Response.accepted(result.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
