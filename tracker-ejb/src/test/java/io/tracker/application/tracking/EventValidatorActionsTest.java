package io.tracker.application.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.conversion.ActionStatus;
import io.tracker.domain.conversion.ActionTrigger;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.conversion.TriggerType;
import io.tracker.domain.conversion.ValueSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events API's conversions and the action settings: paused, FIXED, the action's currency, trigger names. */
class EventValidatorActionsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final CountingRule LEAD = new CountingRule(1, "lead", new BigDecimal("50.00"), CountingMode.ONE,
            ActionStatus.ACTIVE, new ActionTrigger(TriggerType.OFFLINE, null, null, null), ValueSource.FIXED, null);
    private static final CountingRule ORDER = new CountingRule(2, "order", new BigDecimal("0.00"), CountingMode.EVERY,
            ActionStatus.ACTIVE, new ActionTrigger(TriggerType.EVENT, "Order Completed", null, null), ValueSource.EVENT,
            Currency.getInstance("USD"));
    private static final CountingRule OLD = new CountingRule(3, "old", new BigDecimal("0.00"), CountingMode.EVERY,
            ActionStatus.PAUSED, ActionTrigger.byKey(), ValueSource.EVENT, null);

    private final EventValidator validator = new EventValidator(Map.of("lead", LEAD, "order", ORDER, "old", OLD),
            "lead", Currency.getInstance("EUR"), NOW);

    private static EventInput conversion(String action, String value, String currency) {
        return new EventInput("c1", "conversion", "2026-06-10T10:00:00Z", "v1", null, null, null, null, null, null,
                null, null, null, null, null, null, action, value == null ? null : new BigDecimal(value), currency, null);
    }

    @Test
    void aFixedActionIgnoresTheEventsValue() {
        TrackedConversion c = (TrackedConversion) validator.validate(conversion("lead", "999", null));
        assertThat(c.actionId()).isEqualTo(1L);
        assertThat(c.value()).isEqualByComparingTo("50.00");
        assertThat(c.currency()).isEqualTo("EUR");
    }

    @Test
    void theActionsCurrencyIsTheDefaultAndTheOnlyOneAccepted() {
        TrackedConversion c = (TrackedConversion) validator.validate(conversion("order", "12.5", null));
        assertThat(c.currency()).isEqualTo("USD");
        assertThat(c.value()).isEqualByComparingTo("12.50");
        assertThatThrownBy(() -> validator.validate(conversion("order", "1", "EUR")))
                .hasMessageStartingWith("currency EUR differs from the currency of conversion action 'order', USD");
        assertThatThrownBy(() -> validator.validate(conversion("lead", "1", "USD")))
                .hasMessageStartingWith("currency USD differs from this tenant's reporting currency EUR");
    }

    @Test
    void anActionMayBeNamedByItsTriggerEvent() {
        assertThat(((TrackedConversion) validator.validate(conversion("Order Completed", "3", null))).actionId())
                .isEqualTo(2L);
        assertThatThrownBy(() -> validator.validate(conversion("Order Refunded", "3", null)))
                .hasMessageStartingWith("unknown conversion action 'Order Refunded'");
    }

    @Test
    void aPausedActionRecordsNothing() {
        assertThatThrownBy(() -> validator.validate(conversion("old", null, null)))
                .hasMessage("conversion action 'old' is paused: nothing recorded");
    }
}
