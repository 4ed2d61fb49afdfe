package io.tracker.application.recovery.sms;

/**
 * Sends one text through a tenant's SMS platform.
 *
 * <p>Implementations never throw for the platform's answer or for the lack of one (timeouts, refused connections):
 * that is a {@link SendResult}. They block for at most their request timeout, so call them outside a transaction.
 */
public interface SmsSender {

    SendResult send(OutgoingText text);
}
