package io.tracker.domain.conversion.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One valid adjustment of a conversion, as received: which conversion (the order id within a conversion
 * action), what changes ({@link Change}), in which currency the sender thinks the value is (null: not said;
 * when said it must be the conversion's, checked where the conversion is known), and when the change happened
 * ({@code adjustedAt}, an instant; kept to the microsecond, as PostgreSQL stores it).
 *
 * <p>What this record does not know is checked where the conversion is found: an adjustment may not be dated
 * before its conversion, and a currency given must be the conversion's.
 *
 * @param orderId   the order id as the conversion was recorded with it: trimmed, 1 to {@value #MAX_ORDER_ID} characters
 * @param actionKey the conversion action's key
 * @param currency  ISO 4217 code in upper case, or null
 */
public record Adjustment(String orderId, String actionKey, Change change, String currency, Instant adjustedAt) {

    /** Longest order id (the event API's limit for ids). */
    public static final int MAX_ORDER_ID = 200;

    public Adjustment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(actionKey, "actionKey");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(adjustedAt, "adjustedAt");
        if (orderId.isBlank() || orderId.length() > MAX_ORDER_ID || !orderId.equals(orderId.strip())) {
            throw new IllegalArgumentException("an order id is 1 to " + MAX_ORDER_ID + " characters, trimmed");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is three upper-case letters");
        }
        adjustedAt = adjustedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * What makes two adjustments the same one (the ledger's {@code dedupe_key}, unique per tenant): the action,
     * the time, what was asked for and the order id. Sent again (a re-uploaded file, a retried request, a
     * Segment message delivered twice) it matches the stored one and changes nothing.
     *
     * @param actionId the id of the action {@link #actionKey()} names
     */
    public String dedupeKey(long actionId) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, adjustedAt);
        // the order id last: it may hold the separator
        return actionId + ":" + micros + ":" + change.key() + ":" + orderId;
    }
}
