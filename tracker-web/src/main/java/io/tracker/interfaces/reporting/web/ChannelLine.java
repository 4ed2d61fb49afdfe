package io.tracker.interfaces.reporting.web;

import java.io.Serializable;

/**
 * One channel's line of the dashboard's attribution table, as shown (a view value: serializable,
 * so the view-scoped backing bean can be kept with the view).
 */
public final class ChannelLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final double conversions;
    private final double revenue;
    private final double share;

    /**
     * @param conversions credited conversions (fractional under multi-touch models)
     * @param revenue     credited revenue in the tenant's currency
     * @param share       this channel's part of all credited conversions, a fraction 0..1
     */
    ChannelLine(String channel, double conversions, double revenue, double share) {
        this.channel = channel;
        this.conversions = conversions;
        this.revenue = revenue;
        this.share = share;
    }

    public String getChannel() {
        return channel;
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
