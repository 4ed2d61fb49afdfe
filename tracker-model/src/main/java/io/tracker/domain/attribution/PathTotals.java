package io.tracker.domain.attribution;

import java.math.BigDecimal;

/**
 * What a set of paths adds up to.
 *
 * @param conversions all converting journeys
 * @param revenue     their total conversion value, in the data's currency
 * @param nulls       all journeys that did not convert
 */
public record PathTotals(long conversions, BigDecimal revenue, long nulls) {
}
