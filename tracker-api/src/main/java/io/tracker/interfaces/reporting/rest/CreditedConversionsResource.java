package io.tracker.interfaces.reporting.rest;

import io.tracker.application.reporting.CreditedConversion;
import io.tracker.application.reporting.CreditedConversionService;
import io.tracker.application.reporting.ReportNumbers;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.shared.InvalidInputException;
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

/**
 * {@code GET /api/v1/reports/conversions?model=<model>[&channel=<channel>][&campaign=<campaign>]&from=&to=[&limit=100]}:
 * the drill-down's conversions, {@code {"model","from","to","channel","campaign","currency","conversions":[
 * {"id":1234,"action":"purchase","action_name":"Purchase","occurred_at":"2026-11-03T10:05:00Z","value":20,
 * "credit":0.5,"revenue":10}, …]}}: the period's macro conversions that the model credited to the channel, the
 * campaign ({@code ""} for touches without one), or both (at least one is required; an absent one is null in the
 * answer and means any), newest first, at most {@code limit}
 * (1–500, default 100). {@code credit} is the share the selection got (0..1, 6 decimals), {@code revenue} that
 * share of the value; each conversion's journey is {@code GET /api/v1/conversions/{id}/attribution}.
 */
@Path("v1/reports/conversions")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@TenantApi(ApiKeyScope.READ)
public class CreditedConversionsResource {

    @EJB
    private CreditedConversionService conversions;

    @EJB
    private TenantService tenants;

    @Context
    private UriInfo uriInfo;

    @GET
    public String list(@QueryParam("model") String model, @QueryParam("channel") String channel,
                       @QueryParam("campaign") String campaign, @QueryParam("from") String from,
                       @QueryParam("to") String to, @QueryParam("limit") String limit) {
        KnownParameters.check(uriInfo, "model", "channel", "campaign", "from", "to", "limit");
        var attributionModel = ModelParameter.required(model);
        if (channel == null && campaign == null) {
            throw new InvalidInputException("'channel' or 'campaign' (or both) is required: as report rows name them");
        }
        int rows = LimitParameter.parse(limit, 100, CreditedConversionService.MAX_ROWS);
        Tenant tenant = tenants.current();
        ReportPeriod period = ReportPeriod.parse(from, to, tenant.getTimeZone());
        JsonArrayBuilder list = StrictJson.PROVIDER.createArrayBuilder();
        for (CreditedConversion c : conversions.list(attributionModel, period, channel, campaign, rows)) {
            list.add(StrictJson.PROVIDER.createObjectBuilder().add("id", c.conversionId()).add("action", c.actionKey())
                    .add("action_name", c.actionName()).add("occurred_at", c.occurredAt().toString())
                    .add("value", ReportNumbers.revenue(c.value() == null ? 0 : c.value().doubleValue()))
                    .add("credit", ReportNumbers.conversions(c.credit()))
                    .add("revenue", ReportNumbers.revenue(c.revenue().doubleValue())));
        }
        var answer = StrictJson.PROVIDER.createObjectBuilder().add("model", attributionModel.apiName())
                .add("from", period.from().toString()).add("to", period.to().toString());
        nullable(answer, "channel", channel);
        nullable(answer, "campaign", campaign);
        return answer.add("currency", tenant.getCurrency().getCurrencyCode()).add("conversions", list).build()
                .toString();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
