package io.tracker.application.recovery.sms;

import java.util.Objects;

/**
 * What the platform answered to one text.
 *
 * @param outcome           ACCEPTED, RETRY or FAILED
 * @param httpStatus        the answer's HTTP status, or null when no answer came
 * @param providerMessageId the platform's id of the message (Twilio's {@code sid}, the webhook answer's {@code id}),
 *                          or null
 * @param error             null when accepted; else a short text, cut to {@value #MAX_ERROR} characters here
 */
public record SendResult(Outcome outcome, Integer httpStatus, String providerMessageId, String error) {

    /** The longest error text kept. */
    public static final int MAX_ERROR = 500;

    public enum Outcome {
        /** The platform took the text. */
        ACCEPTED,
        /** May succeed later: timeouts, connection errors, HTTP 408, 425, 429, 5xx. */
        RETRY,
        /** Will not succeed as it is: other 4xx, a permanent Twilio error code, a redirect. */
        FAILED
    }

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR - 1) + "…";
        }
    }

    static SendResult accepted(int status, String providerMessageId) {
        return new SendResult(Outcome.ACCEPTED, status, providerMessageId, null);
    }
}
