package io.tracker.interfaces.attribution.rest;

import io.tracker.application.attribution.AttributionLag;
import io.tracker.application.attribution.AttributionProgressService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/attribution/status}: how far the tenant's attribution is behind, for example while
 * a changed conversion action is re-attributed in the background:
 * {@code {"pending_visitors": 12, "oldest_seconds": 3.5, "up_to_date": false}} ({@code oldest_seconds}:
 * age of the oldest waiting mark by the database's clock, 0 when none waits).
 */
@Path("v1/attribution/status")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AttributionStatusResource {

    @EJB
    private AttributionProgressService progress;

    /** The status on the wire. */
    public record StatusView(long pendingVisitors, double oldestSeconds, boolean upToDate) {
    }

    @GET
    public StatusView status() {
        AttributionLag lag = progress.current();
        return new StatusView(lag.pending(), lag.lagSeconds(), lag.upToDate());
    }
}
