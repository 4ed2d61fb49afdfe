package io.tracker.application.recovery;

import io.tracker.application.recovery.sms.OutgoingText;

/**
 * A text claimed and ready to send: its attempt number, what goes out, and how (the flow's sender settings, kept
 * only for this attempt).
 *
 * @param attempt 1 for the first attempt
 * @param sender  {@code WEBHOOK} or {@code TWILIO}
 */
record DueText(long messageId, int attempt, String messageKey, String to, String body, String link, long flowId,
               String flowName, long cartId, int step, String hookUrl, String sender, String webhookUrl,
               String webhookSecret, String twilioAccountSid, String twilioAuthToken, String twilioFrom,
               String twilioBaseUrl) {

    OutgoingText outgoing() {
        return new OutgoingText(messageKey, to, body, link, flowId, flowName, cartId, step, hookUrl);
    }

    @Override
    public String toString() {
        return "DueText[message " + messageId + ", attempt " + attempt + ", cart " + cartId + ", step " + step + "]";
    }
}
