package io.tracker.domain.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ActionSettingsTest {

    private static ActionSettings withWindows(int lookback, int viewThrough) {
        return new ActionSettings("Purchase", ConversionCategory.MACRO, ActionTrigger.byKey(),
                ActionValue.fromEvent(BigDecimal.ZERO), CountingMode.EVERY, lookback, viewThrough,
                JourneyStart.LOOKBACK, ActionStatus.ACTIVE);
    }

    @Test
    void basicSettingsHaveTheDocumentedDefaults() {
        ActionSettings s = ActionSettings.basic("Lead", ConversionCategory.MICRO, ActionValue.fromEvent(null),
                CountingMode.ONE);
        assertThat(s.lookbackDays()).isEqualTo(30);
        assertThat(s.viewThroughDays()).isEqualTo(1);
        assertThat(s.journeyStart()).isEqualTo(JourneyStart.LOOKBACK);
        assertThat(s.status()).isEqualTo(ActionStatus.ACTIVE);
        assertThat(s.trigger().eventName("lead")).isEqualTo("lead");
        assertThat(s.value().defaultValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void windowsAreBoundedInclusively() {
        assertThat(withWindows(1, 1).lookbackDays()).isEqualTo(1);
        assertThat(withWindows(90, 30).viewThroughDays()).isEqualTo(30);
        assertThatThrownBy(() -> withWindows(0, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("lookback_days must be a whole number of days from 1 to 90, not 0");
        assertThatThrownBy(() -> withWindows(91, 1)).hasMessageStartingWith("lookback_days");
        assertThatThrownBy(() -> withWindows(30, 0)).hasMessageStartingWith("view_through_days");
        assertThatThrownBy(() -> withWindows(30, 31))
                .hasMessage("view_through_days must be a whole number of days from 1 to 30, not 31");
    }

    @Test
    void nameIsRequiredAndBounded() {
        assertThatThrownBy(() -> ActionSettings.basic(" ", ConversionCategory.MACRO, ActionValue.fromEvent(null),
                CountingMode.EVERY)).hasMessage("name is required");
        assertThatThrownBy(() -> ActionSettings.basic("n".repeat(201), ConversionCategory.MACRO,
                ActionValue.fromEvent(null), CountingMode.EVERY)).hasMessageStartingWith("name must be at most 200");
        assertThatThrownBy(() -> ActionSettings.basic("x", null, ActionValue.fromEvent(null), CountingMode.EVERY))
                .hasMessageStartingWith("category is required");
    }

    @Test
    void triggersKeepOnlyTheirOwnFieldsAndCheckThem() {
        ActionTrigger event = new ActionTrigger(TriggerType.EVENT, "  Order Completed ", null, 60);
        assertThat(event.event()).isEqualTo("Order Completed");
        assertThat(event.callMinSeconds()).isNull();
        assertThat(event.eventName("purchase")).isEqualTo("Order Completed");
        assertThat(new ActionTrigger(TriggerType.EVENT, " ", null, null).eventName("purchase")).isEqualTo("purchase");

        ActionTrigger call = new ActionTrigger(TriggerType.CALL, "ignored", null, 0);
        assertThat(call.callMinSeconds()).isZero();
        assertThat(call.event()).isNull();
        assertThat(call.eventName("call")).isNull();
        assertThatThrownBy(() -> new ActionTrigger(TriggerType.CALL, null, null, null))
                .hasMessageStartingWith("trigger.min_seconds is required");
        assertThatThrownBy(() -> new ActionTrigger(TriggerType.CALL, null, null, -1))
                .hasMessageStartingWith("trigger.min_seconds");

        assertThatThrownBy(() -> new ActionTrigger(TriggerType.URL, null, null, null))
                .hasMessageStartingWith("trigger.url_match and trigger.url_pattern are required");
        UrlRule thanks = UrlRule.of(UrlMatch.EQUALS, "https://a.example/thanks");
        assertThat(new ActionTrigger(TriggerType.URL, "x", thanks, null).url()).isEqualTo(thanks);
        assertThat(new ActionTrigger(TriggerType.OFFLINE, "x", thanks, 5))
                .isEqualTo(new ActionTrigger(TriggerType.OFFLINE, null, null, null));
        assertThatThrownBy(() -> new ActionTrigger(null, null, null, null)).hasMessageStartingWith("trigger.type");
        assertThatThrownBy(() -> new ActionTrigger(TriggerType.EVENT, "e".repeat(201), null, null))
                .hasMessage("trigger.event is longer than 200 characters");
    }

    @Test
    void valuesAreCentsNotNegativeAndInACurrentCurrency() {
        assertThat(new ActionValue(ValueSource.FIXED, new BigDecimal("12.345"), null).defaultValue())
                .isEqualByComparingTo("12.35");
        assertThatThrownBy(() -> new ActionValue(ValueSource.FIXED, new BigDecimal("-0.01"), null))
                .hasMessage("value.default must not be negative");
        assertThatThrownBy(() -> new ActionValue(null, BigDecimal.ONE, null)).hasMessageStartingWith("value.source");
        assertThat(ActionValue.currency(" usd ")).isEqualTo(Currency.getInstance("USD"));
        assertThat(ActionValue.currency(null)).isNull();
        assertThat(ActionValue.currency("")).isNull();
        for (String bad : new String[] {"DEM", "XAU", "XXX", "EURO", "ZZZ", "HRK"}) {
            assertThatThrownBy(() -> ActionValue.currency(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("value.currency must be a current ISO 4217 code");
        }
    }

    @Test
    void countingRulesValueAndCurrency() {
        CountingRule fixed = new CountingRule(1, "lead", new BigDecimal("50.00"), CountingMode.ONE,
                ActionStatus.ACTIVE, ActionTrigger.byKey(), ValueSource.FIXED, Currency.getInstance("USD"));
        assertThat(fixed.valueOf(new BigDecimal("99"))).isEqualByComparingTo("50.00");
        assertThat(fixed.valueOf(null)).isEqualByComparingTo("50.00");
        assertThat(fixed.currencyOr(Currency.getInstance("EUR"))).isEqualTo(Currency.getInstance("USD"));
        CountingRule fromEvent = new CountingRule(2, "purchase", new BigDecimal("5.00"), CountingMode.EVERY);
        assertThat(fromEvent.valueOf(new BigDecimal("99"))).isEqualByComparingTo("99");
        assertThat(fromEvent.valueOf(null)).isEqualByComparingTo("5.00");
        assertThat(fromEvent.currencyOr(Currency.getInstance("EUR"))).isEqualTo(Currency.getInstance("EUR"));
        assertThat(fromEvent.records()).isTrue();
    }

    @Test
    void onlyAttributionSettingsAskForReAttribution() {
        ActionSettings base = withWindows(30, 1);
        assertThat(base.changesAttribution(withWindows(30, 1))).isFalse();
        assertThat(base.changesAttribution(withWindows(7, 1))).isTrue();
        assertThat(base.changesAttribution(withWindows(30, 2))).isTrue();
        ActionSettings renamed = new ActionSettings("Other", ConversionCategory.MICRO, base.trigger(),
                new ActionValue(ValueSource.FIXED, BigDecimal.TEN, null), base.counting(), 30, 1, base.journeyStart(),
                base.status());
        assertThat(base.changesAttribution(renamed)).isFalse();
        ActionSettings paused = new ActionSettings("Purchase", ConversionCategory.MACRO, base.trigger(), base.value(),
                base.counting(), 30, 1, base.journeyStart(), ActionStatus.PAUSED);
        assertThat(base.changesAttribution(paused)).isTrue();
        ActionSettings once = new ActionSettings("Purchase", ConversionCategory.MACRO, base.trigger(), base.value(),
                CountingMode.ONE, 30, 1, JourneyStart.LOOKBACK, ActionStatus.ACTIVE);
        assertThat(base.changesAttribution(once)).isTrue();
    }
}
