package io.tracker.interfaces.attribution.web;

import io.tracker.application.attribution.AttributionExplanationService;
import io.tracker.application.attribution.ConversionAttribution;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.JourneyTouch;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code /app/journey.xhtml?conversion=<id>[&model=<model>][&back=<dashboard query>]}: one conversion's
 * journey as a timeline, oldest touch first, and its credit split under each model (the same as
 * {@code GET /api/v1/conversions/{id}/attribution}). The end of the dashboard's drill-down; {@code back} is the
 * dashboard's state, to return to the same view. Another tenant's conversion is not found.
 */
@Named
@ViewScoped
public class JourneyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AttributionExplanationService explanations;

    @Inject
    private SignedInUser tenant;

    private String conversionParameter;
    private String modelParameter;
    private String back;
    private ConversionAttribution.Converted conversion;
    private List<Step> steps = List.of();
    private List<CreditLine> credits = List.of();
    private boolean found;

    /** One touch of the timeline, with the time left before the conversion. */
    public record Step(JourneyTouch touch, String before) implements Serializable {
    }

    /** One model's credit to one channel / campaign / source and medium. */
    public record CreditLine(String model, boolean selected, String channel, String campaign, String sourceMedium,
                             double credit, BigDecimal revenue) implements Serializable {
    }

    /** The view action: reads the conversion. */
    public void open() {
        long id;
        try {
            id = Long.parseLong(conversionParameter == null ? "" : conversionParameter.strip());
        } catch (NumberFormatException e) {
            Messages.error("The address names no conversion: it needs ?conversion= and the conversion's number.");
            return;
        }
        try {
            ConversionAttribution explained = explanations.explain(id);
            conversion = explained.conversion();
            List<Step> timeline = new ArrayList<>();
            for (JourneyTouch t : explained.journey()) {
                timeline.add(new Step(t, before(t.at(), conversion.occurredAt())));
            }
            steps = List.copyOf(timeline);
            List<CreditLine> lines = new ArrayList<>();
            String selected = modelParameter == null ? AttributionModel.LAST_TOUCH.apiName() : modelParameter.strip();
            for (Map.Entry<String, List<ConversionAttribution.StoredCredit>> e : explained.credits().entrySet()) {
                for (ConversionAttribution.StoredCredit c : e.getValue()) {
                    lines.add(new CreditLine(e.getKey(), e.getKey().equals(selected), c.channel(), c.campaign(),
                            c.sourceMedium(), c.credit(), c.revenue()));
                }
            }
            credits = List.copyOf(lines);
            found = true;
        } catch (DomainException | EJBException e) {
            DomainException cause = Messages.domainCause(e).orElseThrow(() -> e);
            Messages.error("No conversion " + id + " in this client (" + cause.getMessage() + ").");
        }
    }

    /** "3 d 4 h before", "25 min before", "at the conversion". */
    static String before(Instant touch, Instant conversion) {
        Duration d = Duration.between(touch, conversion);
        if (d.isNegative() || d.isZero()) {
            return "at the conversion";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h before";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min before";
        }
        return Math.max(1, minutes) + " min before";
    }

    public String getConversionParameter() {
        return conversionParameter;
    }

    public void setConversionParameter(String conversionParameter) {
        this.conversionParameter = conversionParameter;
    }

    public String getModelParameter() {
        return modelParameter;
    }

    public void setModelParameter(String modelParameter) {
        this.modelParameter = modelParameter;
    }

    public String getBack() {
        return back;
    }

    public void setBack(String back) {
        this.back = back;
    }

    /** The dashboard's address to go back to (its own page, the state it had). */
    public String getBackUrl() {
        return "dashboard.xhtml" + (back == null || back.isBlank() ? "" : "?" + back.replaceAll("[^A-Za-z0-9_=&%.+\\-]", ""));
    }

    public boolean isFound() {
        return found;
    }

    public ConversionAttribution.Converted getConversion() {
        return conversion;
    }

    public List<Step> getSteps() {
        return steps;
    }

    public List<CreditLine> getCredits() {
        return credits;
    }

    public ZoneId getZone() {
        return tenant.getTimeZone();
    }

    public String getTimeZone() {
        return tenant.getTimeZone().getId();
    }
}
