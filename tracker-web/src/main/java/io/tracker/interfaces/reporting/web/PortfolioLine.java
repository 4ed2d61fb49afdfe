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

    /** Converted visits ÷ visits, a fraction. */
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
