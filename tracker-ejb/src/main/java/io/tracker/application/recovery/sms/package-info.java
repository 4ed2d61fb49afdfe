/**
 * SMS cart recovery, the sending side: one text to a shopper who left a checkout ({@link
 * io.tracker.application.recovery.sms.OutgoingText}) goes to the tenant's SMS platform through a {@link
 * io.tracker.application.recovery.sms.SmsSender}: either the tenant's own platform, as a signed JSON webhook ({@link
 * io.tracker.application.recovery.sms.WebhookSmsSender}), or Twilio's Messages API ({@link
 * io.tracker.application.recovery.sms.TwilioSmsSender}). {@link io.tracker.application.recovery.sms.RetryPolicy}
 * says when a text that got no definite answer is tried again.
 *
 * <p>Invariants: a sender never throws for what a platform answered or failed to answer — every call ends in a
 * {@link io.tracker.application.recovery.sms.SendResult} (ACCEPTED, RETRY, FAILED) with the HTTP status when there
 * was one and a short error text (at most {@value io.tracker.application.recovery.sms.SendResult#MAX_ERROR}
 * characters) when not accepted; at most {@value io.tracker.application.recovery.sms.SmsHttp#MAX_ANSWER_BYTES}
 * bytes of an answer are read; no redirect is followed (a signed or authenticated request must not be re-sent to
 * another address); a text keeps its {@code messageKey} on every retry, so a platform that de-duplicates by
 * {@code Idempotency-Key} sends it once. Nothing here touches the database: the caller keeps the attempts and
 * their results, and runs the requests outside any transaction.
 */
package io.tracker.application.recovery.sms;
