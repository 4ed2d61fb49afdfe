package io.tracker.interfaces.conversion.rest;

import io.tracker.application.attribution.AttributionExplanationService;
import io.tracker.application.attribution.ConversionAttribution;
import io.tracker.application.conversion.ConversionQueryService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.attribution.JourneyTouch;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/conversions?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=n}: recorded conversions,
 * newest first (dates in the tenant's time zone; limit 1 to 500, default 100; 400 otherwise), each
 * with {@code counted} (false for a repeat that a counting-"one" action does not count);
 * {@code GET /api/v1/conversions/{id}};
 * {@code GET /api/v1/conversions/{id}/attribution}: how its credit was split ({@link AttributionView}).
 * Another tenant's id is 404.
 */
@Path("v1/conversions")
@TenantApi(ApiKeyScope.READ)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ConversionsResource {

    @EJB
    private ConversionQueryService conversions;

    @EJB
    private TenantService tenants;

    @EJB
    private AttributionExplanationService explanations;

    /** A conversion on the wire. */
    public record ConversionView(long id, String eventId, String visitorId, Instant occurredAt, long actionId,
                                 BigDecimal value, String currency, String orderId, boolean counted) {
        static ConversionView of(Conversion c) {
            return new ConversionView(c.getId(), c.getEventId(), c.getVisitorId(), c.getOccurredAt(), c.getActionId(),
                    c.getValue(), c.getCurrency(), c.getOrderId(), c.isCounted());
        }
    }

    /**
     * One conversion's credit split on the wire:
     * {@code {"conversion":{id, action, occurred_at, value, currency, counted}, "journey":[{touchpoint_id,
     * occurred_at, channel, campaign, source_medium, interaction}], "credits":{"last_touch":[{channel,
     * campaign, source_medium, credit, revenue}], …}}}. The journey is rebuilt by the code that credits
     * conversions (oldest touch first; instants in UTC; {@code interaction} {@code CLICK} or
     * {@code IMPRESSION}; campaign {@code ""} for none); credits are the stored ones per model (largest
     * first; credit a fraction, revenue credit × value in the conversion's currency), none for a
     * conversion that is not counted or not yet attributed.
     */
    public record AttributionView(ConversionAttribution.Converted conversion, List<TouchView> journey,
                                  Map<String, List<CreditView>> credits) {
        static AttributionView of(ConversionAttribution a) {
            Map<String, List<CreditView>> credits = new LinkedHashMap<>();
            a.credits().forEach((model, list) -> credits.put(model, list.stream().map(CreditView::of).toList()));
            return new AttributionView(a.conversion(), a.journey().stream().map(TouchView::of).toList(), credits);
        }
    }

    /** A touch of a journey on the wire. */
    public record TouchView(long touchpointId, Instant occurredAt, String channel, String campaign,
                            String sourceMedium, String interaction) {
        static TouchView of(JourneyTouch t) {
            return new TouchView(t.touchpointId(), t.at(), t.channel(), t.campaign(), t.sourceMedium(),
                    t.interaction().name());
        }
    }

    /** A stored credit on the wire. */
    public record CreditView(String channel, String campaign, String sourceMedium, double credit, BigDecimal revenue) {
        static CreditView of(ConversionAttribution.StoredCredit c) {
            return new CreditView(c.channel(), c.campaign(), c.sourceMedium(), c.credit(), c.revenue());
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

    @GET
    @Path("{id}/attribution")
    public AttributionView attribution(@PathParam("id") long id) {
        return AttributionView.of(explanations.explain(id));
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
