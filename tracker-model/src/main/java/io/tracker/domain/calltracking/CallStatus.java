package io.tracker.domain.calltracking;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.util.Locale;

/** How a call ended: answered, missed (no answer, busy, failed, cancelled) or left on voicemail. */
public enum CallStatus {
    ANSWERED,
    MISSED,
    VOICEMAIL;

    /**
     * Reads Tracker's own values ({@code answered}, {@code missed}, {@code voicemail}) and Twilio's
     * {@code CallStatus} values: {@code completed} is answered (Twilio reports a call that was picked up and
     * ended as completed), {@code busy}, {@code no-answer}, {@code failed} and {@code canceled} are missed.
     *
     * @throws InvalidInputException for any other value
     */
    public static CallStatus parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("status is required: answered, missed or voicemail");
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "answered", "completed" -> ANSWERED;
            case "missed", "busy", "no-answer", "failed", "canceled" -> MISSED;
            case "voicemail" -> VOICEMAIL;
            default -> throw new InvalidInputException("status " + Text.echo(value) + " is not a call status: "
                    + "answered, missed or voicemail (or Twilio's completed, busy, no-answer, failed, canceled)");
        };
    }
}
