package io.tracker.interfaces.reporting.rest;

import io.tracker.application.reporting.ReportNumbers;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.TrendInterval;
import io.tracker.application.reporting.TrendPoint;
import io.tracker.application.reporting.TrendService;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/v1/reports/trend?from=YYYY-MM-DD&to=YYYY-MM-DD&interval=day|week|month}: the dashboard's trend
 * chart, {@code {"from","to","interval","currency","points":[{"start":"2026-11-02","visits":120,"conversions":7,
 * "revenue":431.5,"cost":120}, …]}} ({@code cost}: the imported ad cost, null on every point when the period has
 * none): one point per day, ISO week (from Monday) or calendar month of the tenant's days that
 * meets the period, oldest first, empty ones with zeros; a point counts only the period's days (the first week or
 * month may start before {@code from}). Conversions are the counted macro conversions, revenue their value net of
 * the ledger, as in {@code /summary}: the points add up to its figures. A resource of its own, with the longer
 * literal path, beside {@link ReportsResource}.
 */
@Path("v1/reports/trend")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.READ)
public class TrendResource {

    @EJB
    private TrendService trends;

    @EJB
    private TenantService tenants;

    @Context
    private UriInfo uriInfo;

    @GET
    public String trend(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("interval") String interval) {
        KnownParameters.check(uriInfo, "from", "to", "interval");
        TrendInterval bucket = TrendInterval.parse(interval);
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        JsonArrayBuilder points = StrictJson.PROVIDER.createArrayBuilder();
        for (TrendPoint p : trends.trend(period, bucket)) {
            var point = StrictJson.PROVIDER.createObjectBuilder().add("start", p.start().toString())
                    .add("visits", p.visits()).add("conversions", p.conversions())
                    .add("revenue", ReportNumbers.revenue(p.revenue()));
            if (p.cost() == null) {
                point.addNull("cost");
            } else {
                point.add("cost", ReportNumbers.revenue(p.cost()));
            }
            points.add(point);
        }
        return StrictJson.PROVIDER.createObjectBuilder().add("from", period.from().toString())
                .add("to", period.to().toString()).add("interval", bucket.apiName())
                .add("currency", tenant.getCurrency().getCurrencyCode()).add("points", points).build().toString();
    }
}
