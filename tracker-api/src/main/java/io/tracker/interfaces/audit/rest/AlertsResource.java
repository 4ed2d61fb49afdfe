package io.tracker.interfaces.audit.rest;

import io.tracker.application.audit.Alert;
import io.tracker.application.audit.AlertChecker;
import io.tracker.application.audit.AlertService;
import io.tracker.application.audit.AlertSettings;
import io.tracker.application.audit.AlertSettingsChange;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.reporting.rest.KnownParameters;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /api/v1/alerts}: the client's tag-health alerts and their settings. Reading needs a read key or any
 * member's token; checking, settings and muting need an analyst's or agency admin's token (403 otherwise).
 *
 * <ul>
 *   <li>{@code GET [?open=true]}: the alerts, newest first (at most 200), as {@link Alert}
 *       ({@code [{"id":4,"check":"hits_dropped","check_label":"Hits dropped","subject":"shop.example",
 *       "message":"…","raised_at":"…Z","resolved_at":null,"notified":true}]});</li>
 *   <li>{@code POST /check[?at=…]}: runs the checks now (as at {@code at}) and answers the alerts it raised (an
 *       alert already open is not raised again); delivers as the scheduler does;</li>
 *   <li>{@code GET /settings}, {@code PUT /settings} with {@code {"muted":false,"webhook_url":"https://…",
 *       "emails":["ops@client.example"],"thank_you_patterns":["thank","order-received"],"new_secret":false}}: as
 *       {@link AlertSettings}; the signing secret only in the answer that generated it;</li>
 *   <li>{@code POST /mute}, {@code POST /unmute}: the settings after.</li>
 * </ul>
 * Bad input: 400 problem+json naming the field ({@code webhook_url}, {@code emails[1]}, {@code at}, {@code open}).
 */
@Path("v1/alerts")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @EJB
    private AlertService alerts;

    @EJB
    private AlertChecker checker;

    @Context
    private UriInfo uriInfo;

    @GET
    public List<Alert> list(@QueryParam("open") String open) {
        KnownParameters.check(uriInfo, "open");
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw new InvalidInputException("open: give true or false");
        }
        return alerts.list("true".equals(open));
    }

    @POST
    @Path("check")
    public List<Alert> check(@QueryParam("at") String at) {
        KnownParameters.check(uriInfo, "at");
        return checker.checkNow(AuditInstants.at(at));
    }

    @GET
    @Path("settings")
    public AlertSettings settings() {
        return alerts.settings();
    }

    @PUT
    @Path("settings")
    public AlertSettings save(AlertSettingsChange body) {
        return alerts.save(body);
    }

    @POST
    @Path("mute")
    public AlertSettings mute() {
        return alerts.mute(true);
    }

    @POST
    @Path("unmute")
    public AlertSettings unmute() {
        return alerts.mute(false);
    }
}
