package io.tracker.application.reporting;

/**
 * Headline numbers of a period.
 *
 * <p>A <b>visit</b> is a touchpoint: one arrival of a visitor from a channel (a click, a landing with
 * UTM values, a direct visit; page views within a visit are not touchpoints). A <b>converted visit</b> is
 * a visit of the period that is its visitor's latest visit at or before one of its counted macro
 * conversions of the period (the visit the conversion happened in); each visit counts once however many
 * conversions follow it, and a conversion without any earlier visit of its visitor (a cookieless
 * thank-you page, an offline import without touches) converts no visit.
 *
 * <p>The <b>conversion rate</b> is macro conversions ÷ visits, as issue #12 defines it for the dashboard and as the
 * industry benchmarks it is compared with are computed (orders ÷ sessions); it can exceed 1 when visitors convert
 * several times per visit. {@link #visitConversionRate()} is the share of visits that converted (never above 1).
 *
 * @param touchpoints     visits (touchpoints from any channel) in the period
 * @param conversions     counted macro conversions in the period (conversion.counted: a repeat under
 *                        counting "one" is not counted)
 * @param conversionRate  macro conversions ÷ visits, a fraction (0.026 is 2.6%); 0 when there is no visit
 * @param revenue         value of those conversions, summed as recorded (no currency conversion)
 * @param convertedVisits visits of the period that led to a counted macro conversion of the period
 */
public record Kpis(long touchpoints, long conversions, double conversionRate, double revenue, long convertedVisits) {

    /** A rate from its parts: part ÷ visits, 0 without visits. */
    public static double rate(long part, long visits) {
        return visits == 0 ? 0 : (double) part / visits;
    }

    /** Converted visits ÷ visits, a fraction in [0, 1]; 0 when there is no visit. */
    public double visitConversionRate() {
        return rate(convertedVisits, touchpoints);
    }
}
