package io.tracker.application.recovery;

import java.math.BigDecimal;
import java.util.List;

/**
 * A recovery flow as a client writes it ({@code POST}/{@code PUT /api/v1/recovery-flows}); every field may be null
 * and is checked by {@link RecoveryFlowService}.
 *
 * @param name               1 to 200 characters, unique among the tenant's flows
 * @param triggerAction      the key of the micro conversion that starts a cart ({@code checkout_started})
 * @param purchaseAction     the key of the conversion that ends it; null: the tenant's default action
 * @param waitMinutes        1 to 10,080: minutes after the trigger without a purchase before the cart is abandoned
 * @param minValue           carts worth less (in the cart's currency) are not texted; null: 0
 * @param quietFrom          {@code HH:mm} in the shopper's zone (else the tenant's); with {@code quietTo}, or neither
 * @param quietTo            {@code HH:mm}; a text due in the quiet hours goes out at this time
 * @param steps              1 to 3 texts, minutes after the trigger, ascending, the first at least the wait
 * @param webhookUrl         the tenant's SMS platform (http or https); or {@code twilio}
 * @param webhookSecret      at least 16 characters; null on creation: generated and shown once; on update: kept
 * @param twilio             Twilio's Messages API instead of a webhook
 * @param controlPercent     0 to 100: the share of eligible carts kept as a control group (never texted)
 * @param costPerMessage     what one text costs, in the tenant's currency; null: 0
 * @param recoveryWindowDays 1 to 60 (null: 7): a purchase within this many days of a text recovers the cart
 * @param resendAfterDays    0 to 365 (null: 7): a number texted within this many days is not texted again
 * @param enabled            null: true
 */
public record FlowChange(String name, String triggerAction, String purchaseAction, Integer waitMinutes,
                         BigDecimal minValue, String quietFrom, String quietTo, List<StepChange> steps,
                         String webhookUrl, String webhookSecret, TwilioChange twilio, Integer controlPercent,
                         BigDecimal costPerMessage, Integer recoveryWindowDays, Integer resendAfterDays,
                         Boolean enabled) {

    /** One step: {@code message} must hold {@code {link}} once. */
    public record StepChange(Integer afterMinutes, String message) {
    }

    /**
     * Twilio credentials: {@code accountSid} (AC + 32 hex), {@code authToken} (null on update: kept), {@code from}
     * (an E.164 number or a Messaging Service SID, MG…), {@code baseUrl} (null: https://api.twilio.com).
     */
    public record TwilioChange(String accountSid, String authToken, String from, String baseUrl) {
    }
}
