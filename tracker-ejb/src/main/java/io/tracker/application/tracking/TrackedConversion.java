package io.tracker.application.tracking;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A validated conversion, ready to store.
 *
 * @param dedupeKey what makes two conversions of the action the same one ({@code order:<id>}), or null
 *                  when nothing does (see {@code CountingRule#dedupeKey})
 */
public record TrackedConversion(String eventId, String visitorId, Instant occurredAt, long actionId,
                                BigDecimal value, String currency, String orderId, String dedupeKey)
        implements TrackedEvent {
}
