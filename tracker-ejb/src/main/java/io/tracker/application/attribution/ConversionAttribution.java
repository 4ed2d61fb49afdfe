package io.tracker.application.attribution;

import io.tracker.domain.attribution.JourneyTouch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one conversion's credit was split: the conversion, its journey as {@link PersonJourneys}
 * rebuilds it now, and the credits stored for it per model.
 *
 * @param conversion the conversion
 * @param journey    its touches in journey order (oldest first; see {@code JourneyBuilder}); empty
 *                   when it had none in its windows (all credit to Direct)
 * @param credits    per model API name ({@code last_touch}, …, rule-based models first, then any
 *                   stored data-driven ones), the stored credits, largest first; empty for a
 *                   conversion that is not counted, and until the attribution worker has credited it
 */
public record ConversionAttribution(Converted conversion, List<JourneyTouch> journey,
                                    Map<String, List<StoredCredit>> credits) {

    /**
     * @param id         the conversion's id
     * @param action     its conversion action's key
     * @param occurredAt when it happened (UTC)
     * @param value      its value, in {@code currency}
     * @param currency   ISO 4217 code
     * @param counted    false when its action counts "one" and it repeats an earlier conversion of
     *                   the same journey (as stored by attribution)
     */
    public record Converted(long id, String action, Instant occurredAt, BigDecimal value, String currency,
                            boolean counted) {
    }

    /**
     * @param channel      credited channel
     * @param campaign     credited campaign, {@code ""} for none
     * @param sourceMedium credited "source / medium"
     * @param credit       fraction of the conversion, in (0, 1]; a model's credits add up to 1
     * @param revenue      {@code credit × value}, in the conversion's currency (6 decimals)
     */
    public record StoredCredit(String channel, String campaign, String sourceMedium, double credit,
                               BigDecimal revenue) {
    }
}
