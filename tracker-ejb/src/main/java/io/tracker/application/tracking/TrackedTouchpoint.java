package io.tracker.application.tracking;

import io.tracker.domain.tracking.Interaction;
import java.time.Instant;

/**
 * A validated touchpoint, ready to store; its channel is resolved.
 *
 * @param gbraid      Google Ads' click id of app-to-web clicks on iOS, from the landing URL's query, or null
 * @param wbraid      Google Ads' click id of web-to-app measurement, from the landing URL's query, or null
 * @param interaction a click (any visit, the default) or an ad impression, which attribution counts only
 *                    within the conversion action's view-through window
 */
public record TrackedTouchpoint(String eventId, String visitorId, Instant occurredAt, String channel, String campaign,
                                String utmSource, String utmMedium, String utmCampaign, String utmTerm,
                                String utmContent, String url, String referrer,
                                String gclid, String gbraid, String wbraid, String fbclid, String msclkid,
                                Interaction interaction)
        implements TrackedEvent {
}
