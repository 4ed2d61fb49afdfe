package io.tracker.application.recovery.sms;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One text to send.
 *
 * <p>The constructor refuses what no platform could send or the caller must never get wrong: a {@code messageKey}
 * that is not a UUID (it is the idempotency key, the same on every retry of this text), a {@code to} that is not
 * E.164 ({@code +} and 2 to 15 digits, no leading zero), a {@code body} that does not contain its {@code link}, a
 * {@code step} outside 1..3. {@link #toString()} shows the number's last two digits only, so a log line carries no
 * phone number and no message text.
 *
 * @param messageKey        idempotency key, a UUID string, the same on every retry
 * @param to                the shopper's number, E.164
 * @param body              the final text, including the link
 * @param link              the tracked link in the body
 * @param flowId            the recovery flow's id
 * @param flowName          the recovery flow's name
 * @param cartId            the abandoned cart's id
 * @param step              which text of the flow, 1..3
 * @param statusCallbackUrl where the platform reports delivery, or null
 */
public record OutgoingText(String messageKey, String to, String body, String link, long flowId, String flowName,
                           long cartId, int step, String statusCallbackUrl) {

    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public OutgoingText {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(flowName, "flowName");
        if (!UUID.matcher(messageKey).matches()) {
            throw new IllegalArgumentException("messageKey is not a UUID: " + messageKey);
        }
        if (!E164.matcher(to).matches()) {
            throw new IllegalArgumentException("to is not an E.164 number");
        }
        if (link.isBlank() || !body.contains(link)) {
            throw new IllegalArgumentException("the body does not contain the link");
        }
        if (step < 1 || step > 3) {
            throw new IllegalArgumentException("step " + step + " is not 1, 2 or 3");
        }
    }

    @Override
    public String toString() {
        return "OutgoingText[messageKey=" + messageKey + ", to=…" + to.substring(to.length() - 2) + ", flowId=" + flowId
                + ", cartId=" + cartId + ", step=" + step + "]";
    }
}
