package io.tracker.interfaces.calltracking.rest;

import io.tracker.application.calltracking.CallLogService;
import io.tracker.application.calltracking.CallTrackingSetupService;
import io.tracker.application.calltracking.CallWebhook;
import io.tracker.application.calltracking.NumberPool;
import io.tracker.application.calltracking.PoolUsage;
import io.tracker.application.calltracking.TrackingNumber;
import io.tracker.domain.shared.InvalidInputException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Call tracking's set-up. Reading needs a read key or any member's token; changes need an analyst's or agency
 * admin's token (API keys cannot change set-up), audited. Numbers in any common format are stored in E.164.
 *
 * <ul>
 *   <li>{@code /api/v1/number-pools}: {@code GET} the pools with their figures (numbers, held now, exhaustions
 *       and peak in the last 30 days, advised size); {@code POST {"name","swap_target","hold_minutes",
 *       "fallback_number"}} → 201; {@code GET /{id}/usage?from=&to=} the pool's use per hour (instants, at most
 *       31 days; default the last 24 hours);</li>
 *   <li>{@code /api/v1/tracking-numbers}: {@code GET}; {@code POST {"number","forwards_to","kind":"offline|source|pool",
 *       "pool","campaign","utm_source","utm_medium","label","monthly_cost"}} → 201, a number any tenant has → 409;
 *       {@code DELETE /{id}} deactivates it (its calls and holds stay);</li>
 *   <li>{@code /api/v1/call-webhook}: {@code GET} the webhook's account id and signing secret (made on first
 *       use); {@code PUT {"signing_secret"}} sets the secret (Twilio: the account's auth token).</li>
 * </ul>
 */
@Path("v1")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class CallTrackingSetupResource {

    @EJB
    private CallTrackingSetupService setup;

    @EJB
    private CallLogService log;

    @Context
    private UriInfo uriInfo;

    /** Body of POST /number-pools. */
    public record NewPool(String name, String swapTarget, Integer holdMinutes, String fallbackNumber) {
    }

    /** Body of POST /tracking-numbers; {@code pool} and {@code campaign} are ids. */
    public record NewNumber(String number, String forwardsTo, String kind, Long pool, Long campaign, String utmSource,
                            String utmMedium, String label, BigDecimal monthlyCost) {
    }

    /** Body of PUT /call-webhook. */
    public record SigningSecret(String signingSecret) {
    }

    @GET
    @Path("number-pools")
    public List<NumberPool> pools() {
        return setup.pools();
    }

    @POST
    @Path("number-pools")
    public Response createPool(NewPool body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required: {\"name\", \"swap_target\", \"hold_minutes\", \"fallback_number\"}");
        }
        NumberPool pool = setup.createPool(body.name(), body.swapTarget(), body.holdMinutes(), body.fallbackNumber());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(pool.id())).build()).entity(pool).build();
    }

    @GET
    @Path("number-pools/{id}/usage")
    public List<PoolUsage> usage(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(1)) : instant("from", from);
        return log.usage(id, start, end);
    }

    @GET
    @Path("tracking-numbers")
    public List<TrackingNumber> numbers() {
        return setup.numbers();
    }

    @POST
    @Path("tracking-numbers")
    public Response createNumber(NewNumber body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required: {\"number\", \"forwards_to\", \"kind\", \"pool\", "
                    + "\"campaign\", \"utm_source\", \"utm_medium\", \"label\", \"monthly_cost\"}");
        }
        TrackingNumber n = setup.createNumber(body.number(), body.forwardsTo(), body.kind(), body.pool(), body.campaign(),
                body.utmSource(), body.utmMedium(), body.label(), body.monthlyCost());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(n.id())).build()).entity(n).build();
    }

    @DELETE
    @Path("tracking-numbers/{id}")
    public TrackingNumber deactivate(@PathParam("id") long id) {
        return setup.deactivate(id);
    }

    @GET
    @Path("call-webhook")
    public CallWebhook webhook() {
        return setup.webhook();
    }

    @PUT
    @Path("call-webhook")
    public CallWebhook useSigningSecret(SigningSecret body) {
        if (body == null) {
            throw new InvalidInputException("a JSON body is required: {\"signing_secret\"}");
        }
        return setup.useSigningSecret(body.signingSecret());
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
