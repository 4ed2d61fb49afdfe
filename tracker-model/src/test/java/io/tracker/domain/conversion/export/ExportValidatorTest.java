package io.tracker.domain.conversion.export;

import static io.tracker.domain.conversion.export.Platform.GOOGLE_ADS;
import static io.tracker.domain.conversion.export.Platform.META;
import static io.tracker.domain.conversion.export.Platform.MICROSOFT_ADS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ExportValidator}, one at a time, on the scenario's rows. */
class ExportValidatorTest {

    /** A day after the scenario's last conversion. */
    private static final Instant NOW = Instant.parse("2021-10-22T12:00:00Z");

    private static final OutgoingConversion A = ExportScenario.allGoogleClicks("Purchase");
    private static final OutgoingConversion B = ExportScenario.onlyWbraid("Purchase");
    private static final OutgoingConversion C = ExportScenario.onlyIdentifiers("Purchase");
    private static final OutgoingConversion D = ExportScenario.metaClick("Purchase");

    @Test
    void theScenarioIsSendableWhereItBelongs() {
        assertThat(ExportValidator.problems(GOOGLE_ADS, A, NOW)).isEmpty();
        assertThat(ExportValidator.problems(GOOGLE_ADS, B, NOW)).isEmpty();
        assertThat(ExportValidator.problems(GOOGLE_ADS, C, NOW)).isEmpty();
        assertThat(ExportValidator.problems(META, D, NOW)).isEmpty();
        assertThat(ExportValidator.problems(MICROSOFT_ADS, at(C, NOW.minus(Duration.ofDays(3))), NOW)).isEmpty();
    }

    @Test
    void somethingToMatchOn() {
        assertThat(ExportValidator.problems(GOOGLE_ADS, D, NOW)).containsExactly("no click id or e-mail/phone to match on");
        assertThat(ExportValidator.problems(MICROSOFT_ADS, D, NOW)).containsExactly("no click id or e-mail/phone to match on");
        assertThat(ExportValidator.problems(META, at(B, NOW.minusSeconds(60)), NOW))
                .containsExactly("no click id or e-mail/phone to match on");
        // Meta matches on its own form of the e-mail: Google's alone is not enough
        HashedIdentifiers googleOnly = new HashedIdentifiers(ExportScenario.EMAIL_GOOGLE, null, null, null, null,
                null, null, null, null);
        assertThat(ExportValidator.problems(META, with(at(B, NOW.minusSeconds(60)), googleOnly), NOW))
                .containsExactly("no click id or e-mail/phone to match on");
    }

    @Test
    void deniedConsentNeedsAClickIdAtGoogle() {
        assertThat(ExportValidator.problems(GOOGLE_ADS, consent(C, "DENIED"), NOW))
                .containsExactly("ad_user_data consent denied: identifiers cannot be sent");
        assertThat(ExportValidator.problems(GOOGLE_ADS, consent(A, "DENIED"), NOW)).isEmpty();
        // the consent is Google's: Microsoft still takes the identifiers
        assertThat(ExportValidator.problems(MICROSOFT_ADS, consent(at(C, NOW.minusSeconds(60)), "DENIED"), NOW))
                .isEmpty();
    }

    @Test
    void convertedBeforeItsClick() {
        OutgoingConversion early = clickedAt(A, A.convertedAt().plusSeconds(1));
        assertThat(ExportValidator.problems(GOOGLE_ADS, early, NOW)).containsExactly("converted before its click");
        // the click time belongs to the click id: a row matched by e-mail is not judged by it
        assertThat(ExportValidator.problems(GOOGLE_ADS, clickedAt(C, C.convertedAt().plusSeconds(1)), NOW)).isEmpty();
    }

