package io.tracker.interfaces.recovery.rest;

import io.tracker.application.recovery.RecoveryReport;
import io.tracker.application.recovery.RecoveryReportService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/reports/cart-recovery?from=&to=&flow=}: the SMS cart recovery report over carts abandoned from
 * {@code from} to {@code to} (days in the client's time zone, default the last 30), for one flow or all
 * ({@link RecoveryReport}; {@link RecoveryResource} shows its shape). A read key or any member's token.
 */
@Path("v1/reports/cart-recovery")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CartRecoveryReportResource {

    @EJB
    private RecoveryReportService reports;

    @GET
    public RecoveryReport report(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("flow") String flow) {
        return reports.report(RecoveryResource.day("from", from), RecoveryResource.day("to", to),
                RecoveryResource.flow(flow));
    }
}
