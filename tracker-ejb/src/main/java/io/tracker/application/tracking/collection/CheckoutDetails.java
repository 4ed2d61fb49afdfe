package io.tracker.application.tracking.collection;

/**
 * What a checkout (the trigger of an SMS cart recovery flow, such as {@code checkout_started}) says about its
 * cart besides value and currency, as a way in received it, not yet validated: the tag's {@code restore_url},
 * {@code phone}, {@code sms_consent} and {@code tz}; the events API's fields of the same names; Segment's
 * {@code Checkout Started} properties and {@code context.timezone}.
 *
 * @param restoreUrl the absolute http(s) URL that reopens the shopper's pre-filled cart, at most 2,048 characters
 * @param phone      the shopper's phone number as written (E.164, or national in the tenant's phone region)
 * @param smsConsent true only when the shopper agreed to receive texts; without it the number is not kept, only
 *                   its hash (the person key {@code tel:<sha-256 of E.164>})
 * @param timeZone   the shopper's IANA time zone ({@code Europe/Paris}) for quiet hours; null: the tenant's
 */
public record CheckoutDetails(String restoreUrl, String phone, boolean smsConsent, String timeZone) {

    /** Whether anything was given at all. */
    public boolean any() {
        return restoreUrl != null || phone != null || smsConsent || timeZone != null;
    }
}
