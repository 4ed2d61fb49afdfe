package io.tracker.application.reporting;

/**
 * Figures of a period beside the headline ones ({@link Kpis}).
 *
 * @param microConversions counted conversions of the tenant's micro conversion actions (add to cart, sign-up …)
 * @param calls            calls received on the tenant's tracking numbers, whatever their status
 */
public record Activity(long microConversions, long calls) {
}
