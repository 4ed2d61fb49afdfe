package io.tracker.interfaces.recovery.rest;

import io.tracker.application.recovery.FlowChange;
import io.tracker.application.recovery.RecoveryFlow;
import io.tracker.application.recovery.RecoveryFlowService;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code /api/v1/recovery-flows}: the client's SMS cart recovery flows. Reading needs a read key or any member's
 * token; creating, changing and deleting need an analyst's or agency admin's token (403 otherwise; API keys cannot).
 *
 * <p>{@code POST} (201 with {@code Location}) and {@code PUT /{id}} take <pre>{@code
 * {"name":"Checkout rescue","trigger_action":"checkout_started","purchase_action":"purchase","wait_minutes":30,
 *  "min_value":20,"quiet_hours":{"from":"21:00","to":"08:00"},
 *  "steps":[{"after_minutes":30,"message":"Your cart is waiting: {link}"},
 *           {"after_minutes":1440,"message":"10% off with CART10: {link}"}],
 *  "webhook_url":"https://sms.example/hooks/tracker","webhook_secret":"…","control_percent":20,
 *  "cost_per_message":0.0079,"recovery_window_days":7,"resend_after_days":7,"enabled":true}
 * }</pre> or, instead of the webhook, {@code "twilio":{"account_sid":"AC…","auth_token":"…","from":"+15551230000"}}
 * ({@code base_url} optional). {@code purchase_action} defaults to the client's default action, {@code min_value},
 * {@code control_percent} and {@code cost_per_message} to 0, {@code recovery_window_days} and
 * {@code resend_after_days} to 7. A webhook without {@code webhook_secret} gets a generated one, shown in the 201
 * answer only. On {@code PUT} a secret left out is kept. Answers show the flow as {@link RecoveryFlow} (secrets never,
 * only whether they are set), with {@code hook_path}: where the SMS platform posts replies and delivery reports.
 * {@code DELETE /{id}}: 204; the flow stops, its scheduled texts are cancelled, its history stays in the reports.
 * Bad input: 400 problem+json naming the field; an unknown id: 404; a name already used: 409.
 */
@Path("v1/recovery-flows")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class RecoveryFlowsResource {

    @EJB
    private RecoveryFlowService flows;

    @Context
    private UriInfo uriInfo;

    /** The body of POST and PUT. */
    public record FlowBody(String name, String triggerAction, String purchaseAction, Integer waitMinutes,
                           BigDecimal minValue, QuietHoursBody quietHours, List<StepBody> steps, String webhookUrl,
                           String webhookSecret, TwilioBody twilio, Integer controlPercent, BigDecimal costPerMessage,
                           Integer recoveryWindowDays, Integer resendAfterDays, Boolean enabled) {
    }

    /** {@code {"from":"21:00","to":"08:00"}}. */
    public record QuietHoursBody(String from, String to) {
    }

    /** {@code {"after_minutes":30,"message":"… {link}"}}. */
    public record StepBody(Integer afterMinutes, String message) {
    }

    /** Twilio credentials. */
    public record TwilioBody(String accountSid, String authToken, String from, String baseUrl) {
    }

    @GET
    public List<RecoveryFlow> list() {
        return flows.list();
    }

    @POST
    public Response create(FlowBody body) {
        RecoveryFlow created = flows.create(change(body));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    public RecoveryFlow get(@PathParam("id") String id) {
        return flows.get(id(id));
    }

    @PUT
    @Path("{id}")
    public RecoveryFlow update(@PathParam("id") String id, FlowBody body) {
        return flows.update(id(id), change(body));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        flows.delete(id(id));
        return Response.noContent().build();
    }

    private static FlowChange change(FlowBody b) {
        if (b == null) {
            return null;
        }
        List<FlowChange.StepChange> steps = b.steps() == null ? null : b.steps().stream()
                .map(s -> s == null ? null : new FlowChange.StepChange(s.afterMinutes(), s.message())).toList();
        FlowChange.TwilioChange twilio = b.twilio() == null ? null : new FlowChange.TwilioChange(b.twilio().accountSid(),
                b.twilio().authToken(), b.twilio().from(), b.twilio().baseUrl());
        return new FlowChange(b.name(), b.triggerAction(), b.purchaseAction(), b.waitMinutes(), b.minValue(),
                b.quietHours() == null ? null : b.quietHours().from(), b.quietHours() == null ? null : b.quietHours().to(),
                steps, b.webhookUrl(), b.webhookSecret(), twilio, b.controlPercent(), b.costPerMessage(),
                b.recoveryWindowDays(), b.resendAfterDays(), b.enabled());
    }

    /** A flow id; anything else is "not found" (as an id of another tenant's flow is). */
    static long id(String id) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw new NotFoundException("no recovery flow " + (id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id));
    }

}
