package io.tracker.interfaces.conversion.rest;

import io.tracker.application.conversion.ConversionQueryService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.conversion.Conversion;
import io.tracker.domain.shared.InvalidInputException;
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
 * newest first (dates in the tenant's time zone; limit 1 to 500, default 100; 400 otherwise);
 * {@code GET /api/v1/conversions/{id}}.
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
                                     @QueryParam("limit") String limit) {
        ReportPeriod period = ReportPeriod.parse(from, to, tenants.current().getTimeZone());
        return conversions.list(period.start(), period.end(), limit(limit)).stream().map(ConversionView::of).toList();
    }

    @GET
    @Path("{id}")
    public ConversionView get(@PathParam("id") long id) {
        return ConversionView.of(conversions.get(id));
    }

    /** {@code limit}: 1 to 500, default 100. */
    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= ConversionQueryService.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidInputException("limit must be a whole number from 1 to " + ConversionQueryService.MAX_PAGE
                + ", not '" + text + "'");
    }
}
