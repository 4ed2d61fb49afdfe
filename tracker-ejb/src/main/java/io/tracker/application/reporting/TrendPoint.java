package io.tracker.application.reporting;

import java.time.LocalDate;

/**
 * One bucket of a trend.
 *
 * @param start       the bucket's first day (tenant's time zone); the period's first bucket may start before it
 * @param visits      visits (touchpoints) on the bucket's days within the period
 * @param conversions counted macro conversions on those days
 * @param revenue     their value (net of the conversion ledger), in the tenant's currency, cents
 * @param cost        the imported ad cost of those days, cents; null when the whole period has none
 */
public record TrendPoint(LocalDate start, long visits, long conversions, double revenue, Double cost) {
}
