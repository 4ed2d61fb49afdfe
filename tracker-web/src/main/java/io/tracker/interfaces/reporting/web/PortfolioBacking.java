package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.DateRange;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.PortfolioFigures;
import io.tracker.application.reporting.PortfolioRange;
import io.tracker.application.reporting.PortfolioService;
import io.tracker.domain.shared.DomainException;
import io.tracker.interfaces.shared.web.Messages;
import io.tracker.interfaces.tenant.web.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;

/**
 * Backs {@code /app/admin/portfolio.xhtml} (agency admins): every client of the agencies the caller
 * administers side by side, with its headline KPIs over the chosen period (presets end on each
 * client's own today; a custom period is the same calendar days for all, each in its own time zone),
 * their change against the period of the same length before, and the agency's median of each
 * figure, from one call of {@link PortfolioService#portfolio}. Revenue is in each client's own
 * currency: its median is taken over the clients in the most common currency only. The request keeps
 * acting for the session's selected tenant.
 */
@Named
@ViewScoped
public class PortfolioBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PortfolioService portfolio;

    @Inject
    private SignedInUser user;

    private DateRange preset = DateRange.LAST_30_DAYS;
    private LocalDate from;
    private LocalDate to;
    private boolean showArchived;
    private List<PortfolioLine> lines = List.of();

    @PostConstruct
    public void init() {
        load();
    }

    /** Reads the portfolio for the period and the archived choice now set. */
    public void load() {
        try {
            PortfolioRange range = new PortfolioRange(preset, from, to);
            // A mutable list: the table sorts it in place.
            lines = portfolio.portfolio(user.caller(), range, showArchived, Instant.now()).stream()
                    .map(PortfolioLine::new).collect(Collectors.toCollection(ArrayList::new));
        } catch (DomainException e) {
            Messages.error(e.getMessage());
        }
    }

    /** A preset was chosen: a custom one starts as the days the last preset covered (in UTC). */
    public void presetChanged() {
        if (preset == DateRange.CUSTOM && (from == null || to == null)) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            to = today;
            from = today.minusDays(29);
        }
        load();
    }

    public List<PortfolioLine> getLines() {
        return lines;
    }

    public long getTotalTouchpoints() {
        return lines.stream().mapToLong(PortfolioLine::getTouchpoints).sum();
    }

    public long getTotalConversions() {
        return lines.stream().mapToLong(PortfolioLine::getConversions).sum();
    }

    /**
     * All clients' macro conversions ÷ visits (each client's own days; see {@code Kpis}), a fraction; revenue is
     * not added up across currencies.
     */
    public double getOverallConversionRate() {
        return Kpis.rate(getTotalConversions(), getTotalTouchpoints());
    }

    /** The median cost of the clients in {@link #getMedianCurrency()} that have cost; null without any. */
    public Double getMedianCost() {
        String currency = getMedianCurrency();
        return PortfolioFigures.median(lines.stream().filter(l -> l.getCurrency().equals(currency))
                .map(PortfolioLine::getCost).filter(java.util.Objects::nonNull).toList()).orElse(null);
    }

    /** The median ROAS of the clients that have cost (a ratio, comparable across currencies); null without any. */
    public Double getMedianRoas() {
        return PortfolioFigures.median(lines.stream().map(PortfolioLine::getRoas).filter(java.util.Objects::nonNull)
                .toList()).orElse(null);
    }

    /** The median of the clients' conversions; null without clients. */
    public Double getMedianConversions() {
        return PortfolioFigures.median(lines.stream().map(l -> (double) l.getConversions()).toList()).orElse(null);
    }

    /** The median of the clients' conversion rates, a fraction; null without clients. */
    public Double getMedianConversionRate() {
        return PortfolioFigures.median(lines.stream().map(PortfolioLine::getConversionRate).toList()).orElse(null);
    }

    /** The currency most clients report in (ties: the first code alphabetically); null without clients. */
    public String getMedianCurrency() {
        return PortfolioFigures.mostCommonCurrency(lines, PortfolioLine::getCurrency).orElse(null);
    }

    /** How many clients report in {@link #getMedianCurrency()}. */
    public long getMedianCurrencyClients() {
        String currency = getMedianCurrency();
        return lines.stream().filter(l -> l.getCurrency().equals(currency)).count();
    }

    /** The median revenue of the clients in {@link #getMedianCurrency()}; null without clients. */
    public Double getMedianRevenue() {
        String currency = getMedianCurrency();
        return PortfolioFigures.median(lines.stream().filter(l -> l.getCurrency().equals(currency))
                .map(PortfolioLine::getRevenue).toList()).orElse(null);
    }

    /** Whether the clients report in more than one currency. */
    public boolean isSeveralCurrencies() {
        return lines.stream().map(PortfolioLine::getCurrency).distinct().count() > 1;
    }

    /** The period as the page says it: "the last 30 days", "this month", "2026-03-01 to 2026-03-15". */
    public String getPeriodLabel() {
        return switch (preset) {
            case LAST_7_DAYS -> "the last 7 days";
            case LAST_30_DAYS -> "the last 30 days";
            case LAST_90_DAYS -> "the last 90 days";
            case THIS_MONTH -> "this month";
            case LAST_MONTH -> "last month";
            case CUSTOM -> from + " to " + to;
        };
    }

    /** The presets for the menu, value and label. */
    public List<DateRange> getPresets() {
        return List.of(DateRange.values());
    }

    public String presetLabel(DateRange p) {
        return p.label();
    }

    public String changeClass(Double change) {
        return PortfolioLine.changeClass(change);
    }

    public boolean isCustom() {
        return preset == DateRange.CUSTOM;
    }

    public String getPreset() {
        return preset.name();
    }

    public void setPreset(String preset) {
        try {
            this.preset = preset == null ? DateRange.LAST_30_DAYS
                    : DateRange.valueOf(preset.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // Not one of the menu's values (a forged post): keep the period shown.
        }
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public boolean isShowArchived() {
        return showArchived;
    }

    public void setShowArchived(boolean showArchived) {
        this.showArchived = showArchived;
    }

    /** Latest day a custom period may end: today somewhere on Earth. */
    public LocalDate getToday() {
        return LocalDate.now(ZoneOffset.ofHours(14));
    }
}
