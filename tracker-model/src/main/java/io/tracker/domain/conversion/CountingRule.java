package io.tracker.domain.conversion;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * What ingestion needs to know of a conversion action: its id and key, its default value, how its
 * conversions are counted, whether it records anything ({@code status}), what records it
 * ({@code trigger}) and where its value and currency come from. A value object, so that validation and
 * imports do not hold entities.
 *
 * @param valueSource EVENT: the event's value, else {@code defaultValue}; FIXED: always {@code defaultValue}
 * @param currency    the action's currency, or null for the tenant's
 */
public record CountingRule(long actionId, String key, BigDecimal defaultValue, CountingMode counting,
                           ActionStatus status, ActionTrigger trigger, ValueSource valueSource, Currency currency) {

    public CountingRule {
        Objects.requireNonNull(key);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(counting);
        Objects.requireNonNull(status);
        Objects.requireNonNull(trigger);
        Objects.requireNonNull(valueSource);
    }

    /** An active action triggered by events named like its key, valued from the event, in the tenant's currency. */
    public CountingRule(long actionId, String key, BigDecimal defaultValue, CountingMode counting) {
        this(actionId, key, defaultValue, counting, ActionStatus.ACTIVE, ActionTrigger.byKey(), ValueSource.EVENT, null);
    }

    /** False for a paused action: it records nothing new. */
    public boolean records() {
        return status == ActionStatus.ACTIVE;
    }

    /** The conversion's value: FIXED the default; EVENT the event's value, else the default. */
    public BigDecimal valueOf(BigDecimal eventValue) {
        return valueSource == ValueSource.EVENT && eventValue != null ? eventValue : defaultValue;
    }

    /** The currency conversions of this action are in: the action's, else the tenant's. */
    public Currency currencyOr(Currency tenantCurrency) {
        return currency != null ? currency : tenantCurrency;
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
