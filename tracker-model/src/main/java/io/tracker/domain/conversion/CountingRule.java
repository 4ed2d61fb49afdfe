package io.tracker.domain.conversion;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What ingestion needs to know of a conversion action: its id, its default value and how its
 * conversions are counted. A value object, so that validation and imports do not hold entities.
 */
public record CountingRule(long actionId, String key, BigDecimal defaultValue, CountingMode counting) {

    public CountingRule {
        Objects.requireNonNull(key);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(counting);
    }

    /**
     * What makes two conversions of this action the same one: for a count-one action the visitor
     * ({@code visitor:<id>}), for a count-every action the order id ({@code order:<id>}), so a
     * reloaded thank-you page counts once; null when nothing does.
     */
    public String dedupeKey(String visitorId, String orderId) {
        if (counting == CountingMode.ONE) {
            return "visitor:" + visitorId;
        }
        return orderId == null ? null : "order:" + orderId;
    }
}
