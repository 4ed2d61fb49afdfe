package io.tracker.application.calltracking;

import io.tracker.domain.calltracking.NumberKind;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A tracking number (table {@code tracking_number}); numbers in E.164.
 *
 * @param poolId      POOL and SOURCE numbers: their pool
 * @param campaignId  OFFLINE numbers: their campaign
 * @param utmSource   SOURCE numbers: the source whose visitors see them
 * @param monthlyCost in the tenant's currency
 * @param heldUntil   POOL numbers: the end of the latest hold (in the future: held now), or null
 */
public record TrackingNumber(long id, String number, String forwardsTo, NumberKind kind, Long poolId, Long campaignId,
                             String campaign, String utmSource, String utmMedium, String label, BigDecimal monthlyCost,
                             boolean active, Instant heldUntil, Instant createdAt) {
}
