package io.tracker.application.calltracking;

/**
 * A call as the telephony provider reports it, as received (checked by {@link CallService#record}).
 *
 * @param calledNumber    the number dialled (a tracking number, or the business's own), any common format
 * @param callerNumber    the caller's number, or null / unreadable when withheld
 * @param startedAt       ISO-8601 instant with offset, or seconds since the epoch; null means now (Twilio's
 *                        status callback sends no start time, only its RFC 2822 {@code Timestamp} of the event)
 * @param durationSeconds 0 to 86,400
 * @param status          answered, missed, voicemail (or Twilio's completed, busy, no-answer, failed, canceled)
 * @param providerCallId  the provider's id of the call (Twilio's {@code CallSid}): a call is stored once
 * @param recordingUrl    optional http(s) URL of the recording
 */
public record CallReport(String calledNumber, String callerNumber, String startedAt, Integer durationSeconds,
                         String status, String providerCallId, String recordingUrl) {
}
