package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conversion as attribution sees it.
 *
 * @param conversionId the stored conversion's id (identity only; orders nothing unless two
 *                     conversions share instant and event id, which stored ones never do)
 * @param actionId     its conversion action, whose {@link JourneyRules} apply
 * @param at           when it happened (UTC instant)
 * @param value        its value in its own currency
 * @param eventId      the event id it was stored under: orders conversions at the same instant and
 *                     tells its own touch ({@link JourneyBuilder})
 */
public record ConversionPoint(long conversionId, long actionId, Instant at, BigDecimal value, String eventId) {

    /** A conversion without an event id ({@code ""}). */
    public ConversionPoint(long conversionId, long actionId, Instant at, BigDecimal value) {
        this(conversionId, actionId, at, value, "");
    }
}
