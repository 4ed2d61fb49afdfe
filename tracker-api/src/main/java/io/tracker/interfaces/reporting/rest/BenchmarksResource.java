package io.tracker.interfaces.reporting.rest;

import io.tracker.application.reporting.BenchmarkService;
import io.tracker.application.reporting.Benchmarks;
import io.tracker.application.reporting.IndustryBenchmark;
import io.tracker.application.reporting.PeerComparison;
import io.tracker.application.reporting.ReportNumbers;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/v1/reports/benchmarks?from=YYYY-MM-DD&to=YYYY-MM-DD}: the client's conversion rate beside
 * its industry's published benchmarks and its anonymised peers ({@link BenchmarkService}). Dates as in the
 * other reports (whole days in the tenant's time zone, both included; default the last 30 days). Answers
 * <pre>{@code
 * {"industry":"Consumer goods","conversion_rate":0.031250,
 *  "benchmarks":[{"metric":"conversion_rate","value":0.0422,"year":2021,"region":"Global","source":"IRP Commerce …"},
 *                {"metric":"conversion_rate","value":0.026,"year":2021,"region":"US","source":"Statista …"}],
 *  "peers":{"count":7,"median":0.0288,"percentile":57}}
 * }</pre>
 * {@code conversion_rate} is counted macro conversions ÷ visits, a fraction with 6 decimals; benchmark
 * {@code value}s are fractions too. {@code industry} is null and {@code benchmarks} empty for a client without
 * an industry. {@code peers} is null unless at least 5 other clients of the industry (not of the client's own
 * agency) had visits in the period and the period is at least 7 days; its {@code median} has 4 decimals, its
 * {@code percentile} (mid-rank, 0..100) is null when the client had no visit. Bad dates: 400 problem+json.
 * (A root resource of its own: its literal path is longer than {@link ReportsResource}'s, so it wins.)
 */
@Path("v1/reports/benchmarks")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.READ)
public class BenchmarksResource {

    @EJB
    private BenchmarkService benchmarks;

    @EJB
    private TenantService tenants;

    @Context
    private UriInfo uriInfo;

    @GET
    public String benchmarks(@QueryParam("from") String from, @QueryParam("to") String to) {
        KnownParameters.check(uriInfo, "from", "to");
        ReportPeriod period = ReportPeriod.parse(from, to, tenants.current().getTimeZone());
        Benchmarks b = benchmarks.benchmarks(period);
        JsonArrayBuilder rows = StrictJson.PROVIDER.createArrayBuilder();
        for (IndustryBenchmark r : b.benchmarks()) {
            rows.add(StrictJson.PROVIDER.createObjectBuilder()
                    .add("metric", r.metric())
                    .add("value", r.value())
                    .add("year", r.year())
                    .add("region", r.region())
                    .add("source", r.source()));
        }
        JsonObjectBuilder answer = StrictJson.PROVIDER.createObjectBuilder();
        if (b.industry() == null) {
            answer.add("industry", JsonValue.NULL);
        } else {
            answer.add("industry", b.industry());
        }
        answer.add("conversion_rate", ReportNumbers.plain(b.conversionRate(), 6)).add("benchmarks", rows);
        PeerComparison p = b.peers();
        if (p == null) {
            answer.add("peers", JsonValue.NULL);
        } else {
            JsonObjectBuilder peers = StrictJson.PROVIDER.createObjectBuilder()
                    .add("count", p.count()).add("median", p.median());
            if (p.percentile() == null) {
                peers.add("percentile", JsonValue.NULL);
            } else {
                peers.add("percentile", p.percentile());
            }
            answer.add("peers", peers);
        }
        return answer.build().toString();
    }
}
