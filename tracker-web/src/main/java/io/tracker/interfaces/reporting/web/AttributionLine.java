package io.tracker.interfaces.reporting.web;

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

    /**
     * @param key         the row's key (the channel, campaign, "source / medium" or the action's key)
     * @param name        what the table shows: the key, or the action's name; "(no campaign)" for {@code ""}
     * @param conversions credited conversions (fractional under multi-touch models)
     * @param revenue     credited revenue in the tenant's currency
     * @param share       this line's part of all credited conversions, a fraction 0..1
     */
    AttributionLine(String key, String name, double conversions, double revenue, double share) {
        this.key = key;
        this.name = name;
        this.conversions = conversions;
        this.revenue = revenue;
        this.share = share;
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
}
