package io.tracker.application.reporting;

/**
 * One line of an attribution report.
 *
 * @param key         the dimension's value (a channel or a campaign name; {@code ""} is "no campaign")
 * @param conversions credited conversions (fractional under multi-touch models)
 * @param revenue     credited conversion value, summed as recorded (no currency conversion)
 */
public record AttributionRow(String key, double conversions, double revenue) {
}