    @Test
    void clickOlderThanThePlatformsWindow() {
        OutgoingConversion day90 = clickedAt(A, A.convertedAt().minus(Duration.ofDays(90)));
        OutgoingConversion day91 = clickedAt(A, A.convertedAt().minus(Duration.ofDays(91)));
        assertThat(ExportValidator.problems(GOOGLE_ADS, day90, NOW)).isEmpty();
        assertThat(ExportValidator.problems(GOOGLE_ADS, day91, NOW))
                .containsExactly("the click is older than Google Ads' 90-day window");

        OutgoingConversion recent = at(day91, NOW.minus(Duration.ofDays(1)));
        assertThat(ExportValidator.problems(MICROSOFT_ADS, clickedAt(recent, recent.convertedAt().minus(Duration.ofDays(91))), NOW))
                .containsExactly("the click is older than Microsoft Advertising's 90-day window");

        OutgoingConversion eightDays = clickedAt(D, D.convertedAt().minus(Duration.ofDays(8)));
        assertThat(ExportValidator.problems(META, eightDays, NOW))
                .containsExactly("the click is older than Meta's 7-day window");
        // Meta does not refuse the event; its e-mail still matches
        assertThat(ExportValidator.problems(META, with(eightDays, ExportScenario.IDENTIFIERS), NOW)).isEmpty();
    }

    @Test
    void conversionAge() {
        assertThat(ExportValidator.problems(GOOGLE_ADS, at(B, NOW.plusSeconds(1)), NOW))
                .contains("converted in the future");
        assertThat(ExportValidator.problems(META, at(D, NOW.minus(Duration.ofDays(8))), NOW))
                .containsExactly("the conversion is older than Meta's 7-day limit for website and other events");
        OutgoingConversion store = source(with(at(D, NOW.minus(Duration.ofDays(30))), ExportScenario.IDENTIFIERS),
                "physical_store");
        assertThat(ExportValidator.problems(META, store, NOW)).isEmpty();
        assertThat(ExportValidator.problems(META, at(store, NOW.minus(Duration.ofDays(63))), NOW))
                .containsExactly("the conversion is older than Meta's 62-day limit for physical_store events");
        assertThat(ExportValidator.problems(MICROSOFT_ADS, A, NOW))
                .containsExactly("the conversion is older than Microsoft Advertising's 90-day limit");
    }

    @Test
    void money() {
        assertThat(ExportValidator.problems(GOOGLE_ADS, money(A, new BigDecimal("-1.00"), "USD"), NOW))
                .containsExactly("negative value -1.00");
        assertThat(ExportValidator.problems(GOOGLE_ADS, money(A, BigDecimal.TEN, "XXX"), NOW))
                .containsExactly("unsupported currency XXX");
        assertThat(ExportValidator.problems(GOOGLE_ADS, money(A, BigDecimal.TEN, "DEM"), NOW))
                .containsExactly("unsupported currency DEM");
        assertThat(ExportValidator.problems(GOOGLE_ADS, money(A, BigDecimal.TEN, null), NOW))
                .containsExactly("no currency");
        assertThat(ExportValidator.problems(GOOGLE_ADS, money(A, null, "usd"), NOW)).isEmpty();
    }

    @Test
    void nameAndMetasActionSource() {
        assertThat(ExportValidator.problems(GOOGLE_ADS, name(A, " "), NOW))
                .containsExactly("no conversion name for Google Ads");
        assertThat(ExportValidator.problems(META, source(D, null), NOW))
                .containsExactly("no action source (website, physical_store…) for Meta");
        assertThat(ExportValidator.problems(META, source(D, "kiosk"), NOW))
                .containsExactly("Meta does not know the action source kiosk");
    }

    @Test
    void everyProblemIsListed() {
        OutgoingConversion bad = money(at(name(D, null), NOW.plusSeconds(60)), new BigDecimal("-5"), "ZZZ");
        assertThat(ExportValidator.problems(GOOGLE_ADS, bad, NOW)).containsExactly(
                "no conversion name for Google Ads",
                "no click id or e-mail/phone to match on",
                "converted in the future",
                "negative value -5",
                "unsupported currency ZZZ");
    }

