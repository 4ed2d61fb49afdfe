package io.tracker.application.conversion.ledger;

import io.tracker.domain.conversion.ledger.AdjustmentKind;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One ledger row: what an adjustment did to a conversion. Amounts in the conversion's currency; instants in UTC.
 *
 * @param actionKey    the conversion action's key (null if the action was deleted since)
 * @param conversionId the conversion's id (gone for a retraction)
 * @param convertedAt  when the conversion happened (the period a report counts it in)
 * @param adjustedAt   when the change happened, as its sender said
 * @param valueBefore  the conversion's value before
 * @param valueAfter   its value after (0 for a retraction)
 * @param source       {@code API}, {@code CSV} or {@code SEGMENT}
 * @param receivedAt   when Tracker stored it
 */
public record LedgerEntry(long id, AdjustmentKind kind, String orderId, String actionKey, long conversionId,
                          Instant convertedAt, Instant adjustedAt, BigDecimal valueBefore, BigDecimal valueAfter,
                          String currency, String source, Instant receivedAt) {
}
