package io.tracker.application.tracking.collection;

import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Interaction;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A validated hit and the rows it makes, all resolved: at most one touchpoint ({@code touchpoint}),
 * one conversion ({@code actionId} not null), one custom event ({@code customEventName} not null) and
 * its identity links ({@code personKeys}). {@code orderName} not null: the hit claims
 * (orderName, orderId) for the browser/server check. {@code linkId} not null: the touchpoint is a tracked
 * link's click, also stored in {@code link_click} under its {@code trk} click id.
 * {@code campaign} is the touchpoint's campaign
 * column: its {@code utm_campaign} unless the sender named a campaign of its own (the events API).
 * {@code note} not null: what the stored hit's outcome tells the sender (a paused action's conversion not
 * recorded). {@code interaction} is the touchpoint's kind: {@code IMPRESSION} only for an ad impression sent
 * through the events API, {@code CLICK} for every other hit. {@code checkout} not null: a conversion's cart
 * details for SMS cart recovery, stored in {@code recovery_checkout} with the conversion.
 */
record ValidHit(WayIn wayIn, HitType type, String eventId, Instant occurredAt, String visitorId, String sessionId,
                boolean touchpoint, String channel, String campaign, Utm utm, ClickIds clickIds, String url, String referrer,
                Long actionId, BigDecimal value, String currency, String orderId, String dedupeKey,
                String customEventName, String propertiesJson, List<String> personKeys, String orderName,
                Long linkId, String note, Interaction interaction, RecoveryCheckout checkout) {

    ValidHit(WayIn wayIn, HitType type, String eventId, Instant occurredAt, String visitorId, String sessionId,
             boolean touchpoint, String channel, String campaign, Utm utm, ClickIds clickIds, String url, String referrer,
             Long actionId, BigDecimal value, String currency, String orderId, String dedupeKey,
             String customEventName, String propertiesJson, List<String> personKeys, String orderName,
             Long linkId, String note, Interaction interaction) {
        this(wayIn, type, eventId, occurredAt, visitorId, sessionId, touchpoint, channel, campaign, utm, clickIds, url,
                referrer, actionId, value, currency, orderId, dedupeKey, customEventName, propertiesJson, personKeys,
                orderName, linkId, note, interaction, null);
    }

    boolean conversion() {
        return actionId != null;
    }

    /** Rough size in the heap, for the queue's memory bound: 2 bytes a character plus the objects. */
    long estimatedBytes() {
        long chars = length(eventId) + length(visitorId) + length(sessionId) + length(url) + length(referrer)
                + length(channel) + length(campaign) + length(orderId) + length(dedupeKey) + length(customEventName)
                + length(propertiesJson) + length(orderName);
        if (checkout != null) {
            chars += length(checkout.restoreUrl()) + 64 + 16 + length(checkout.timeZone());
        }
        if (utm != null) {
            chars += length(utm.source()) + length(utm.medium()) + length(utm.campaign()) + length(utm.term())
                    + length(utm.content());
        }
        if (clickIds != null) {
            chars += length(clickIds.gclid()) + length(clickIds.gbraid()) + length(clickIds.wbraid())
                    + length(clickIds.fbclid()) + length(clickIds.msclkid()) + length(clickIds.ttclid())
                    + length(clickIds.liFatId()) + length(clickIds.trk());
        }
        for (String key : personKeys) {
            chars += key.length();
        }
        return 2 * chars + 600;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
