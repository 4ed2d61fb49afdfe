package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.conversion.ConversionActionService.ActionChange;
import io.tracker.domain.conversion.ActionSettings;
import io.tracker.domain.conversion.ActionValue;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/**
 * {@code /api/v1/conversion-actions}: what the tenant counts as a conversion, as Google Ads defines
 * conversion actions. Reading needs a read key or any member; changing needs an analyst's or agency
 * admin's token (permission {@code EDIT_SETUP}, else 403).
 *
 * <p>An action on the wire (snake_case; enum values lower case):
 * <pre>{@code
 * {"id": 7, "key": "purchase", "name": "Purchase", "category": "macro" | "micro",
 *  "trigger": {"type": "event", "event": "Order Completed"}            // event name as sent; default the key
 *           | {"type": "url", "url_match": "equals" | "starts_with" | "regex", "url_pattern": "https://…"}
 *           | {"type": "call", "min_seconds": 60}                        // stored now; calls arrive with issue #9
 *           | {"type": "offline"},                                       // only rows/API conversions naming it
 *  "value": {"source": "event" | "fixed", "default": 12.50, "currency": "EUR" | null},  // null: tenant's
 *  "default_value": 12.50,                                              // = value.default, for older clients
 *  "counting": "every" | "one", "lookback_days": 30, "view_through_days": 1,
 *  "journey_start": "lookback" | "after_previous_conversion", "status": "active" | "paused"}
 * }</pre>
 *
 * <ul>
 *   <li>{@code GET /} all actions by key; {@code GET /{key}} one (a numeric segment that is no key is read
 *       as the action's id, as before); another tenant's action is 404;</li>
 *   <li>{@code POST /} creates: {@code key} (1 to 64 of {@code a-z 0-9 _ -}) and {@code category} required,
 *       the rest defaults to: name = key, trigger event by key, value from the event (default 0, tenant's
 *       currency), counting every, lookback 30, view-through 1, journey start lookback, active. 201 with
 *       {@code Location}; 409 when the key exists or another event action listens to the same event;</li>
 *   <li>{@code PUT /{key}} replaces every setting (what the body leaves out takes the POST defaults; a
 *       {@code key} in the body must be the same); {@code PATCH /{key}} changes only what the body names
 *       ({@code trigger} whole, {@code value} field by field). Both answer the action plus
 *       {@code "visitors_queued": n}: when counting, a window, the journey start or the status changed,
 *       the visitors with conversions of the action are re-attributed in the background (progress:
 *       {@code GET /api/v1/attribution/status});</li>
 *   <li>{@code DELETE /{key}} 204 for an action without conversions; 409 when it has conversions (pause it
 *       instead: that keeps its history and credits) or is the tenant's default action;</li>
 *   <li>bad input (malformed JSON, an unknown or mistyped field, a window out of range, a URL rule without
 *       pattern, a regex that does not compile or is over 500 characters, an unknown currency): 400
 *       problem+json whose detail starts with the field ({@code lookback_days …}, {@code trigger.url_pattern
 *       …}).</li>
 * </ul>
 */
@Path("v1/conversion-actions")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class ConversionActionsResource {

    @EJB
    private ConversionActionService actions;

    @Context
    private UriInfo uriInfo;

    @GET
    public Response list() {
        JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
        actions.list().forEach(a -> list.add(ActionJson.view(a)));
        return Response.ok(list.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{key}")
    public Response get(@PathParam("key") String key) {
        return ok(find(key), null);
    }

    @POST
    public Response create(byte[] body) {
        JsonObject o = ActionJson.object(body);
        String key = ActionJson.key(o);
        if (!o.containsKey("category")) {
            throw new InvalidInputException("category is required: macro or micro");
        }
        ConversionAction a = actions.create(key, ActionJson.settings(o, defaults(key)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(a.getKey()).build())
                .entity(ActionJson.view(a).build().toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PUT
    @Path("{key}")
    public Response replace(@PathParam("key") String key, byte[] body) {
        JsonObject o = ActionJson.object(body);
        ConversionAction current = find(key);
        sameKey(o, current);
        if (!o.containsKey("category")) {
            throw new InvalidInputException("category is required: macro or micro (PUT replaces every setting; "
                    + "PATCH changes some)");
        }
        ActionChange change = actions.update(current.getKey(), ActionJson.settings(o, defaults(current.getKey())));
        return ok(change.action(), change.visitorsMarked());
    }

    @PATCH
    @Path("{key}")
    public Response patch(@PathParam("key") String key, byte[] body) {
        JsonObject o = ActionJson.object(body);
        ConversionAction current = find(key);
        sameKey(o, current);
        ActionChange change = actions.update(current.getKey(), ActionJson.settings(o, current.settings()));
        return ok(change.action(), change.visitorsMarked());
    }

    @DELETE
    @Path("{key}")
    public Response delete(@PathParam("key") String key) {
        actions.delete(find(key).getKey());
        return Response.noContent().build();
    }

    private ConversionAction find(String keyOrId) {
        return actions.findByKey(keyOrId).or(() -> keyOrId.matches("[0-9]{1,18}")
                        ? actions.list().stream().filter(a -> a.getId() == Long.parseLong(keyOrId)).findFirst()
                        : java.util.Optional.empty())
                .orElseThrow(() -> new NotFoundException("no conversion action " + io.tracker.domain.shared.Text.echo(keyOrId)));
    }

    private static void sameKey(JsonObject o, ConversionAction current) {
        if (o.containsKey("key") && !current.getKey().equals(ActionJson.key(o))) {
            throw new InvalidInputException("key cannot change (it is what events send); create a new action instead");
        }
    }

    private static ActionSettings defaults(String key) {
        return ActionSettings.basic(key, ConversionCategory.MACRO, ActionValue.fromEvent(BigDecimal.ZERO),
                CountingMode.EVERY);
    }

    private static Response ok(ConversionAction a, Integer visitorsQueued) {
        var json = ActionJson.view(a);
        if (visitorsQueued != null) {
            json.add("visitors_queued", visitorsQueued);
        }
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
