package io.tracker.interfaces.audit.rest;

import io.tracker.application.audit.TagHealthReport;
import io.tracker.application.audit.TagHealthService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.reporting.rest.KnownParameters;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/v1/audits/tag-health[?at=2026-05-04T10:00:00Z]}: the client's tag health as
 * {@link TagHealthReport} (snake_case): per website domain the last hit, the last complete hour's hits against its
 * baseline, the shares without consent and of bots; pages whose tag fires twice; thank-you pages without
 * conversions; conversion actions that stopped firing. {@code at} is the report's "now" (default: now). Needs a read
 * key or any member's token. Bad {@code at} or an unknown parameter: 400 problem+json.
 */
@Path("v1/audits/tag-health")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TagHealthResource {

    @EJB
    private TagHealthService tagHealth;

    @Context
    private UriInfo uriInfo;

    @GET
    public TagHealthReport report(@QueryParam("at") String at) {
        KnownParameters.check(uriInfo, "at");
        return tagHealth.report(AuditInstants.at(at));
    }
}
