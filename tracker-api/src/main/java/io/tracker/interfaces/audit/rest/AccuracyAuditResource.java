package io.tracker.interfaces.audit.rest;

import io.tracker.application.audit.AccuracyAuditService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.audit.AccuracyAudit;
import io.tracker.domain.audit.Cause;
import io.tracker.domain.audit.ExtraReason;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import io.tracker.interfaces.reporting.rest.KnownParameters;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/audits/accuracy?from=YYYY-MM-DD&to=YYYY-MM-DD[&action=key]}: the data-accuracy audit
 * ({@link io.tracker.domain.audit.AccuracyAuditor} states the rules) over whole days in the tenant's time zone, both
 * included (missing {@code to}: today; missing {@code from}: 29 days before {@code to}):
 * {@code {"from","to","time_zone","action","currency","threshold_percent","shop_compared",
 * "days":[{"day","shop_orders","shop_value","tracker_purchases","tracker_value","matched","missing_in_tracker",
 * "not_in_shop","value_mismatches","shop_gap_percent","shop_flagged","platforms":[{"platform":"GOOGLE_ADS",
 * "platform_conversions","platform_value","tracker_conversions","tracker_value","gap_percent","flagged","basis"}],
 * "flagged","causes":["VIEW_THROUGH_CONVERSIONS",…]}], "totals":{… "day":null},
 * "campaigns":[{"platform","campaign","platform_conversions","platform_value","tracker_conversions",
 * "tracker_value","gap_percent","flagged","causes"}],
 * "missing_in_tracker":[{"order_id","day","placed_at","value","currency"}],
 * "not_in_shop":[{"conversion_id","order_id","day","occurred_at","value","currency","reason","shop_status"}],
 * "value_mismatches":[{"order_id","day","shop_value","shop_currency","tracker_value","tracker_currency"}],
 * "cause_explanations":{"VIEW_THROUGH_CONVERSIONS":"…",…},"reason_explanations":{"TEST_ORDER":"…",…}}}.
 * Gaps are percentages with one decimal, null where the base is 0. A bad date, an unknown action or an unknown
 * parameter is a 400 problem.
 *
 * <p>{@code GET /api/v1/audits/accuracy/settings} → {@code {"threshold_percent":20}}; {@code PUT} with the same body
 * sets it (above 0, at most 10000, 2 decimals; needs an analyst's or agency admin's token: permission
 * {@code EDIT_SETUP}, else 403, as changing conversion actions).
 */
@Path("v1/audits/accuracy")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class AccuracyAuditResource {

    @EJB
    private AccuracyAuditService audits;

    @EJB
    private TenantService tenants;

    @Context
    private UriInfo uriInfo;

    /** The audit as the API answers it. */
    public record AuditAnswer(LocalDate from, LocalDate to, String timeZone, String action, String currency,
                              BigDecimal thresholdPercent, boolean shopCompared, List<AccuracyAudit.Day> days,
                              AccuracyAudit.Day totals, List<AccuracyAudit.Campaign> campaigns,
                              List<AccuracyAudit.MissingOrder> missingInTracker,
                              List<AccuracyAudit.ExtraPurchase> notInShop,
                              List<AccuracyAudit.ValueMismatch> valueMismatches,
                              Map<String, String> causeExplanations, Map<String, String> reasonExplanations) {
    }

    /** The settings' body and answer. */
    public record Settings(BigDecimal thresholdPercent) {
    }

    @GET
    @TenantApi(ApiKeyScope.READ)
    public AuditAnswer audit(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("action") String action) {
        KnownParameters.check(uriInfo, "from", "to", "action");
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        AccuracyAudit a = audits.audit(period, action);
        Map<String, String> causes = new LinkedHashMap<>();
        Arrays.stream(Cause.values()).forEach(c -> causes.put(c.name(), c.explanation()));
        Map<String, String> reasons = new LinkedHashMap<>();
        Arrays.stream(ExtraReason.values()).forEach(r -> reasons.put(r.name(), r.explanation()));
        return new AuditAnswer(a.from(), a.to(), tenant.getTimeZone().getId(),
                action == null || action.isBlank() ? tenant.getDefaultActionKey() : action.strip(),
                tenant.getCurrency().getCurrencyCode(), a.thresholdPercent(), a.shopCompared(), a.days(), a.totals(),
                a.campaigns(), a.missingInTracker(), a.notInShop(), a.valueMismatches(), causes, reasons);
    }

    @GET
    @Path("settings")
    @TenantApi(ApiKeyScope.READ)
    public Settings settings() {
        return new Settings(audits.threshold());
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @TenantApi(ApiKeyScope.READ)
    public Settings update(Settings body) {
        if (body == null || body.thresholdPercent() == null) {
            throw new InvalidInputException("send {\"threshold_percent\": 20}");
        }
        return new Settings(audits.setThreshold(body.thresholdPercent()));
    }
}
