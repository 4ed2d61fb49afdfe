package io.tracker.domain.conversion.export;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One conversion as it goes back to an ad platform: what the exports (files) and payloads (API requests)
 * are written from. Built by the application tier from a stored conversion, its journey's click ids and its
 * hashed identifiers ({@code conversion_identity}); nothing here is raw personal data.
 *
 * @param conversionId  Tracker's conversion id (the uploader keeps each row's result under it)
 * @param platformName  the conversion's name at the platform: Google's conversion action (a resource name
 *                      {@code customers/{id}/conversionActions/{id}} for the API, the name for files),
 *                      Microsoft's conversion goal name, Meta's event name ({@code Purchase})
 * @param convertedAt   the conversion's instant
 * @param value         its current (net) value, in {@code currency}; never negative
 * @param currency      ISO 4217 code
 * @param orderId       the order id, or null
 * @param eventId       the event id the browser pixel sent (Meta de-duplicates on it), or null
 * @param clicks        the click ids known for it (of its journey's ad click, or of the offline row)
 * @param clickedAt     when that click happened, or null when unknown (an offline row's click id without a
 *                      stored touchpoint)
 * @param identifiers   its hashed first-party identifiers
 * @param adUserData    Google's {@code ad_user_data} consent: GRANTED, DENIED, or null when not said
 * @param actionSource  where it happened, as Meta names it: {@code website}, {@code physical_store},
 *                      {@code phone_call}, {@code system_generated}
 */
public record OutgoingConversion(long conversionId, String platformName, Instant convertedAt, BigDecimal value,
                                 String currency, String orderId, String eventId, Clicks clicks, Instant clickedAt,
                                 HashedIdentifiers identifiers, String adUserData, String actionSource) {

    /** Click ids of the platforms; any may be null. */
    public record Clicks(String gclid, String gbraid, String wbraid, String fbclid, String msclkid) {

        public static final Clicks NONE = new Clicks(null, null, null, null, null);
    }
}
