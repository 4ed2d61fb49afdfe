package io.tracker.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One purchase as Tracker recorded it, with, per platform, the visitor's last touchpoint before it that carries the
 * platform's click id (whether inside the platform's window or not: {@link AccuracyAuditor} applies the window).
 *
 * @param id         the conversion's id
 * @param orderId    the order id the tag sent, or null
 * @param value      in {@code currency}
 * @param lastClicks the last click per platform, absent when the visitor has none before the purchase
 */
public record TrackerPurchase(long id, String visitorId, Instant occurredAt, BigDecimal value, String currency,
                              String orderId, Map<AdPlatform, Click> lastClicks) {

    /** A touchpoint carrying a platform's click id: its campaign ("" when it has none) and time. */
    public record Click(String campaign, Instant at) {
    }
}