    @Test
    void adjustments() {
        Instant now = Instant.parse("2021-11-09T00:00:00Z");
        OutgoingAdjustment restate = ExportScenario.restatement("Purchase");
        OutgoingAdjustment retract = ExportScenario.retraction("Purchase");
        assertThat(ExportValidator.problems(GOOGLE_ADS, restate, now)).isEmpty();
        assertThat(ExportValidator.problems(GOOGLE_ADS, retract, now)).isEmpty();

        assertThat(ExportValidator.problems(MICROSOFT_ADS, retract, now))
                .containsExactly("adjustments are sent to Google Ads only, not to Microsoft Advertising");
        assertThat(ExportValidator.problems(GOOGLE_ADS, new OutgoingAdjustment(1, "Purchase", null, null,
                restate.convertedAt(), "RETRACT", restate.adjustedAt(), null, null), now))
                .containsExactly("no order id, or click id and conversion time, to find the conversion by");
        assertThat(ExportValidator.problems(GOOGLE_ADS, new OutgoingAdjustment(1, "Purchase", null, "Cj0K-2",
                null, "RETRACT", restate.adjustedAt(), null, null), now))
                .containsExactly("no order id, or click id and conversion time, to find the conversion by");
        assertThat(ExportValidator.problems(GOOGLE_ADS, new OutgoingAdjustment(1, "Purchase", "ORD-1", null,
                restate.convertedAt(), "RESTATE", restate.adjustedAt(), null, "USD"), now))
                .containsExactly("a restatement needs the new value");
        assertThat(ExportValidator.problems(GOOGLE_ADS, new OutgoingAdjustment(1, "Purchase", "ORD-1", null,
                restate.convertedAt(), "RESTATE", restate.adjustedAt(), new BigDecimal("-1"), "EUR "), now))
                .containsExactly("negative value -1");
        assertThat(ExportValidator.problems(GOOGLE_ADS, new OutgoingAdjustment(1, "Purchase", "ORD-1", null,
                restate.convertedAt(), "UPDATE", restate.convertedAt(), null, null), now))
                .containsExactly("unknown adjustment kind UPDATE (RESTATE or RETRACT)", "adjusted before it converted");
        assertThat(ExportValidator.problems(GOOGLE_ADS, new OutgoingAdjustment(1, "Purchase", "ORD-1", null,
                restate.convertedAt(), "RETRACT", now.plusSeconds(1), null, null), now))
                .containsExactly("adjusted in the future");
    }

    private static OutgoingConversion at(OutgoingConversion c, Instant convertedAt) {
        Instant clicked = c.clickedAt() == null ? null : convertedAt.minus(Duration.between(c.clickedAt(), c.convertedAt()));
        return new OutgoingConversion(c.conversionId(), c.platformName(), convertedAt, c.value(), c.currency(),
                c.orderId(), c.eventId(), c.clicks(), clicked, c.identifiers(), c.adUserData(), c.actionSource());
    }

    private static OutgoingConversion clickedAt(OutgoingConversion c, Instant clickedAt) {
        return new OutgoingConversion(c.conversionId(), c.platformName(), c.convertedAt(), c.value(), c.currency(),
                c.orderId(), c.eventId(), c.clicks(), clickedAt, c.identifiers(), c.adUserData(), c.actionSource());
    }

    private static OutgoingConversion with(OutgoingConversion c, HashedIdentifiers ids) {
        return new OutgoingConversion(c.conversionId(), c.platformName(), c.convertedAt(), c.value(), c.currency(),
                c.orderId(), c.eventId(), c.clicks(), c.clickedAt(), ids, c.adUserData(), c.actionSource());
    }

    private static OutgoingConversion consent(OutgoingConversion c, String adUserData) {
        return new OutgoingConversion(c.conversionId(), c.platformName(), c.convertedAt(), c.value(), c.currency(),
                c.orderId(), c.eventId(), c.clicks(), c.clickedAt(), c.identifiers(), adUserData, c.actionSource());
    }

    private static OutgoingConversion source(OutgoingConversion c, String actionSource) {
        return new OutgoingConversion(c.conversionId(), c.platformName(), c.convertedAt(), c.value(), c.currency(),
                c.orderId(), c.eventId(), c.clicks(), c.clickedAt(), c.identifiers(), c.adUserData(), actionSource);
    }

    private static OutgoingConversion money(OutgoingConversion c, BigDecimal value, String currency) {
        return new OutgoingConversion(c.conversionId(), c.platformName(), c.convertedAt(), value, currency,
                c.orderId(), c.eventId(), c.clicks(), c.clickedAt(), c.identifiers(), c.adUserData(), c.actionSource());
    }

    private static OutgoingConversion name(OutgoingConversion c, String name) {
        return new OutgoingConversion(c.conversionId(), name, c.convertedAt(), c.value(), c.currency(),
                c.orderId(), c.eventId(), c.clicks(), c.clickedAt(), c.identifiers(), c.adUserData(), c.actionSource());
    }
}
