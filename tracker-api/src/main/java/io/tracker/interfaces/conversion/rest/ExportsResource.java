package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.destinations.DestinationExports;
import io.tracker.application.conversion.destinations.ExportFile;
import io.tracker.application.conversion.destinations.ExportProblem;
import io.tracker.application.conversion.destinations.PlatformNames;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.conversion.export.Platform;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /api/v1/exports}: files to upload by hand in the ad platforms, of the conversions of actions mapped to the
 * platform ({@code PUT /api/v1/destinations/{platform}}). {@code from} and {@code to} are dates
 * {@code YYYY-MM-DD}, both included, in the tenant's time zone, as in the reports (default: the last 30 days);
 * conversions are selected by their time, adjustments by theirs. Times in the files are the instants shown with
 * the offset the format asks for. Rows that cannot go out are left out of the files and listed by
 * {@code /problems}, never dropped silently. Any read key or member; bad input is a 400 problem+json naming the
 * parameter.
 *
 * <ul>
 *   <li>{@code GET /google-ads/click-conversions.csv}: Google Ads' offline click conversions template
 *       ({@code Google Click ID, Conversion Name, Conversion Time, Conversion Value, Conversion Currency}, plus the
 *       enhanced conversions' hashed identifiers);</li>
 *   <li>{@code GET /google-ads/conversion-adjustments.csv}: Google Ads' conversion adjustments template;</li>
 *   <li>{@code GET /microsoft-ads/click-conversions.csv}: Microsoft Advertising's offline conversions template
 *       ({@code Microsoft Click ID, Conversion Name, Conversion Time, …});</li>
 *   <li>{@code GET /{platform}/problems}: {@code [{"kind":"CONVERSION","item_id","conversion_id","order_id","at",
 *       "problems":["…"]}]}.</li>
 * </ul>
 * Files are {@code text/csv; charset=UTF-8} with {@code Content-Disposition: attachment; filename=
 * "google-ads-click-conversions-2026-12-01-2026-12-06.csv"}.
 */
@Path("v1/exports")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ExportsResource {

    private static final String CSV = "text/csv; charset=UTF-8";

    @EJB
    private DestinationExports exports;

    @EJB
    private TenantService tenants;

    @GET
    @Path("google-ads/click-conversions.csv")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    public Response googleClickConversions(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportPeriod period = period(from, to);
        return csv(exports.clickConversions(Platform.GOOGLE_ADS, period.start(), period.end()),
                "google-ads-click-conversions", period);
    }

    @GET
    @Path("google-ads/conversion-adjustments.csv")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    public Response googleAdjustments(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportPeriod period = period(from, to);
        return csv(exports.adjustments(Platform.GOOGLE_ADS, period.start(), period.end()),
                "google-ads-conversion-adjustments", period);
    }

    @GET
    @Path("microsoft-ads/click-conversions.csv")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    public Response microsoftClickConversions(@QueryParam("from") String from, @QueryParam("to") String to) {
        ReportPeriod period = period(from, to);
        return csv(exports.clickConversions(Platform.MICROSOFT_ADS, period.start(), period.end()),
                "microsoft-ads-click-conversions", period);
    }

    @GET
    @Path("{platform}/problems")
    public List<ExportProblem> problems(@PathParam("platform") String platform, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        Platform p = PlatformNames.parse("platform", platform);
        ReportPeriod period = period(from, to);
        return exports.problems(p, period.start(), period.end());
    }

    private ReportPeriod period(String from, String to) {
        return ReportPeriod.parse(from, to, tenants.current().getTimeZone());
    }

    private static Response csv(ExportFile file, String name, ReportPeriod period) {
        return Response.ok(file.csv().getBytes(StandardCharsets.UTF_8)).type(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + period.from() + "-"
                        + period.to() + ".csv\"")
                .header("X-Tracker-Rows-Left-Out", String.valueOf(file.problems().size()))
                .build();
    }
}
