package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.ConversionQueryService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.conversion.Conversion;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.tenant.rest.TenantApi;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/conversions?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=n}: recorded conversions,
 * newest first (dates in the tenant's time zone, at most 500); {@code GET /api/v1/conversions/{id}}.
 */
@Path("v1/conversions")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ConversionsResource {

    @EJB
    private ConversionQueryService conversions;

    @EJB
    private TenantService tenants;

    /** A conversion on the wire. */
    public record ConversionView(long id, String eventId, String visitorId, Instant occurredAt, long actionId,
                                 BigDecimal value, String currency, String orderId) {
        static ConversionView of(Conversion c) {
            return new ConversionView(c.getId(), c.getEventId(), c.getVisitorId(), c.getOccurredAt(), c.getActionId(),
                    c.getValue(), c.getCurrency(), c.getOrderId());
        }
    }

    @GET
    public List<ConversionView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("limit") Integer limit) {
        ReportPeriod period = ReportPeriod.parse(from, to, tenants.current().getTimeZone());
        return conversions.list(period.start(), period.end(), limit == null ? 100 : limit).stream().map(ConversionView::of).toList();
    }

    @GET
    @Path("{id}")
    public ConversionView get(@PathParam("id") long id) {
        return ConversionView.of(conversions.get(id));
    }
}
