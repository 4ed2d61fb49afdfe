package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.Kpis;
import java.io.Serializable;

/**
 * One client's row of the portfolio: its headline KPIs over the portfolio's period, in the client's
 * own time zone and currency (revenues of clients in different currencies are not converted).
 */
public final class PortfolioLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String tenantId;
    private final String name;
    private final String industry;
    private final String timeZone;
    private final String currency;
    private final long touchpoints;
    private final long conversions;
    private final double conversionRate;
    private final double revenue;
    private final long convertedVisits;

    PortfolioLine(String tenantId, String name, String industry, String timeZone, String currency, Kpis kpis) {
        this.tenantId = tenantId;
        this.name = name;
        this.industry = industry;
        this.timeZone = timeZone;
        this.currency = currency;
        this.touchpoints = kpis.touchpoints();
        this.conversions = kpis.conversions();
        this.conversionRate = kpis.conversionRate();
        this.revenue = kpis.revenue();
        this.convertedVisits = kpis.convertedVisits();
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

    public long getTouchpoints() {
        return touchpoints;
    }

    public long getConversions() {
        return conversions;
    }

    /** Conversions per touchpoint, a fraction. */
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
}
