package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conversion as attribution sees it.
 *
 * @param conversionId the stored conversion's id
 * @param actionId     its conversion action; journeys restart per action (see {@link JourneyBuilder})
 * @param at           when it happened (UTC instant)
 * @param value        its value in its own currency
 */
public record ConversionPoint(long conversionId, long actionId, Instant at, BigDecimal value) {
}
