package io.tracker.application.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.tracking.Interaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final CountingRule PURCHASE = new CountingRule(7, "purchase", new BigDecimal("0.00"), CountingMode.EVERY);
    private static final CountingRule SIGNUP = new CountingRule(8, "signup", new BigDecimal("5.00"), CountingMode.ONE);

    private final EventValidator validator = new EventValidator(Map.of("purchase", PURCHASE, "signup", SIGNUP),
            "purchase", Currency.getInstance("EUR"), NOW);

    private static EventInput touch(String timestamp, String url, String referrer, String utmMedium, String gclid) {
        return new EventInput("e1", "touchpoint", timestamp, "v1", null, null, null, utmMedium, null, null, null,
                url, referrer, gclid, null, null, null, null, null, null);
    }

    private static EventInput conversion(String action, BigDecimal value, String currency, String orderId) {
        return new EventInput("c1", "conversion", "2026-06-10T10:00:00+02:00", "v1", null, null, null, null, null,
                null, null, null, null, null, null, null, action, value, currency, orderId);
    }

    @Test
    void touchpointTimeKeepsItsOffsetAndChannelIsResolved() {
        TrackedTouchpoint t = (TrackedTouchpoint) validator.validate(
                touch("2026-06-10T10:15:00+02:00", null, "https://www.bing.com/search?q=boots", null, null));

        assertThat(t.occurredAt()).isEqualTo(Instant.parse("2026-06-10T08:15:00Z"));
        assertThat(t.channel()).isEqualTo("Organic Search");
    }

    @Test
    void aTouchpointIsAClickUnlessItSaysImpression() {
        assertThat(((TrackedTouchpoint) validator.validate(withInteraction("touchpoint", null))).interaction())
                .isEqualTo(Interaction.CLICK);
        assertThat(((TrackedTouchpoint) validator.validate(withInteraction("touchpoint", "click"))).interaction())
                .isEqualTo(Interaction.CLICK);
        assertThat(((TrackedTouchpoint) validator.validate(withInteraction("touchpoint", " Impression "))).interaction())
                .isEqualTo(Interaction.IMPRESSION);
        assertThatThrownBy(() -> validator.validate(withInteraction("touchpoint", "view")))
                .isInstanceOf(EventValidator.InvalidEventException.class)
                .hasMessage("interaction must be 'click' or 'impression', not 'view'");
        assertThatThrownBy(() -> validator.validate(withInteraction("conversion", "impression")))
                .isInstanceOf(EventValidator.InvalidEventException.class)
                .hasMessageStartingWith("interaction is a touchpoint's field");
    }

    private static EventInput withInteraction(String type, String interaction) {
        return new EventInput("e1", type, "2026-06-10T08:00:00Z", "v1", "Display", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, interaction);
    }

    @Test
    void utmValuesAndClickIdsAreReadFromTheLandingPageUrl() {
        TrackedTouchpoint t = (TrackedTouchpoint) validator.validate(touch("2026-06-10T08:00:00Z",
                "https://shop.example/boots?utm_source=newsletter&utm_medium=email&utm_campaign=June%20Sale", null, null,
                null));

        assertThat(t.utmSource()).isEqualTo("newsletter");
        assertThat(t.utmMedium()).isEqualTo("email");
        assertThat(t.campaign()).isEqualTo("June Sale");
        assertThat(t.channel()).isEqualTo("Email");
    }

    @Test
    void explicitFieldsWinOverTheUrl() {
        TrackedTouchpoint t = (TrackedTouchpoint) validator.validate(touch("2026-06-10T08:00:00Z",
                "https://shop.example/?utm_medium=email&gclid=fromurl", null, "sms", null));

        assertThat(t.utmMedium()).isEqualTo("sms");
        assertThat(t.gclid()).isEqualTo("fromurl");
        assertThat(t.channel()).isEqualTo("SMS");
    }

    @Test
    void everyGoogleClickIdOfTheLandingUrlIsKept() {
        TrackedTouchpoint t = (TrackedTouchpoint) validator.validate(touch("2026-06-10T08:00:00Z",
                "https://shop.example/?gclid=G-1&gbraid=GB-1&wbraid=WB-1", null, null, null));

        assertThat(List.of(t.gclid(), t.gbraid(), t.wbraid())).containsExactly("G-1", "GB-1", "WB-1");
    }

    @Test
    void conversionDefaultsToTheDefaultActionTenantCurrencyAndActionValue() {
        TrackedConversion c = (TrackedConversion) validator.validate(conversion(null, null, null, null));

        assertThat(c.actionId()).isEqualTo(7);
        assertThat(c.value()).isEqualByComparingTo("0.00");
        assertThat(c.currency()).isEqualTo("EUR");
        assertThat(c.dedupeKey()).isNull();
    }

    @Test
    void valueIsRoundedToCentsAndCurrencyUpperCased() {
        TrackedConversion c = (TrackedConversion) validator.validate(
                conversion("purchase", new BigDecimal("19.995"), "eur", "A-1"));

        assertThat(c.value()).isEqualByComparingTo("20.00");
        assertThat(c.currency()).isEqualTo("EUR");
        assertThat(c.dedupeKey()).isEqualTo("order:A-1");
    }

    @Test
    void countOneActionsAreDeduplicatedByOrderIdNotByVisitorAtIngestion() {
        TrackedConversion c = (TrackedConversion) validator.validate(conversion("signup", null, null, "S-1"));
        TrackedConversion noOrder = (TrackedConversion) validator.validate(conversion("signup", null, null, null));

        assertThat(c.dedupeKey()).isEqualTo("order:S-1");
        assertThat(noOrder.dedupeKey()).as("counting one is decided per journey by attribution").isNull();
        assertThat(c.value()).isEqualByComparingTo("5.00");
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> validator.validate(conversion("refund", null, null, null)))
                .hasMessageContaining("unknown conversion action 'refund'").hasMessageContaining("purchase");
        assertThatThrownBy(() -> validator.validate(conversion("purchase", new BigDecimal("-1"), null, null)))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> validator.validate(conversion("purchase", null, "EURO", null)))
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> validator.validate(conversion("purchase", null, "XYZ", null)))
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> validator.validate(conversion("purchase", null, "JPY", null)))
                .as("revenue is summed as recorded, so other currencies would mix").hasMessageContaining("EUR");
        assertThatThrownBy(() -> validator.validate(conversion("purchase", new BigDecimal("1e-999999999"), null, null)))
                .hasMessageContaining("decimal places");
        assertThatThrownBy(() -> validator.validate(conversion("purchase", new BigDecimal("1e400"), null, null)))
                .hasMessageContaining("below");
        assertThatThrownBy(() -> validator.validate(touch("1900-01-01T00:00:00Z", null, null, null, null)))
                .hasMessageContaining("before 2000");
        assertThatThrownBy(() -> validator.validate(touch("2026-06-10T08:00:00Z", null, null, "e\u0000mail", null)))
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> validator.validate(touch("2026-06-10T08:00:00Z", null, null, "e\ud800mail", null)))
                .as("a lone surrogate from a JSON escape is not Unicode text").hasMessageContaining("unpaired");
        assertThatThrownBy(() -> validator.validate(touch("+294277-01-01T00:00:00Z", null, null, null, null)))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> validator.validate(touch("9999-12-31T23:59:59Z", null, null, null, null)))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> validator.validate(touch("0001-01-01T00:00:00Z", null, null, null, null)))
                .hasMessageContaining("before 2000");
        assertThatThrownBy(() -> validator.validate(touch("2026-06-10 10:00", null, null, null, null)))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> validator.validate(touch("2026-06-10T10:00:00", null, null, null, null)))
                .as("a local time without offset is ambiguous").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> validator.validate(touch("2026-06-12T12:00:01Z", null, null, null, null)))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> validator.validate(new EventInput(null, "touchpoint", "2026-06-10T10:00:00Z", "v",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .hasMessage("event_id is required");
        assertThatThrownBy(() -> validator.validate(new EventInput("e", "click", "2026-06-10T10:00:00Z", "v",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("'touchpoint' or 'conversion'");
        assertThatThrownBy(() -> validator.validate(new EventInput("e", "touchpoint", "2026-06-10T10:00:00Z", " ",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .hasMessage("visitor_id is required");
        assertThatThrownBy(() -> validator.validate(new EventInput("e".repeat(201), "touchpoint",
                "2026-06-10T10:00:00Z", "v", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null)))
                .hasMessageContaining("longer than 200");
    }

    @Test
    void queryParametersSurviveOddUrls() {
        assertThat(EventValidator.queryParameters("https://x.example/?a=1&&b=%ZZ&UTM_SOURCE=Mail&c"))
                .containsEntry("a", "1").containsEntry("utm_source", "Mail").doesNotContainKey("b");
        assertThat(EventValidator.queryParameters("not a url")).isEmpty();
        assertThat(EventValidator.queryParameters(null)).isEmpty();
    }
}
