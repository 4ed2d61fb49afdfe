package io.tracker.application.tracking;

import io.tracker.application.tracking.collection.CheckoutDetails;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated conversion, ready to store.
 *
 * @param dedupeKey what makes two conversions of the action the same one ({@code order:<id>}), or null
 *                  when nothing does (see {@code CountingRule#dedupeKey})
 * @param checkout  cart details for SMS cart recovery, unchecked (the collector reads them), or null
 */
public record TrackedConversion(String eventId, String visitorId, Instant occurredAt, long actionId,
                                BigDecimal value, String currency, String orderId, String dedupeKey,
                                CheckoutDetails checkout)
        implements TrackedEvent {

    /** A conversion without cart details (imports, the demo). */
    public TrackedConversion(String eventId, String visitorId, Instant occurredAt, long actionId,
                             BigDecimal value, String currency, String orderId, String dedupeKey) {
        this(eventId, visitorId, occurredAt, actionId, value, currency, orderId, dedupeKey, null);
    }
}
