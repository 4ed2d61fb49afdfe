package io.tracker.application.tracking.collection;

/**
 * A trigger conversion's {@link CheckoutDetails} validated, as the collector stores them in
 * {@code recovery_checkout} beside the conversion (same event id).
 *
 * @param restoreUrl absolute http(s) URL, or null when none (or an unusable one) was given
 * @param phoneHash  lowercase hex SHA-256 of the E.164 number, or null
 * @param phoneE164  the E.164 number, kept only with SMS consent (needed to send), else null
 * @param smsConsent the shopper agreed to texts
 * @param timeZone   a valid IANA zone id, or null
 */
record RecoveryCheckout(String restoreUrl, String phoneHash, String phoneE164, boolean smsConsent, String timeZone) {
}
