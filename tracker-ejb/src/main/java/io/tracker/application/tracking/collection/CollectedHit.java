package io.tracker.application.tracking.collection;

import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One hit as a way in hands it to the {@link Collector}, already parsed from its wire format (query
 * string, beacon JSON, Segment message) but not validated: any field may be null or wrong, and the
 * collector says so per hit ({@link HitOutcome#rejected}). Query values must be percent-decoded once by
 * the endpoint; the collector reads UTM values and click ids missing here from {@code url}'s query itself.
 *
 * @param wayIn          how the hit came in; required
 * @param type           what it is; required
 * @param eventId        the sender's unique id of this hit (the tag's random id, Segment's {@code messageId});
 *                       a repeat is a {@link HitOutcome.Status#DUPLICATE}. Optional, but without one a hit
 *                       the sender retries after a failure may be stored twice
 * @param occurredAt     when it happened (instant); null: when it arrived. Not before 2000 nor more than a
 *                       day ahead
 * @param visitorId      first-party visitor id (cookie, Segment {@code anonymousId}); null: a cookieless hit
 *                       (no consent), stored without any identifier (the session id is then dropped too)
 * @param sessionId      the tag's session id (30 minutes of inactivity)
 * @param startsVisit    true: the hit starts a visit and records a touchpoint (the visit's landing page,
 *                       a tracked link's click)
 * @param url            the page URL (for a touchpoint the landing page, whose query gives UTM values and
 *                       click ids), at most 8192 characters
 * @param referrer       the page's referrer, at most 8192 characters
 * @param utm            UTM values; null or missing values are read from {@code url}
 * @param clickIds       click ids; null or missing ones are read from {@code url}
 * @param eventName      for {@link HitType#EVENT} the event's name (required; when it equals one of the
 *                       tenant's conversion action keys the event is also that conversion); optional for
 *                       {@link HitType#CONVERSION} (then it names the order for the browser/server check)
 * @param actionKey      for {@link HitType#CONVERSION} the conversion action's key; null: the tenant's
 *                       default action
 * @param value          conversion value in {@code currency}; null: the action's default value
 * @param currency       ISO 4217 code; null: the tenant's reporting currency (no other is accepted)
 * @param orderId        order id; counts once per conversion action, and the same (event name, order id)
 *                       within 48 hours is one event
 * @param userId         {@link HitType#IDENTIFY}: the tenant's own user id
 * @param emailSha256    {@link HitType#IDENTIFY}: hex SHA-256 of the trimmed, lower-case e-mail address
 * @param propertiesJson a custom event's properties: one JSON object as text, at most 16384 characters
 * @param userAgent      the browser's user agent (for Segment: {@code context.userAgent}); robots,
 *                       crawlers and link-preview fetchers are counted, not stored. Null: not checked
 *                       (a server call without the browser's)
 * @param prefetch       the request was a browser prefetch ({@code Sec-Purpose}/{@code Purpose: prefetch}):
 *                       counted as a bot, not stored
 * @param trackedLinkId  {@link HitType#CLICK} of a tracked link: the link's id in the tenant; with
 *                       {@code startsVisit} and a {@code trk} click id the click is also a {@code link_click}
 *                       row. Null otherwise
 * @param phone          {@link HitType#IDENTIFY}: the person's phone number as written (Segment's
 *                       {@code traits.phone}); read into E.164 with the tenant's region and hashed by the
 *                       validator (linked as {@code tel:<sha-256>}), never stored
 * @param sentEventName  the event name as the sender wrote it, when the way in renamed it (Segment's
 *                       {@code Order Completed}, {@code Product Added}): a conversion action triggered by
 *                       this name records the hit (before one triggered by {@code eventName}, or the
 *                       way in's {@code actionKey}). Null otherwise
 * @param checkout       a conversion's cart details for SMS cart recovery (restore URL, phone, SMS consent, time
 *                       zone); null for every other hit
 */
public record CollectedHit(WayIn wayIn, HitType type, String eventId, Instant occurredAt,
                           String visitorId, String sessionId, boolean startsVisit,
                           String url, String referrer, Utm utm, ClickIds clickIds,
                           String eventName, String actionKey, BigDecimal value, String currency, String orderId,
                           String userId, String emailSha256, String propertiesJson,
                           String userAgent, boolean prefetch, Long trackedLinkId, String sentEventName,
                           String phone, CheckoutDetails checkout) {

    /** A builder for a hit of this way in and type; everything else starts empty. */
    public static Builder builder(WayIn wayIn, HitType type) {
        return new Builder(wayIn, type);
    }

    /** Builds a {@link CollectedHit} field by field (the record has many optional fields). */
    public static final class Builder {
        private final WayIn wayIn;
        private final HitType type;
        private String eventId;
        private Instant occurredAt;
        private String visitorId;
        private String sessionId;
        private boolean startsVisit;
        private String url;
        private String referrer;
        private Utm utm;
        private ClickIds clickIds;
        private String eventName;
        private String actionKey;
        private BigDecimal value;
        private String currency;
        private String orderId;
        private String userId;
        private String emailSha256;
        private String phone;
        private String propertiesJson;
        private String userAgent;
        private boolean prefetch;
        private Long trackedLinkId;
        private String sentEventName;
        private CheckoutDetails checkout;

        private Builder(WayIn wayIn, HitType type) {
            this.wayIn = wayIn;
            this.type = type;
        }

        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder visitorId(String visitorId) {
            this.visitorId = visitorId;
            return this;
        }

        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        public Builder startsVisit(boolean startsVisit) {
            this.startsVisit = startsVisit;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder referrer(String referrer) {
            this.referrer = referrer;
            return this;
        }

        public Builder utm(Utm utm) {
            this.utm = utm;
            return this;
        }

        public Builder clickIds(ClickIds clickIds) {
            this.clickIds = clickIds;
            return this;
        }

        public Builder eventName(String eventName) {
            this.eventName = eventName;
            return this;
        }

        public Builder actionKey(String actionKey) {
            this.actionKey = actionKey;
            return this;
        }

        public Builder value(BigDecimal value) {
            this.value = value;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder emailSha256(String emailSha256) {
            this.emailSha256 = emailSha256;
            return this;
        }

        public Builder propertiesJson(String propertiesJson) {
            this.propertiesJson = propertiesJson;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder prefetch(boolean prefetch) {
            this.prefetch = prefetch;
            return this;
        }

        public Builder trackedLinkId(Long trackedLinkId) {
            this.trackedLinkId = trackedLinkId;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder sentEventName(String sentEventName) {
            this.sentEventName = sentEventName;
            return this;
        }

        public Builder checkout(CheckoutDetails checkout) {
            this.checkout = checkout == null || !checkout.any() ? null : checkout;
            return this;
        }

        public CollectedHit build() {
            return new CollectedHit(wayIn, type, eventId, occurredAt, visitorId, sessionId, startsVisit, url, referrer,
                    utm, clickIds, eventName, actionKey, value, currency, orderId, userId, emailSha256, propertiesJson,
                    userAgent, prefetch, trackedLinkId, sentEventName, phone, checkout);
        }
    }
}
