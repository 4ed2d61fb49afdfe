package io.tracker.application.reporting;

/**
 * Headline numbers of a period.
 *
 * @param touchpoints    touchpoints (visits from any channel) in the period
 * @param conversions    macro conversions in the period
 * @param conversionRate conversions per touchpoint, as Google Analytics' e-commerce conversion
 *                       rate is transactions per session; 0 when there is no touchpoint
 * @param revenue        value of those conversions, summed as recorded (no currency conversion)
 */
public record Kpis(long touchpoints, long conversions, double conversionRate, double revenue) {
}
