package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.CostFigures;
import java.io.Serializable;

/**
 * One line of the dashboard's attribution table, as shown: a channel, campaign, source / medium or conversion
 * action with what the selected model credits it (a view value: serializable, kept with the view).
 */
public final class AttributionLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String name;
    private final double conversions;
    private final double revenue;
    private final double share;
    private final CostFigures cost;

    /**
     * @param key         the row's key (the channel, campaign, "source / medium" or the action's key)
     * @param name        what the table shows: the key, or the action's name; "(no campaign)" for {@code ""}
     * @param conversions credited conversions (fractional under multi-touch models)
     * @param revenue     credited revenue in the tenant's currency
     * @param share       this line's part of all credited conversions, a fraction 0..1
     * @param cost        its ad cost with CPA, ROAS and ROI, null when no cost is known for it
     */
    AttributionLine(String key, String name, double conversions, double revenue, double share, CostFigures cost) {
        this.key = key;
        this.name = name;
        this.conversions = conversions;
        this.revenue = revenue;
        this.share = share;
        this.cost = cost;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public double getConversions() {
        return conversions;
    }

    public double getRevenue() {
        return revenue;
    }

    public double getShare() {
        return share;
    }

    /** The line's ad cost in the period, null when none is known. */
    public Double getCost() {
        return cost == null ? null : cost.cost();
    }

    /** Cost ÷ credited conversions, null when unknown (or no conversion). */
    public Double getCpa() {
        return cost == null ? null : cost.cpa();
    }

    /** Credited revenue ÷ cost, null when unknown. */
    public Double getRoas() {
        return cost == null ? null : cost.roas();
    }
}
