package io.tracker.application.recovery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A recovery flow as the API shows it. Secrets are never shown again after creation: {@code webhookSecret} is set
 * only in the answer to the request that generated it.
 *
 * @param sender   {@code webhook} or {@code twilio}
 * @param hookPath where the SMS platform posts replies (STOP) and delivery reports, relative to Tracker's origin:
 *                 {@code /api/v1/recovery/hooks/<hook key>}
 * @param campaign the campaign its texts' links belong to (channel SMS)
 */
public record RecoveryFlow(long id, String name, String triggerAction, String purchaseAction, int waitMinutes,
                           BigDecimal minValue, QuietHoursView quietHours, List<Step> steps, String sender,
                           String webhookUrl, String webhookSecret, boolean webhookSecretSet, TwilioView twilio,
                           int controlPercent, BigDecimal costPerMessage, int recoveryWindowDays, int resendAfterDays,
                           boolean enabled, String campaign, String hookPath, Instant createdAt, Instant updatedAt) {

    /** Quiet hours, {@code HH:mm}. */
    public record QuietHoursView(String from, String to) {
    }

    /** One step. */
    public record Step(int afterMinutes, String message) {
    }

    /** Twilio settings without the auth token. */
    public record TwilioView(String accountSid, String from, String baseUrl, boolean authTokenSet) {
    }

    RecoveryFlow withSecret(String secret) {
        return new RecoveryFlow(id, name, triggerAction, purchaseAction, waitMinutes, minValue, quietHours, steps, sender,
                webhookUrl, secret, webhookSecretSet, twilio, controlPercent, costPerMessage, recoveryWindowDays,
                resendAfterDays, enabled, campaign, hookPath, createdAt, updatedAt);
    }
}
