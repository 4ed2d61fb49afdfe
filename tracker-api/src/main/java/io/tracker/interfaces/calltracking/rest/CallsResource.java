package io.tracker.interfaces.calltracking.rest;

import io.tracker.application.calltracking.CallLogService;
import io.tracker.application.calltracking.CallReport;
import io.tracker.application.calltracking.CallService;
import io.tracker.application.calltracking.CallWebhookAccounts;
import io.tracker.application.calltracking.RecordedCall;
import io.tracker.application.tenant.AuthenticatedKey;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.domain.calltracking.WebhookSignature;
import io.tracker.domain.shared.ContentTooLargeException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.WebhookForms;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonNumber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/calls}: the telephony provider's webhook ({@code POST}) and the call log ({@code GET}).
 *
 * <p><b>POST</b>, one call per request, in either shape:
 * <ul>
 *   <li>JSON: {@code {"to":"+18005550199","from":"+13125550123","call_id":"c-1","started_at":"2026-12-06T10:00:00Z",
 *       "duration":95,"status":"answered","recording_url":"https://…"}} ({@code status}: answered, missed or
 *       voicemail; {@code started_at} ISO-8601 with offset or seconds since 1970; {@code from} and
 *       {@code recording_url} optional);</li>
 *   <li>Twilio's status callback ({@code application/x-www-form-urlencoded}): {@code To}, {@code From},
 *       {@code CallSid}, {@code CallDuration}, {@code CallStatus}, {@code Timestamp} (RFC 2822, when the call
 *       ended: the start is that minus the duration), {@code RecordingUrl}.</li>
 * </ul>
 * Authenticated per tenant by either {@code Authorization: Bearer <API key with the write scope>}, or the
 * tenant's webhook account in the URL ({@code ?account=acct_…}, see {@code /api/v1/call-webhook}) and a
 * signature with its signing secret: Twilio's {@code X-Twilio-Signature} (HMAC-SHA1 of the URL and the sorted
 * form parameters, the signing secret being the Twilio auth token) or {@code X-Tracker-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} ({@link WebhookSignature}). The URL Twilio signs is the one
 * it requested: set {@code TRACKER_PUBLIC_URL} when Tracker sits behind a proxy.
 * Answers {@code 201} with the call as stored, {@code 200} with the stored call when its {@code call_id} was
 * reported before (nothing changes), {@code 400} naming a missing or malformed field or a number that is neither
 * a tracking number nor the business's, {@code 401} for a missing or wrong credential or signature,
 * {@code 413} above {@value #MAX_BODY} bytes. Nothing is stored unless everything is.
 *
 * <p><b>GET</b> {@code ?from=&to=} (instants, default: the last 7 days): the calls that started then, newest
 * first, at most 1,000; a read key or any member's token.
 */
@Path("v1/calls")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CallsResource {

    /** Largest webhook body read. */
    static final int MAX_BODY = 16 * 1024;
    private static final String BEARER = "bearer ";

    @EJB
    private TenantSelection selection;

    @EJB
    private CallWebhookAccounts accounts;

    @EJB
    private CallService calls;

    @EJB
    private CallLogService log;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest servletRequest;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response report(byte[] body, @Context HttpHeaders headers, @QueryParam("account") String account) {
        if (body.length > MAX_BODY) {
            throw new ContentTooLargeException("a call report is at most " + MAX_BODY + " bytes");
        }
        boolean form = headers.getMediaType() != null
                && headers.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        Map<String, List<String>> params = form ? WebhookForms.parameters(body, servletRequest) : Map.of();
        Optional<Response> refused = authenticate(headers, account, body, form, params);
        if (refused.isPresent()) {
            return refused.get();
        }
        RecordedCall call = calls.record(form ? twilio(params) : json(body));
        return Response.status(call.duplicate() ? Response.Status.OK : Response.Status.CREATED).entity(call).build();
    }

    @GET
    @TenantApi(ApiKeyScope.READ)
    public List<RecordedCall> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minusSeconds(7 * 86_400) : instant("from", from);
        return log.calls(start, end);
    }

    /** Empty when the request may act for the tenant (then it does); else the refusal. */
    private Optional<Response> authenticate(HttpHeaders headers, String account, byte[] body, boolean form,
                                            Map<String, List<String>> params) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Optional<AuthenticatedKey> key = selection.asApiKey(authorization.substring(BEARER.length()).trim());
            if (key.isEmpty()) {
                return Optional.of(unauthorized("the API key is unknown or revoked"));
            }
            if (!key.get().allows(ApiKeyScope.WRITE)) {
                return Optional.of(Problem.of(Response.Status.FORBIDDEN, "this API key lacks the 'write' scope"));
            }
            return Optional.empty();
        }
        if (account == null || account.isBlank()) {
            return Optional.of(unauthorized("send 'Authorization: Bearer <API key>', or sign the request and name the "
                    + "webhook's account (?account=…)"));
        }
        Optional<CallWebhookAccounts.Account> found = accounts.find(account);
        if (found.isEmpty()) {
            return Optional.of(unauthorized("unknown webhook account"));
        }
        Optional<String> unsigned = WebhookForms.unsigned(found.get().signingSecret(), "the account's signing secret",
                headers, body, form, params, uriInfo);
        if (unsigned.isPresent()) {
            return Optional.of(unauthorized(unsigned.get()));
        }
        selection.asCollector(found.get().tenantId(), "call webhook");
        return Optional.empty();
    }

    private static CallReport json(byte[] body) {
        JsonValue root;
        try {
            root = StrictJson.read(body);
        } catch (StrictJson.MalformedJsonException e) {
            throw new InvalidInputException("malformed JSON body: " + e.getMessage());
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("the body must be a JSON object: {\"to\", \"from\", \"call_id\", \"started_at\", "
                    + "\"duration\", \"status\"}");
        }
        JsonObject o = root.asJsonObject();
        return new CallReport(text(o, "to"), text(o, "from"), text(o, "started_at"), whole(o, "duration"),
                text(o, "status"), text(o, "call_id"), text(o, "recording_url"));
    }

    private static CallReport twilio(Map<String, List<String>> p) {
        Integer duration = p.containsKey("CallDuration") ? wholeText("CallDuration", first(p, "CallDuration")) : null;
        String startedAt = null;
        String timestamp = first(p, "Timestamp");
        if (timestamp != null) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(timestamp, DateTimeFormatter.RFC_1123_DATE_TIME);
                startedAt = at.minusSeconds(duration == null ? 0 : duration).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("Timestamp is not an RFC 2822 date (Tue, 10 Nov 2026 15:23:01 +0000)");
            }
        }
        String status = first(p, "CallStatus");
        if (duration == null && status != null && !"completed".equals(status)) {
            duration = 0; // Twilio sends no CallDuration for calls that never connected
        }
        return new CallReport(first(p, "To"), first(p, "From"), startedAt, duration, status, first(p, "CallSid"),
                first(p, "RecordingUrl"));
    }

    private static String first(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n && field.equals("started_at")) {
            return n.toString();
        }
        throw new InvalidInputException(field + " must be a string");
    }

    private static Integer whole(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().bitLength() < 31) {
            return n.intValue();
        }
        if (v instanceof JsonString s) {
            return wholeText(field, s.getString());
        }
        throw new InvalidInputException(field + " must be whole seconds");
    }

    private static Integer wholeText(String field, String value) {
        if (value == null || !value.strip().matches("[0-9]{1,9}")) {
            throw new InvalidInputException(field + " must be whole seconds");
        }
        return Integer.parseInt(value.strip());
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tracker\"").build();
    }
}
