package io.tracker.application.recovery;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * A cart as {@code GET /api/v1/recovery/carts} shows it.
 *
 * @param status      {@code purchased} (bought within the wait: never abandoned), {@code abandoned} (not texted, see
 *                    {@code eligibility} and {@code arm}), {@code texted}, {@code recovered}
 * @param eligibility null for a purchased cart; else {@code ELIGIBLE} or why not ({@code NO_CONSENT}, {@code NO_PHONE},
 *                    {@code BELOW_MIN_VALUE}, {@code SUPPRESSED}, {@code RECENTLY_TEXTED})
 * @param arm         {@code text} or {@code control} for an eligible cart, else null
 * @param firstDueAt  when its first text is (or, in the control arm, would have been) due, quiet hours applied
 * @param texts       its texts, by step
 */
public record RecoveryCart(long id, long flowId, String flow, String visitorId, Instant triggeredAt, Instant abandonedAt,
                           BigDecimal value, String currency, String status, String eligibility, String arm,
                           Instant firstDueAt, Instant textedAt, Instant clickedAt, Instant recoveredAt,
                           BigDecimal recoveredValue, List<Text> texts) {

    /**
     * One text.
     *
     * @param status    scheduled, sent, delivered, failed, cancelled, missed
     * @param reason    why it was cancelled, missed or failed (the platform's last error), or null
     * @param messageId the idempotency key the platform saw ({@code message_id})
     */
    public record Text(int step, String status, Instant dueAt, Instant sentAt, Instant deliveredAt, int attempts,
                       String reason, String messageId) {
    }

    static String status(String state, Timestamp textedAt, Timestamp recoveredAt) {
        if ("PURCHASED".equals(state)) {
            return "purchased";
        }
        if (recoveredAt != null) {
            return "recovered";
        }
        return textedAt != null ? "texted" : "abandoned";
    }
}
