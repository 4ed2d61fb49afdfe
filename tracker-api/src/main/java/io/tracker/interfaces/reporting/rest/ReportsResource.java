package io.tracker.interfaces.reporting.rest;

import io.tracker.application.conversion.ledger.ConversionLedgerService;
import io.tracker.application.reporting.Activity;
import io.tracker.application.reporting.AttributionReport;
import io.tracker.application.reporting.AttributionReportCsv;
import io.tracker.application.reporting.CostFigures;
import io.tracker.application.reporting.Figures;
import io.tracker.application.reporting.ModelComparison;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.ReportDimension;
import io.tracker.application.reporting.ReportNumbers;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.stream.Collectors;

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

    @EJB
    private ConversionLedgerService ledger;

    @Context
    private UriInfo uriInfo;

    /**
     * {@code GET /api/v1/reports/attribution?model=<model>&from=YYYY-MM-DD&to=YYYY-MM-DD
     * &dimension=channel|campaign|source_medium|conversion_action[&action=key]}: the conversions of the
     * period credited by one model and summed per value of the dimension. {@code model} (required) is one
     * of {@code last_touch, first_touch, linear, position_based, time_decay, markov, shapley} (the
     * data-driven two have credits once a data-driven run has been made, see
     * {@code POST /api/v1/attribution/data-driven}); {@code dimension} defaults to {@code channel}.
     * Answers {@code {"model","from","to","dimension","currency","rows":[{"channel":"Email",
     * "conversions":12.5,"revenue":830.1,"cost":400,"cpa":32,"roas":2.0753,"roi":1.0753}],"totals":{"conversions",
     * "revenue","cost","cpa","roas","roi"}}}: the row's key field is
     * named after the dimension; for {@code conversion_action} it holds the action's key and the row also
     * has {@code "name"}, the action's name. Rows by credited conversions, most first, then by key;
     * conversions with 6 decimals, revenue in cents of the tenant's currency. {@code cost} is the imported ad cost
     * of the key in the period (cents), {@code cpa} cost ÷ credited conversions (cents), {@code roas} revenue ÷
     * cost and {@code roi} (revenue − cost) ÷ cost (4 decimals), each null where unknown (no cost for the key, no
     * conversions for CPA); a key with cost but no credited conversions is a row with 0 conversions; totals'
     * cost is all cost of the period. The conversion action dimension has none of these fields. Bad input is a 400
     * problem+json naming what is wrong.
     */
    @GET
    @Path("attribution")
    public String attribution(@QueryParam("model") String model, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("dimension") String dimension,
                              @QueryParam("action") String action) {
        Tenant tenant = tenants.current();
        AttributionReport report = attributionReport(tenant, model, from, to, dimension, action);
        ReportDimension dim = report.dimension();
        JsonArrayBuilder rows = StrictJson.PROVIDER.createArrayBuilder();
        boolean withCost = dim != ReportDimension.CONVERSION_ACTION;
        report.rows().forEach(r -> rows.add(cost(key(StrictJson.PROVIDER.createObjectBuilder(), dim, r.key(), r.name())
                .add("conversions", ReportNumbers.conversions(r.conversions()))
                .add("revenue", ReportNumbers.revenue(r.revenue())), r.cost(), withCost)));
        return head(report.period(), dim, tenant)
                .add("model", report.model().apiName())
                .add("rows", rows)
                .add("totals", cost(figures(new Figures(report.totalConversions(), report.totalRevenue())),
                        report.totalCost(), withCost))
                .build().toString();
    }

    /**
     * {@code GET /api/v1/reports/attribution.csv?model=…&from=…&to=…&dimension=…[&action=key]}: the same
     * report as {@link #attribution} (same parameters, same rows in the same order, same figures) as a CSV
     * download ({@code text/csv; charset=UTF-8}, {@code Content-Disposition: attachment} with a file name
     * such as {@code attribution-last_touch-channel-2026-09-01-2026-09-30.csv}); the layout is
     * {@link AttributionReportCsv}'s, which the dashboard's export uses too. Bad input is the same 400
     * problem+json as the JSON report's.
     */
    @GET
    @Path("attribution.csv")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    public Response attributionCsv(@QueryParam("model") String model, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("dimension") String dimension,
                                   @QueryParam("action") String action) {
        Tenant tenant = tenants.current();
        AttributionReport report = attributionReport(tenant, model, from, to, dimension, action);
        return Response.ok(AttributionReportCsv.bytes(report, tenant.getCurrency().getCurrencyCode()))
                .type(AttributionReportCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + AttributionReportCsv.fileName(report)
                        + "\"")
                .build();
    }

    /** The attribution report the parameters ask for; a 400 ({@link InvalidInputException}) naming what is wrong. */
    private AttributionReport attributionReport(Tenant tenant, String model, String from, String to, String dimension,
                                                String action) {
        KnownParameters.check(uriInfo, "model", "from", "to", "dimension", "action");
        if (model == null || model.isBlank()) {
            throw new InvalidInputException("'model' is required: one of " + modelNames());
        }
        AttributionModel attributionModel;
        try {
            attributionModel = AttributionModel.fromApiName(model);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown attribution model " + Text.echo(model) + "; expected one of "
                    + modelNames());
        }
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        return reports.attribution(attributionModel, period, ReportDimension.parse(dimension), action);
    }

    /**
     * {@code GET /api/v1/reports/model-comparison?from=YYYY-MM-DD&to=YYYY-MM-DD
     * &dimension=channel|campaign|source_medium|conversion_action[&action=key]}: every model side by
     * side over the same conversions. Answers
     * <pre>{@code
     * {"from","to","dimension","currency",
     *  "models":["last_touch","first_touch","linear","position_based","time_decay","markov","shapley"],
     *  "rows":[{"channel":"Email",
     *           "last_touch":{"conversions":3,"revenue":120,"difference_from_last_touch":{"conversions":0,"revenue":0}},
     *           "first_touch":{"conversions":2,"revenue":80,"difference_from_last_touch":{"conversions":-1,"revenue":-40}},
     *           …one object per model}],
     *  "totals":{"last_touch":{"conversions","revenue","difference_from_last_touch":{…}}, …}}
     * }</pre>
     * A row per dimension value any model credits (a model that credits it nothing shows 0); rows by
     * last-touch conversions, most first, then by key; the row's key field is named after the dimension
     * ({@code conversion_action}: the action's key, plus {@code "name"}). {@code difference_from_last_touch}
     * is the model's figure minus last touch's (positive: the model credits the value more). Data-driven
     * models show 0 until a data-driven run has credited the period's conversions.
     */
    @GET
    @Path("model-comparison")
    public String modelComparison(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("dimension") String dimension, @QueryParam("action") String action) {
        KnownParameters.check(uriInfo, "from", "to", "dimension", "action");
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        ReportDimension dim = ReportDimension.parse(dimension);
        ModelComparison comparison = reports.modelComparison(period, dim, action);
        JsonArrayBuilder models = StrictJson.PROVIDER.createArrayBuilder();
        for (AttributionModel m : AttributionModel.values()) {
            models.add(m.apiName());
        }
        JsonArrayBuilder rows = StrictJson.PROVIDER.createArrayBuilder();
        for (ModelComparison.Row row : comparison.rows()) {
            JsonObjectBuilder json = key(StrictJson.PROVIDER.createObjectBuilder(), dim, row.key(), row.name());
            for (AttributionModel m : AttributionModel.values()) {
                json.add(m.apiName(), figures(row.of(m)).add("difference_from_last_touch",
                        figures(row.differenceFromLastTouch(m))));
            }
            rows.add(json);
        }
        JsonObjectBuilder totals = StrictJson.PROVIDER.createObjectBuilder();
        for (AttributionModel m : AttributionModel.values()) {
            totals.add(m.apiName(), figures(comparison.totals().get(m)).add("difference_from_last_touch",
                    figures(comparison.totalDifferenceFromLastTouch(m))));
        }
        return head(period, dim, tenant).add("models", models).add("rows", rows).add("totals", totals)
                .build().toString();
    }

    /**
     * {@code GET /api/v1/reports/summary?from=YYYY-MM-DD&to=YYYY-MM-DD[&revenue=net|gross]}: the dashboard's
     * headline numbers, {@code {"from","to","currency","touchpoints","visits","converted_visits","conversions",
     * "conversion_rate","visit_conversion_rate","revenue","micro_conversions","calls"}}. {@code visits} =
     * {@code touchpoints} (a touchpoint is a visit); {@code conversions} and {@code revenue} are the counted macro
     * conversions of the period; {@code conversion_rate} is macro conversions ÷ visits (a fraction, not a
     * percentage; 0 without visits); {@code visit_conversion_rate} is converted visits ÷ visits (0..1), where a
     * converted visit is a visit of the period that is its visitor's latest visit at or before one of its
     * counted macro conversions of the period (see {@code Kpis}); {@code micro_conversions} counts the counted
     * conversions of micro actions, {@code calls} the calls to tracking numbers.
     *
     * <p>{@code revenue} is always <b>net</b> of the conversion ledger: conversions as they are now, restated
     * values and without retracted ones (a refund reduces it, a cancelled order is gone from {@code conversions}
     * too). With {@code revenue=gross} the answer adds {@code "gross_revenue"} (the same conversions at the value
     * they first arrived with, retracted ones included) and {@code "adjustments"} (what the ledger took away from
     * the period's conversions: {@code gross_revenue = revenue + adjustments}; negative when restatements raised
     * values). Conversions are in the period by their own time, whenever they were adjusted; in the tenant's
     * currency, cents. {@code revenue=net} (the default) adds nothing; any other value is a 400.
     */
    @GET
    @Path("summary")
    public String summary(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("revenue") String revenue) {
        KnownParameters.check(uriInfo, "from", "to", "revenue");
        boolean gross = gross(revenue);
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        Kpis kpis = reports.kpis(period);
        JsonObjectBuilder answer = StrictJson.PROVIDER.createObjectBuilder()
                .add("from", period.from().toString())
                .add("to", period.to().toString())
                .add("currency", tenant.getCurrency().getCurrencyCode())
                .add("touchpoints", kpis.touchpoints())
                .add("visits", kpis.touchpoints())
                .add("converted_visits", kpis.convertedVisits())
                .add("conversions", kpis.conversions())
                .add("conversion_rate", ReportNumbers.plain(kpis.conversionRate(), 6))
                .add("visit_conversion_rate", ReportNumbers.plain(kpis.visitConversionRate(), 6))
                .add("revenue", ReportNumbers.revenue(kpis.revenue()));
        Activity activity = reports.activity(period);
        answer.add("micro_conversions", activity.microConversions()).add("calls", activity.calls());
        if (gross) {
            BigDecimal net = BigDecimal.valueOf(kpis.revenue()).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal takenAway = ledger.takenAway(period.start(), period.end()).setScale(2, RoundingMode.HALF_EVEN);
            answer.add("gross_revenue", ReportNumbers.revenue(net.add(takenAway).doubleValue()))
                    .add("adjustments", ReportNumbers.revenue(takenAway.doubleValue()));
        }
        return answer.build().toString();
    }

    /** {@code revenue}: {@code net} (or absent) or {@code gross}. */
    private static boolean gross(String revenue) {
        if (revenue == null || revenue.isBlank() || revenue.strip().equalsIgnoreCase("net")) {
            return false;
        }
        if (revenue.strip().equalsIgnoreCase("gross")) {
            return true;
        }
        throw new InvalidInputException("'revenue' is net (the default) or gross, not " + Text.echo(revenue));
    }

    private static JsonObjectBuilder head(ReportPeriod period, ReportDimension dim, Tenant tenant) {
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("from", period.from().toString())
                .add("to", period.to().toString())
                .add("dimension", dim.field())
                .add("currency", tenant.getCurrency().getCurrencyCode());
    }

    private static JsonObjectBuilder key(JsonObjectBuilder row, ReportDimension dim, String key, String name) {
        row.add(dim.field(), key);
        if (dim == ReportDimension.CONVERSION_ACTION) {
            row.add("name", name);
        }
        return row;
    }

    /**
     * Adds {@code cost}, {@code cpa}, {@code roas} and {@code roi} ({@link CostFigures}), nulls where unknown;
     * nothing for the conversion action dimension.
     */
    private static JsonObjectBuilder cost(JsonObjectBuilder json, CostFigures cost, boolean withCost) {
        if (!withCost) {
            return json;
        }
        if (cost == null) {
            return json.addNull("cost").addNull("cpa").addNull("roas").addNull("roi");
        }
        json.add("cost", ReportNumbers.revenue(cost.cost()));
        if (cost.cpa() == null) {
            json.addNull("cpa");
        } else {
            json.add("cpa", ReportNumbers.revenue(cost.cpa()));
        }
        if (cost.roas() == null) {
            json.addNull("roas").addNull("roi");
        } else {
            json.add("roas", ReportNumbers.plain(cost.roas(), CostFigures.RATIO_DECIMALS))
                    .add("roi", ReportNumbers.plain(cost.roi(), CostFigures.RATIO_DECIMALS));
        }
        return json;
    }

    private static JsonObjectBuilder figures(Figures f) {
        return StrictJson.PROVIDER.createObjectBuilder()
                .add("conversions", ReportNumbers.conversions(f.conversions()))
                .add("revenue", ReportNumbers.revenue(f.revenue()));
    }

    private static String modelNames() {
        return Arrays.stream(AttributionModel.values()).map(AttributionModel::apiName).collect(Collectors.joining(", "));
    }
}
