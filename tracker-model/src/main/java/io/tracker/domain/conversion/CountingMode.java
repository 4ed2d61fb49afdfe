package io.tracker.domain.conversion;

/**
 * How often one visitor's conversions of an action count, as in Google Ads' "count" setting:
 * {@code EVERY} counts each one (purchases; a repeated order id still counts once), {@code ONE}
 * counts only the visitor's first (leads, signups).
 */
public enum CountingMode {
    EVERY,
    ONE
}
