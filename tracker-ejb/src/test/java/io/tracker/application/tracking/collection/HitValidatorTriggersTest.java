package io.tracker.application.tracking.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.conversion.ActionStatus;
import io.tracker.domain.conversion.ActionTrigger;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.conversion.TriggerType;
import io.tracker.domain.conversion.UrlMatch;
import io.tracker.domain.conversion.UrlRule;
import io.tracker.domain.conversion.ValueSource;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What records a conversion at collection: URL rules, event triggers, paused actions, values and currencies. */
class HitValidatorTriggersTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static CountingRule rule(long id, String key, String value, ActionStatus status, ActionTrigger trigger,
                                     ValueSource source, String currency) {
        return new CountingRule(id, key, new BigDecimal(value), CountingMode.EVERY, status, trigger, source,
                currency == null ? null : Currency.getInstance(currency));
    }

    private static ActionTrigger url(UrlMatch match, String pattern) {
        return new ActionTrigger(TriggerType.URL, null, UrlRule.of(match, pattern), null);
    }

    private static ActionTrigger event(String name) {
        return new ActionTrigger(TriggerType.EVENT, name, null, null);
    }

    private static final TenantRules RULES = new TenantRules("t1", EUR, ZoneId.of("UTC"), "purchase", Map.of(
            "purchase", rule(1, "purchase", "0", ActionStatus.ACTIVE, ActionTrigger.byKey(), ValueSource.EVENT, null),
            "thanks", rule(2, "thanks", "20", ActionStatus.ACTIVE, url(UrlMatch.EQUALS, "https://shop.example/thanks"),
                    ValueSource.FIXED, null),
            "a_checkout", rule(3, "a_checkout", "0", ActionStatus.ACTIVE,
                    url(UrlMatch.STARTS_WITH, "https://shop.example/checkout/"), ValueSource.EVENT, null),
            "b_checkout", rule(4, "b_checkout", "0", ActionStatus.ACTIVE,
                    url(UrlMatch.REGEX, "/checkout/done"), ValueSource.EVENT, null),
            "order", rule(5, "order", "7.50", ActionStatus.ACTIVE, event("Order Completed"), ValueSource.EVENT, "USD"),
            "cart", rule(6, "cart", "0", ActionStatus.PAUSED, event("Product Added"), ValueSource.EVENT, null),
            "lead", rule(7, "lead", "50", ActionStatus.ACTIVE, new ActionTrigger(TriggerType.OFFLINE, null, null, null),
                    ValueSource.FIXED, null),
            "old", rule(8, "old", "0", ActionStatus.PAUSED, ActionTrigger.byKey(), ValueSource.EVENT, null)));

    private static Prepared check(CollectedHit.Builder hit) {
        return HitValidator.check(hit.eventId("e1").visitorId("v1").build(), RULES, NOW);
    }

    private static CollectedHit.Builder page(String url) {
        return CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).url(url);
    }

    @Test
    void aPageViewOfTheThankYouPageIsAConversionAtTheFixedValue() {
        ValidHit h = check(page("https://shop.example/thanks?order=9").value(new BigDecimal("99"))).hit();
        assertThat(h.actionId()).isEqualTo(2L);
        assertThat(h.value()).isEqualByComparingTo("20.00");
        assertThat(h.currency()).isEqualTo("EUR");
        assertThat(h.customEventName()).isEqualTo("page_view");
        assertThat(check(page("https://shop.example/thanks/faq")).hit().conversion()).isFalse();
        assertThat(check(page(null)).hit().conversion()).isFalse();
    }

    @Test
    void whenTwoUrlRulesMatchTheKeySortingFirstRecords() {
        assertThat(check(page("https://shop.example/checkout/done")).hit().actionId()).isEqualTo(3L);
        assertThat(check(page("https://shop.example/en/checkout/done")).hit().actionId()).isEqualTo(4L);
    }

    @Test
    void anEventRecordsTheActionListeningToItsNameAsSentOrItsTrackerName() {
        ValidHit segment = check(CollectedHit.builder(WayIn.SEGMENT, HitType.EVENT).eventName("order_completed")
                .sentEventName("Order Completed").value(new BigDecimal("99.5")).currency("usd")).hit();
        assertThat(segment.actionId()).isEqualTo(5L);
        assertThat(segment.value()).isEqualByComparingTo("99.50");
        assertThat(segment.currency()).as("the event's, which is the action's").isEqualTo("USD");
        ValidHit tag = check(CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventName("Order Completed")).hit();
        assertThat(tag.actionId()).isEqualTo(5L);
        assertThat(tag.value()).as("no value sent: the default").isEqualByComparingTo("7.50");
        assertThat(tag.currency()).as("none sent: the action's").isEqualTo("USD");
        assertThat(check(CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventName("purchase")).hit().actionId())
                .as("no trigger event: the key").isEqualTo(1L);
        assertThat(check(CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventName("thanks")).hit().conversion())
                .as("a URL action's key is no event trigger").isFalse();
        assertThat(check(CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventName("Order Completed").currency("EUR"))
                .outcome().reason()).isEqualTo("currency EUR differs from the currency of conversion action 'order', "
                + "USD (Tracker does not convert currencies)");
    }

    @Test
    void segmentsOrderCompletedPrefersTheActionListeningToItOverPurchase() {
        CollectedHit.Builder order = CollectedHit.builder(WayIn.SEGMENT, HitType.CONVERSION).actionKey("purchase");
        assertThat(check(order.sentEventName("Order Completed")).hit().actionId()).isEqualTo(5L);
        assertThat(check(CollectedHit.builder(WayIn.SEGMENT, HitType.CONVERSION).actionKey("purchase")
                .sentEventName("Something Else")).hit().actionId()).isEqualTo(1L);
    }

    @Test
    void pausedActionsRecordNothingAndSaySo() {
        Prepared cart = check(CollectedHit.builder(WayIn.SEGMENT, HitType.EVENT).eventName("add_to_cart")
                .sentEventName("Product Added"));
        assertThat(cart.hit().conversion()).isFalse();
        assertThat(cart.hit().customEventName()).isEqualTo("add_to_cart");
        assertThat(cart.hit().note()).isEqualTo("conversion action 'cart' is paused: no conversion recorded");
        Prepared named = check(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).actionKey("old"));
        assertThat(named.hit()).isNull();
        assertThat(named.outcome().reason()).isEqualTo("conversion action 'old' is paused: nothing recorded");
        assertThat(check(page("https://shop.example/thanks")).hit().note()).isNull();
    }

    @Test
    void aConversionNamingAnOfflineActionRecordsItAtItsFixedValue() {
        ValidHit h = check(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).actionKey("lead")
                .value(new BigDecimal("999"))).hit();
        assertThat(h.actionId()).isEqualTo(7L);
        assertThat(h.value()).isEqualByComparingTo("50.00");
    }

    @Test
    void aStoredHitsNoteReachesItsOutcome() {
        assertThat(HitOutcome.stored(null)).isSameAs(HitOutcome.STORED);
        assertThat(HitOutcome.stored("n").note()).isEqualTo("n");
        assertThat(HitOutcome.stored("n").accepted()).isTrue();
    }
}
