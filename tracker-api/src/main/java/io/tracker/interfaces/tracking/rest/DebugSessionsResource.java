package io.tracker.interfaces.tracking.rest;

import io.tracker.application.tracking.debug.DebugHitView;
import io.tracker.application.tracking.debug.DebugSession;
import io.tracker.application.tracking.debug.DebugSessionService;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/debug-sessions}: debug mode (README "Debug mode"). Needs a read key or any member's token.
 *
 * <ul>
 *   <li>{@code POST} with {@code {"site_id":3}} → 201 with {@code Location} and
 *       {@code {"id":"dbg_…","site_id":3,"site_name":"Outdoor Shop","start_url":"https://shop.example/?tracker_debug=dbg_…",
 *       "created_at":…,"expires_at":…}} (2 hours later); open {@code start_url} in the browser to debug;</li>
 *   <li>{@code GET /{id}}: the session, as above;</li>
 *   <li>{@code GET /{id}/hits}: its hits, newest first, at most 200: {@code [{"id":7,"at":…,
 *       "kind":"Conversion","type":"CONVERSION","url":…,"channel":"Paid Search","channel_from_visit":true,
 *       "campaign":…,"click_ids":"gclid=…","event_name":null,"action":"purchase","value":49.90,"currency":"EUR",
 *       "order_id":"A-1","outcome":"duplicate_order","outcome_text":"Duplicate: this order was already counted, not
 *       counted again","detail":null}]}. {@code outcome}: {@code new}, {@code duplicate_event},
 *       {@code duplicate_order}, {@code rejected} (reason in {@code detail}) or {@code bot}.</li>
 * </ul>
 * A session id of no session of the client (another client's included): 404; a body without {@code site_id}: 400.
 */
@Path("v1/debug-sessions")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class DebugSessionsResource {

    @EJB
    private DebugSessionService sessions;

    @Context
    private UriInfo uriInfo;

    /** The body of POST. */
    public record StartBody(Long siteId) {
    }

    /** A debug session on the wire. */
    public record SessionJson(String id, long siteId, String siteName, String startUrl, Instant createdAt,
                              Instant expiresAt) {
        static SessionJson of(DebugSession s) {
            return new SessionJson(s.id(), s.siteId(), s.siteName(), s.startUrl(), s.createdAt(), s.expiresAt());
        }
    }

    /** A debug hit on the wire. */
    public record HitJson(long id, Instant at, String kind, String type, String url, String channel,
                          boolean channelFromVisit, String campaign, String clickIds, String eventName, String action,
                          BigDecimal value, String currency, String orderId, String outcome, String outcomeText,
                          String detail) {
        static HitJson of(DebugHitView h) {
            return new HitJson(h.id(), h.at(), h.kind(), h.type(), h.url(), h.channel(), h.fromVisit(),
                    h.campaign(), h.clickIds(), h.eventName(), h.actionKey(), h.value(), h.currency(), h.orderId(),
                    h.outcome().code(), h.outcomeWords(), h.detail());
        }
    }

    @POST
    public Response start(StartBody body) {
        if (body == null || body.siteId() == null) {
            throw new InvalidInputException("site_id: the site to debug is required ({\"site_id\":3})");
        }
        DebugSession session = sessions.start(body.siteId());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(session.id()).build())
                .entity(SessionJson.of(session)).build();
    }

    @GET
    @Path("{id}")
    public SessionJson get(@PathParam("id") String id) {
        return sessions.find(id).map(SessionJson::of)
                .orElseThrow(() -> new NotFoundException("no debug session " + shortly(id)));
    }

    @GET
    @Path("{id}/hits")
    public List<HitJson> hits(@PathParam("id") String id) {
        return sessions.hits(id).stream().map(HitJson::of).toList();
    }

    private static String shortly(String id) {
        return id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
