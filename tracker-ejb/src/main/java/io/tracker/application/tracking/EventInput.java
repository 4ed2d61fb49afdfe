package io.tracker.application.tracking;

import io.tracker.application.tracking.collection.CheckoutDetails;
import java.math.BigDecimal;

/**
 * One event as a client sent it, before validation; every field may be null. Field names follow
 * the events API ({@code POST /api/v1/events}).
 *
 * @param eventId     unique per tenant; a repeat is a duplicate
 * @param type        {@code touchpoint} or {@code conversion}
 * @param timestamp   ISO-8601 with an offset or {@code Z}, such as {@code 2026-11-02T14:03:00+01:00}
 * @param value       conversion value in {@code currency}; the action's default when absent
 * @param currency    ISO 4217 code; the tenant's reporting currency when absent
 * @param interaction a touchpoint's {@code click} (when absent) or {@code impression}
 * @param checkout    a conversion's cart details for SMS cart recovery ({@code restore_url}, {@code phone},
 *                    {@code sms_consent}, {@code time_zone}); null when none
 */
public record EventInput(String eventId, String type, String timestamp, String visitorId,
                         String channel, String campaign,
                         String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
                         String url, String referrer, String gclid, String fbclid, String msclkid,
                         String action, BigDecimal value, String currency, String orderId, String interaction,
                         CheckoutDetails checkout) {

    /** An event without cart details. */
    public EventInput(String eventId, String type, String timestamp, String visitorId,
                      String channel, String campaign,
                      String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
                      String url, String referrer, String gclid, String fbclid, String msclkid,
                      String action, BigDecimal value, String currency, String orderId, String interaction) {
        this(eventId, type, timestamp, visitorId, channel, campaign, utmSource, utmMedium, utmCampaign, utmTerm,
                utmContent, url, referrer, gclid, fbclid, msclkid, action, value, currency, orderId, interaction, null);
    }

    /** An event without {@code interaction}: a conversion, or a touchpoint that is a click. */
    public EventInput(String eventId, String type, String timestamp, String visitorId,
                      String channel, String campaign,
                      String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
                      String url, String referrer, String gclid, String fbclid, String msclkid,
                      String action, BigDecimal value, String currency, String orderId) {
        this(eventId, type, timestamp, visitorId, channel, campaign, utmSource, utmMedium, utmCampaign, utmTerm,
                utmContent, url, referrer, gclid, fbclid, msclkid, action, value, currency, orderId, null, null);
    }
}
