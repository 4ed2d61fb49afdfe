package io.tracker.application.reporting;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conversion with the credit one model gave one channel (and campaign) for it: a row of a drill-down.
 *
 * @param conversionId the conversion's id (its journey: {@code GET /api/v1/conversions/{id}/attribution})
 * @param actionKey    its conversion action's key
 * @param actionName   that action's name
 * @param occurredAt   when it happened
 * @param value        its value (net of the ledger), in the tenant's currency
 * @param credit       the share of it the model gave the selection, 0..1
 * @param revenue      that share of its value
 */
public record CreditedConversion(long conversionId, String actionKey, String actionName, Instant occurredAt,
                                 BigDecimal value, double credit, BigDecimal revenue) implements Serializable {
}
