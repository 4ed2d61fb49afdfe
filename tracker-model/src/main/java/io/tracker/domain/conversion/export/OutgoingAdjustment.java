package io.tracker.domain.conversion.export;

import java.math.BigDecimal;
import java.time.Instant;

/** SCRATCH STUB (reverted before merging branch export). */
public record OutgoingAdjustment(long adjustmentId, String platformName, String kind, String orderId, String gclid,
                                 Instant convertedAt, Instant adjustedAt, BigDecimal value, String currency) {
}
