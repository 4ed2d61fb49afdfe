package io.tracker.application.reporting;

/**
 * One line of an attribution report.
 *
 * @param key         the dimension's value: a channel, a campaign name ({@code ""} is "no campaign"), a
 *                    {@code source / medium}, or a conversion action's key
 * @param name        what to show for it: the conversion action's name for that dimension, else the key
 * @param conversions credited conversions (fractional under multi-touch models)
 * @param revenue     credited conversion value, summed as recorded (no currency conversion), rounded to cents
 * @param cost        the key's ad cost in the period with CPA, ROAS and ROI; null when no cost is known for the
 *                    key (always for the conversion action dimension)
 */
public record AttributionRow(String key, String name, double conversions, double revenue, CostFigures cost) {

    /** A row without known cost. */
    public AttributionRow(String key, String name, double conversions, double revenue) {
        this(key, name, conversions, revenue, null);
    }
}
