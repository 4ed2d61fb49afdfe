package io.tracker.application.tracking;

import java.time.Instant;

/** A validated touchpoint, ready to store; its channel is resolved. */
public record TrackedTouchpoint(String eventId, String visitorId, Instant occurredAt, String channel, String campaign,
                                String utmSource, String utmMedium, String utmCampaign, String utmTerm,
                                String utmContent, String url, String referrer,
                                String gclid, String fbclid, String msclkid) implements TrackedEvent {
}
