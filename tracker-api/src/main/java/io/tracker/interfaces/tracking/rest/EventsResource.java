package io.tracker.interfaces.tracking.rest;

import io.tracker.application.shared.DatabaseOutage;
import io.tracker.application.tracking.EventIngestionService;
import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.IngestionReport;
import io.tracker.application.tracking.RejectedEvent;
import io.tracker.application.tracking.collection.CollectionUnavailableException;
import io.tracker.application.tracking.collection.QueueFullException;
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
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 *
 * <p>Asynchronous: the request's thread reads, validates and queues the events
 * ({@link EventIngestionService#submit}) and is then free; the answer goes out when the collector's
 * group commit holding them has committed (so a 202 means stored), or is {@code 429} with
 * {@code Retry-After: 1} when the collection queue is full (nothing queued), or {@code 503} with
 * {@code Retry-After} when their transaction failed (nothing stored; the same events may be sent again).
 */
@Path("v1/events")
public class EventsResource {

    static final int MAX_BODY_BYTES = 1 << 20;
    /** Longest wait for the commit of a request's events before answering 503. */
    static final int COMMIT_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(EventsResource.class.getName());

    @EJB
    private EventIngestionService ingestion;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @TenantApi(ApiKeyScope.WRITE)
    public void receive(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                        @Suspended AsyncResponse response) throws IOException {
        Batch batch = new Batch();
        Response refused = read(contentType, body, batch);
        if (refused != null) {
            response.resume(refused);
            return;
        }
        // Bounded: a commit that takes longer is answered 503 (the client's retry with the same ids is harmless).
        response.setTimeoutHandler(r -> r.resume(unavailable("storing the events was not confirmed within "
                + COMMIT_TIMEOUT_SECONDS + " seconds")));
        response.setTimeout(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ingestion.submit(batch.inputs, batch.unreadable).whenComplete((report, failure) -> response.resume(
                failure == null ? answer(report) : failed(failure)));
    }

    /** The items read from the body, and those that could not even be read. */
    private static final class Batch {
        final List<EventInput> inputs = new ArrayList<>();
        final List<RejectedEvent> unreadable = new ArrayList<>();
    }

    /** Reads the body into {@code batch}; answers the refusal when the request as a whole is wrong. */
    private static Response read(String contentType, InputStream body, Batch batch) throws IOException {
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
        for (int i = 0; i < items.size(); i++) {
            try {
                batch.inputs.add(EventJson.read(items.get(i)));
            } catch (EventJson.UnreadableEventException e) {
                batch.inputs.add(null);
                batch.unreadable.add(new RejectedEvent(i, e.getMessage()));
            }
        }
        return null;
    }

    private static Response answer(IngestionReport report) {
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

    /** 429 for a full queue, 503 for a failed transaction: in both cases nothing of the request was stored. */
    private static Response failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof QueueFullException full) {
            return Response.fromResponse(Problem.of(429, "too many events are waiting to be stored; nothing of this "
                            + "request was stored, send it again in " + full.retryAfterSeconds() + " second(s)"))
                    .header(HttpHeaders.RETRY_AFTER, full.retryAfterSeconds()).build();
        }
        if (!(cause instanceof CollectionUnavailableException)) {
            LOG.log(Level.SEVERE, "events API: storing a batch failed unexpectedly", cause);
        }
        return unavailable("Tracker's database cannot be reached at the moment (or the server is stopping) and "
                + "nothing of this request was stored");
    }

    private static Response unavailable(String what) {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, what + "; send the same events "
                        + "again in " + DatabaseOutage.RETRY_AFTER_SECONDS + " seconds (their event ids make a repeat "
                        + "harmless)"))
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }
}
