package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.ClientKpis;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.PortfolioFigures;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One client's row of the portfolio: its headline KPIs over the portfolio's period and their change
 * against the period of the same length just before, in the client's own time zone and currency
 * (revenues of clients in different currencies are never converted or added).
 */
public final class PortfolioLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String tenantId;
    private final String name;
    private final String industry;
    private final String timeZone;
    private final String currency;
    private final LocalDate first;
    private final LocalDate last;
    private final boolean archived;
    private final long touchpoints;
    private final long conversions;
    private final double conversionRate;
    private final double revenue;
    private final long convertedVisits;
    private final Double conversionsChange;
    private final Double conversionRateChange;
    private final Double revenueChange;
    private final Double cost;
    private final Double roas;
    private final Double costChange;
    private final Double roasChange;
    private final Double benchmark;
    private final String benchmarkLabel;
    private final String benchmarkSource;

    PortfolioLine(ClientKpis c) {
        Kpis kpis = c.kpis();
        Kpis before = c.previous();
        this.tenantId = c.tenantId();
        this.name = c.name();
        this.industry = c.industry();
        this.timeZone = c.timeZone();
        this.currency = c.currency();
        this.first = c.first();
        this.last = c.last();
        this.archived = c.archived();
        this.touchpoints = kpis.touchpoints();
        this.conversions = kpis.conversions();
        this.conversionRate = kpis.conversionRate();
        this.revenue = kpis.revenue();
        this.convertedVisits = kpis.convertedVisits();
        this.conversionsChange = PortfolioFigures.change(kpis.conversions(), before.conversions()).orElse(null);
        this.conversionRateChange = PortfolioFigures.change(kpis.conversionRate(), before.conversionRate()).orElse(null);
        this.revenueChange = PortfolioFigures.change(kpis.revenue(), before.revenue()).orElse(null);
        this.cost = c.cost() == null ? null : c.cost().doubleValue();
        this.roas = c.roas();
        this.costChange = c.cost() == null || c.previousCost() == null ? null
                : PortfolioFigures.change(c.cost().doubleValue(), c.previousCost().doubleValue()).orElse(null);
        this.roasChange = roas == null || c.previousRoas() == null ? null
                : PortfolioFigures.change(roas, c.previousRoas()).orElse(null);
        this.benchmark = c.benchmark() == null ? null : c.benchmark().value().doubleValue();
        this.benchmarkLabel = c.benchmark() == null ? null
                : c.benchmark().industry() + ", " + c.benchmark().region() + " " + c.benchmark().year();
        this.benchmarkSource = c.benchmark() == null ? null : c.benchmark().source();
    }

    /** The imported ad cost of the period, in {@link #getCurrency()}; null when none is known. */
    public Double getCost() {
        return cost;
    }

    /** Revenue ÷ cost; null without cost. */
    public Double getRoas() {
        return roas;
    }

    /** Relative change of the cost against the previous period; null when either has none. */
    public Double getCostChange() {
        return costChange;
    }

    /** Relative change of ROAS; null when either period has none. */
    public Double getRoasChange() {
        return roasChange;
    }

    /** The industry's published conversion rate, a fraction; null without an industry. */
    public Double getBenchmark() {
        return benchmark;
    }

    /** Which figure it is: "All e-commerce, US 2021". */
    public String getBenchmarkLabel() {
        return benchmarkLabel;
    }

    /** Where the figure comes from. */
    public String getBenchmarkSource() {
        return benchmarkSource;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    /** Free text, may be null. */
    public String getIndustry() {
        return industry;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /** ISO 4217 code of the client's reporting currency. */
    public String getCurrency() {
        return currency;
    }

    /** First day of the period in the client's time zone. */
    public LocalDate getFirst() {
        return first;
    }

    /** Last day of the period in the client's time zone. */
    public LocalDate getLast() {
        return last;
    }

    public boolean isArchived() {
        return archived;
    }

    public long getTouchpoints() {
        return touchpoints;
    }

    public long getConversions() {
        return conversions;
    }

    /** Macro conversions ÷ visits, a fraction. */
    public double getConversionRate() {
        return conversionRate;
    }

    /** In {@link #getCurrency()}. */
    public double getRevenue() {
        return revenue;
    }

    /** Visits that led to a counted macro conversion (see {@code Kpis}). */
    public long getConvertedVisits() {
        return convertedVisits;
    }

    /** Relative change against the previous period, a fraction; null when that period had none. */
    public Double getConversionsChange() {
        return conversionsChange;
    }

    /** Relative change of the rate (not percentage points), a fraction; null when the previous rate was 0. */
    public Double getConversionRateChange() {
        return conversionRateChange;
    }

    /** Relative change against the previous period, a fraction; null when that period had no revenue. */
    public Double getRevenueChange() {
        return revenueChange;
    }

    /** A CSS class for a change: change-up, change-down, change-flat or change-none. */
    public static String changeClass(Double change) {
        return change == null ? "change-none" : change > 0 ? "change-up" : change < 0 ? "change-down" : "change-flat";
    }
}
