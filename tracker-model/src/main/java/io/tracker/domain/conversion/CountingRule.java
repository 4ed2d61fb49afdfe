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
     * What makes two conversions of this action the same one at ingestion, whatever the counting:
     * the order id ({@code order:<id>}), so a reloaded thank-you page counts once; null when the
     * conversion has none. The visitor is deliberately not part of it: counting {@code ONE} is
     * "one per ad interaction", decided by attribution per journey (a not-counted repeat is kept with
     * {@code conversion.counted = false}), not "one per visitor forever" at ingestion. Repeated event
     * ids are dropped before this ({@code event_receipt}).
     *
     * @param visitorId the converting visitor; not used (kept so callers need not change)
     * @param orderId   the order id, null when none
     */
    public String dedupeKey(String visitorId, String orderId) {
        return orderId == null ? null : "order:" + orderId;
    }
}
