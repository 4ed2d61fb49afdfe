package io.tracker.interfaces.reporting.rest;

import io.tracker.application.reporting.AttributionReport;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.ReportDimension;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Report API. Dates are {@code YYYY-MM-DD}, both ends included, in the tenant's time zone;
 * conversions are selected by their own time. Revenue is in the tenant's reporting currency
 * (values are summed as recorded). Unless {@code action} names a conversion action, reports
 * cover the tenant's macro conversions.
 */
@Path("v1/reports")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.READ)
public class ReportsResource {

    @EJB
    private ReportService reports;

    @EJB
    private TenantService tenants;

    @Context
    private UriInfo uriInfo;

    /**
     * {@code GET /api/v1/reports/attribution?model=last_touch|first_touch|linear|position_based
     * &from=YYYY-MM-DD&to=YYYY-MM-DD&dimension=channel|campaign[&action=key]}: answers
     * {@code {"model","from","to","dimension","currency","rows":[{"channel":"Email","conversions":12.5,
     * "revenue":830.1}],"totals":{"conversions","revenue"}}}; rows by credited conversions, most first.
     */
    @GET
    @Path("attribution")
    public String attribution(@QueryParam("model") String model, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("dimension") String dimension,
                              @QueryParam("action") String action) {
        KnownParameters.check(uriInfo, "model", "from", "to", "dimension", "action");
        if (model == null || model.isBlank()) {
            throw new InvalidInputException("'model' is required: last_touch, first_touch, linear or position_based");
        }
        AttributionModel attributionModel;
        try {
            attributionModel = AttributionModel.fromApiName(model);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        ReportDimension dim = ReportDimension.parse(dimension);
        AttributionReport report = reports.attribution(attributionModel, period, dim, action);
        JsonArrayBuilder rows = StrictJson.PROVIDER.createArrayBuilder();
        report.rows().forEach(r -> rows.add(StrictJson.PROVIDER.createObjectBuilder()
                .add(dim.field(), r.key())
                .add("conversions", round(r.conversions(), 6))
                .add("revenue", round(r.revenue(), 2))));
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("model", attributionModel.apiName())
                .add("from", period.from().toString())
                .add("to", period.to().toString())
                .add("dimension", dim.field())
                .add("currency", tenant.getCurrency().getCurrencyCode())
                .add("rows", rows)
                .add("totals", StrictJson.PROVIDER.createObjectBuilder()
                        .add("conversions", round(report.totalConversions(), 6))
                        .add("revenue", round(report.totalRevenue(), 2)))
                .build().toString();
    }

    /**
     * {@code GET /api/v1/reports/summary?from=YYYY-MM-DD&to=YYYY-MM-DD}: the dashboard's headline
     * numbers, {@code {"from","to","currency","touchpoints","conversions","conversion_rate","revenue"}};
     * the conversion rate is conversions per touchpoint (a fraction, not a percentage).
     */
    @GET
    @Path("summary")
    public String summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        KnownParameters.check(uriInfo, "from", "to");
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        Kpis kpis = reports.kpis(period);
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("from", period.from().toString())
                .add("to", period.to().toString())
                .add("currency", tenant.getCurrency().getCurrencyCode())
                .add("touchpoints", kpis.touchpoints())
                .add("conversions", kpis.conversions())
                .add("conversion_rate", round(kpis.conversionRate(), 6))
                .add("revenue", round(kpis.revenue(), 2))
                .build().toString();
    }

    /**
     * The value rounded half-even to at most {@code places} decimals, without trailing zeros and never
     * in exponent form: 30.00 is {@code 30}, not {@code 3E+1} (which {@code stripTrailingZeros} makes of it
     * and JSON-P would print).
     */
    static BigDecimal round(double value, int places) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
