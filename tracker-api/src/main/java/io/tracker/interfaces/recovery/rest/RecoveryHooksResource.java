package io.tracker.interfaces.recovery.rest;

import io.tracker.application.recovery.SmsHooks;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.domain.shared.ContentTooLargeException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.shared.rest.WebhookForms;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/recovery/hooks/{hook key}}: what a flow's SMS platform reports, signed with the flow's secret
 * (the path is the flow's {@code hook_path}). One event per request:
 *
 * <ul>
 *   <li>the client's own platform, JSON signed like Tracker's outgoing texts ({@code X-Tracker-Signature:
 *       t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with the flow's {@code webhook_secret}, within 5 minutes):
 *       a reply {@code {"type":"reply","from":"+15551230000","body":"STOP"}} or a delivery report
 *       {@code {"type":"status","message_id":"<the message_id Tracker sent>","status":"delivered|failed|undelivered",
 *       "error":"…"}};</li>
 *   <li>Twilio, form-encoded and signed with {@code X-Twilio-Signature} (the auth token): an incoming message
 *       ({@code From}, {@code Body}) or a status callback ({@code MessageSid}, {@code MessageStatus},
 *       {@code ErrorCode}). Set the number's "A message comes in" webhook to this URL; the status callback is sent
 *       with each text. Behind a proxy set {@code TRACKER_PUBLIC_URL}: Twilio signs the URL it requested.</li>
 * </ul>
 * A STOP (or UNSUBSCRIBE, CANCEL, END, QUIT, STOPALL, REVOKE, OPTOUT) puts the number on the client's suppression list
 * at once; START, UNSTOP or YES takes it off. Answers {@code 200 {"effect":"opted_out|opted_in|ignored|recorded"}};
 * {@code 401} for an unknown hook or a wrong signature, {@code 400} naming a malformed field, {@code 404} for a
 * delivery report of no text of the flow's client, {@code 413} above {@value #MAX_BODY} bytes.
 */
@Path("v1/recovery/hooks/{key}")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RecoveryHooksResource {

    static final int MAX_BODY = 16 * 1024;

    @EJB
    private TenantSelection selection;

    @EJB
    private SmsHooks hooks;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest servletRequest;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response report(@PathParam("key") String key, byte[] body, @Context HttpHeaders headers) {
        if (body.length > MAX_BODY) {
            throw new ContentTooLargeException("an SMS platform's report is at most " + MAX_BODY + " bytes");
        }
        Optional<SmsHooks.Hook> hook = hooks.find(key);
        if (hook.isEmpty()) {
            return unauthorized("unknown hook");
        }
        boolean form = headers.getMediaType() != null
                && headers.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        Map<String, List<String>> params = form ? WebhookForms.parameters(body, servletRequest) : Map.of();
        Optional<String> unsigned = WebhookForms.unsigned(hook.get().signingSecret(), "the flow's secret", headers,
                body, form, params, uriInfo);
        if (unsigned.isPresent()) {
            return unauthorized(unsigned.get());
        }
        selection.asCollector(hook.get().tenantId(), "sms webhook");
        String effect = form ? twilio(params) : json(body);
        return Response.ok(Map.of("effect", effect)).build();
    }

    private String twilio(Map<String, List<String>> p) {
        String status = WebhookForms.first(p, "MessageStatus");
        if (status != null) {
            String error = WebhookForms.first(p, "ErrorCode");
            hooks.delivery(WebhookForms.first(p, "MessageSid"), status, error == null ? null : "error " + error);
            return "recorded";
        }
        return effect(hooks.reply(WebhookForms.first(p, "From"), WebhookForms.first(p, "Body")));
    }

    private String json(byte[] body) {
        JsonValue root;
        try {
            root = StrictJson.read(body);
        } catch (StrictJson.MalformedJsonException e) {
            throw new InvalidInputException("malformed JSON body: " + e.getMessage());
        }
        if (!(root instanceof JsonObject o)) {
            throw new InvalidInputException("the body must be a JSON object with \"type\": reply or status");
        }
        String type = text(o, "type");
        if ("reply".equals(type)) {
            return effect(hooks.reply(text(o, "from"), text(o, "body")));
        }
        if ("status".equals(type)) {
            hooks.delivery(text(o, "message_id"), text(o, "status"), text(o, "error"));
            return "recorded";
        }
        throw new InvalidInputException("type must be reply or status");
    }

    private static String effect(SmsHooks.ReplyEffect effect) {
        return effect.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidInputException(field + " must be a string");
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Signature realm=\"tracker\"").build();
    }
}
