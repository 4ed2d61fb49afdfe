package io.tracker.application.tracking;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated conversion, ready to store.
 *
 * @param dedupeKey what makes two conversions the same one ({@code order:<id>} or
 *                  {@code visitor:<id>}), or null when nothing does
 */
public record TrackedConversion(String eventId, String visitorId, Instant occurredAt, long actionId,
                                BigDecimal value, String currency, String orderId, String dedupeKey)
        implements TrackedEvent {
}
