package io.tracker.application.reporting;

/**
 * Credited conversions and revenue of one dimension value (or of a whole report) under one model.
 *
 * @param conversions credited conversions
 * @param revenue     credited revenue in the tenant's currency, rounded to cents
 */
public record Figures(double conversions, double revenue) {

    public static final Figures NONE = new Figures(0, 0);

    /** These figures minus {@code other}'s: how much more (positive) or less this model credits. */
    public Figures minus(Figures other) {
        return new Figures(conversions - other.conversions, revenue - other.revenue);
    }
}
