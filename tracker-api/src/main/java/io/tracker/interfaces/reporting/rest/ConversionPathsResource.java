package io.tracker.interfaces.reporting.rest;

import io.tracker.application.reporting.ConversionPathService;
import io.tracker.application.reporting.ConversionPaths;
import io.tracker.application.reporting.ReportNumbers;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.attribution.PathHistogram;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code GET /api/v1/reports/paths?from=YYYY-MM-DD&to=YYYY-MM-DD[&action=key][&limit=10]}: conversion paths,
 * {@code {"from","to","action","currency","conversions":57,
 * "paths":[{"channels":["Paid Search","Paid Search","Email"],"label":"Paid Search ×2 → Email","conversions":12,
 * "share":0.210526,"revenue":840.5}, …],
 * "time_lag":[{"from":0,"to":0,"conversions":30,"share":0.526316}, …, {"from":60,"to":null,…}],
 * "path_length":[{"from":1,"to":1,…}, …, {"from":11,"to":null,…}]}}.
 *
 * <p>A conversion's path is the channel of each touch attribution split its credit over (within its action's
 * lookback windows), oldest first; conversions without one (no touch, or not counted) are left out, and
 * {@code conversions} counts those with one. The conversions are the period's (days in the tenant's time zone) of
 * the tenant's macro actions, or of the action named by {@code action} (null in the answer when none is). {@code
 * paths}: the {@code limit} (1–100, default 10) most frequent, most conversions first, then most revenue
 * ({@code revenue}: their value in {@code currency}, as the attribution report credits it); {@code label} shows
 * touches in a row on one channel as one step. {@code time_lag}: conversions per whole days (24 hours) from the
 * first touch, in the buckets 0, 1, …, 6, 7–13, 14–29, 30–59, 60+; {@code path_length}: per number of touches, in
 * 1, …, 5, 6–10, 11+ ({@code to} null: open). Shares are fractions (6 decimals). An unknown action, a limit out of
 * range, a bad date or an unknown parameter is a 400 problem.
 */
@Path("v1/reports/paths")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.READ)
public class ConversionPathsResource {

    @EJB
    private ConversionPathService paths;

    @EJB
    private TenantService tenants;

    @Context
    private UriInfo uriInfo;

    @GET
    public String paths(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("action") String action, @QueryParam("limit") String limit) {
        KnownParameters.check(uriInfo, "from", "to", "action", "limit");
        int rows = LimitParameter.parse(limit, ConversionPathService.DEFAULT_PATHS, ConversionPathService.MAX_PATHS);
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        ConversionPaths report = paths.paths(period, action, rows);
        JsonArrayBuilder top = StrictJson.PROVIDER.createArrayBuilder();
        for (ConversionPaths.Row row : report.paths()) {
            top.add(StrictJson.PROVIDER.createObjectBuilder()
                    .add("channels", StrictJson.PROVIDER.createArrayBuilder(row.path().channels()))
                    .add("label", row.path().label()).add("conversions", row.conversions())
                    .add("share", ReportNumbers.conversions(row.share()))
                    .add("revenue", ReportNumbers.revenue(row.revenue().doubleValue())));
        }
        JsonObjectBuilder answer = StrictJson.PROVIDER.createObjectBuilder().add("from", period.from().toString())
                .add("to", period.to().toString());
        if (action == null || action.isBlank()) {
            answer.addNull("action");
        } else {
            answer.add("action", action.trim());
        }
        return answer.add("currency", tenant.getCurrency().getCurrencyCode())
                .add("conversions", report.conversions()).add("paths", top)
                .add("time_lag", histogram(report.timeLag())).add("path_length", histogram(report.pathLength()))
                .build().toString();
    }

    private static JsonArrayBuilder histogram(List<PathHistogram.Bucket> buckets) {
        JsonArrayBuilder json = StrictJson.PROVIDER.createArrayBuilder();
        for (PathHistogram.Bucket b : buckets) {
            JsonObjectBuilder bucket = StrictJson.PROVIDER.createObjectBuilder().add("from", b.from());
            if (b.to() == null) {
                bucket.addNull("to");
            } else {
                bucket.add("to", b.to());
            }
            json.add(bucket.add("conversions", b.conversions()).add("share", ReportNumbers.conversions(b.share())));
        }
        return json;
    }
}
