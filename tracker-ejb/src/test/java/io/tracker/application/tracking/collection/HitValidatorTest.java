package io.tracker.application.tracking.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.campaign.Channels;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HitValidatorTest {

    static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    static final TenantRules RULES = new TenantRules("t1", Currency.getInstance("EUR"), ZoneId.of("Europe/Berlin"),
            "purchase", Map.of(
                    "purchase", new CountingRule(1, "purchase", new BigDecimal("10.00"), CountingMode.EVERY),
                    "add_to_cart", new CountingRule(2, "add_to_cart", BigDecimal.ZERO, CountingMode.EVERY),
                    "signup", new CountingRule(3, "signup", new BigDecimal("5.00"), CountingMode.ONE)));

    private static CollectedHit.Builder page() {
        return CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("e1").visitorId("v1").sessionId("s1");
    }

    private static ValidHit valid(CollectedHit hit) {
        Prepared p = HitValidator.check(hit, RULES, NOW);
        assertThat(p.outcome()).as("outcome of a valid hit").isNull();
        return p.hit();
    }

    private static String rejection(CollectedHit hit) {
        Prepared p = HitValidator.check(hit, RULES, NOW);
        assertThat(p.hit()).isNull();
        assertThat(p.outcome().status()).isEqualTo(HitOutcome.Status.REJECTED);
        return p.outcome().reason();
    }

    @Test
    void aLandingPageViewIsATouchpointWithUtmAndEveryClickIdFromItsUrl() {
        ValidHit h = valid(page().startsVisit(true)
                .url("https://shop.example/landing?utm_source=Android%20App&utm_medium=cpc&utm_campaign=no%2520code"
                        + "&gclid=TeSt&gbraid=Gb1&wbraid=Wb1&ttclid=Tt&li_fat_id=Li&trk=K9&fbclid=F&msclkid=M")
                .build());

        assertThat(h.touchpoint()).isTrue();
        assertThat(h.utm()).isEqualTo(new Utm("Android App", "cpc", "no%20code", null, null));
        assertThat(h.clickIds()).isEqualTo(new ClickIds("TeSt", "Gb1", "Wb1", "F", "M", "Tt", "Li", "K9"));
        assertThat(h.channel()).isEqualTo(Channels.PAID_SEARCH);
        assertThat(h.customEventName()).isNull();
        assertThat(h.conversion()).isFalse();
        assertThat(h.occurredAt()).as("no time sent: the arrival's").isEqualTo(NOW);
    }

    @Test
    void aTouchpointWithTrkLinksItsVisitorToTheClickAndATrackedLinksClickIsALinkClick() {
        ValidHit landing = valid(page().startsVisit(true).url("https://shop.example/welcome?trk=K9").build());
        assertThat(landing.personKeys()).containsExactly("trk:K9");
        assertThat(landing.linkId()).as("a page view is no link click").isNull();

        ValidHit click = valid(CollectedHit.builder(WayIn.LINK, HitType.CLICK).eventId("K9").visitorId("K9")
                .startsVisit(true).trackedLinkId(42L)
                .url("https://shop.example/landing?utm_source=sms&utm_campaign=spring&trk=K9").build());
        assertThat(click.touchpoint()).isTrue();
        assertThat(click.personKeys()).containsExactly("trk:K9");
        assertThat(click.linkId()).isEqualTo(42L);
        assertThat(click.channel()).isEqualTo(Channels.SMS);

        ValidHit cookieless = valid(CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).startsVisit(true)
                .url("https://shop.example/welcome?trk=K9").build());
        assertThat(cookieless.personKeys()).as("no visitor, nothing to link").isEmpty();
        assertThat(valid(page().url("https://shop.example/cart?trk=K9").build()).personKeys())
                .as("a page view that starts no visit").isEmpty();
    }

    @Test
    void sentValuesWinOverTheUrlsAndTheChannelFollowsThem() {
        ValidHit h = valid(page().startsVisit(true).url("https://shop.example/?utm_source=ads&utm_medium=cpc")
                .utm(new Utm("newsletter", "email", "spring", null, null)).build());

        assertThat(h.utm().source()).isEqualTo("newsletter");
        assertThat(h.channel()).isEqualTo(Channels.EMAIL);
    }

    @Test
    void aPageViewThatStartsNoVisitIsThePageViewEvent() {
        ValidHit h = valid(page().url("https://shop.example/cart").build());

        assertThat(h.touchpoint()).isFalse();
        assertThat(h.customEventName()).isEqualTo("page_view");
        assertThat(h.url()).isEqualTo("https://shop.example/cart");
    }

    @Test
    void anEventNamedLikeAConversionActionIsAlsoThatConversion() {
        ValidHit h = valid(CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventId("e2").visitorId("v1")
                .eventName("add_to_cart").propertiesJson("{\"sku\":\"A-1\"}").build());

        assertThat(h.customEventName()).isEqualTo("add_to_cart");
        assertThat(h.propertiesJson()).isEqualTo("{\"sku\":\"A-1\"}");
        assertThat(h.actionId()).isEqualTo(2L);
        assertThat(h.value()).isEqualByComparingTo("0.00");

        ValidHit other = valid(CollectedHit.builder(WayIn.TAG, HitType.EVENT).visitorId("v1").eventName("scroll").build());
        assertThat(other.conversion()).isFalse();
        assertThat(other.customEventName()).isEqualTo("scroll");
    }

    @Test
    void aConversionTakesTheDefaultActionValueAndCurrencyAndDedupesByOrderId() {
        ValidHit h = valid(CollectedHit.builder(WayIn.PIXEL, HitType.CONVERSION).visitorId("v1").orderId("A-100").build());

        assertThat(h.actionId()).isEqualTo(1L);
        assertThat(h.value()).isEqualByComparingTo("10.00");
        assertThat(h.currency()).isEqualTo("EUR");
        assertThat(h.dedupeKey()).isEqualTo("order:A-100");
        assertThat(h.orderName()).as("named by the action key").isEqualTo("purchase");
        assertThat(h.customEventName()).isNull();

        ValidHit rounded = valid(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).visitorId("v1")
                .actionKey("purchase").value(new BigDecimal("19.995")).currency("eur").build());
        assertThat(rounded.value()).isEqualByComparingTo("20.00");
        assertThat(rounded.dedupeKey()).as("no order id: nothing makes it the same").isNull();
        assertThat(rounded.orderName()).isNull();
    }

    @Test
    void aCountOneConversionIsDeduplicatedByOrderIdOnlyNotByVisitor() {
        // counting "one" is decided per journey by attribution, not once per visitor at ingestion
        assertThat(valid(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).visitorId("v7").actionKey("signup")
                .orderId("o1").build()).dedupeKey()).isEqualTo("order:o1");
        assertThat(valid(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).visitorId("v7").actionKey("signup")
                .build()).dedupeKey()).isNull();
        assertThat(valid(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).actionKey("signup").orderId("o1").build())
                .dedupeKey()).isEqualTo("order:o1");
        assertThat(valid(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).actionKey("signup").build()).dedupeKey())
                .isNull();
    }

    @Test
    void aCookielessHitKeepsNoIdentifier() {
        ValidHit h = valid(CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).sessionId("s-should-go").startsVisit(true)
                .url("https://shop.example/").build());

        assertThat(h.visitorId()).isNull();
        assertThat(h.sessionId()).as("a session id alone would identify the visit").isNull();
    }

    @Test
    void identifyLinksTheUserIdAndTheLowerCasedEmailHash() {
        String hash = "B4C9A289323B21A01C3E940F150EB9B8C542587F1ABFD8F0E1CC1FFC5E475514";
        ValidHit h = valid(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).visitorId("anon-1").userId("u-42")
                .emailSha256(hash).build());

        assertThat(h.personKeys()).containsExactly("user:u-42", "email:" + hash.toLowerCase());
        assertThat(rejection(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).userId("u-42").build()))
                .contains("visitor id");
        assertThat(rejection(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).visitorId("a").build()))
                .contains("a user id, an e-mail hash or a phone number");
        assertThat(rejection(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).visitorId("a")
                .emailSha256("someone@example.com").build())).contains("64 hex digits");
    }

    @Test
    void identifyLinksThePhoneInE164HashedAsGoogleAdsDoes() {
        // (800) 555-0101 read in the US is +18005550101; sha256 of that is the Google Ads vector
        ValidHit h = valid(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).visitorId("anon-1")
                .phone("(800) 555-0101").build());

        assertThat(h.personKeys())
                .containsExactly("tel:61d6c2976b5d92b1ad63073a12fddd26040cd980067d03a93dd1cc50f1a3ac68");
        assertThat(rejection(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).visitorId("a").phone("12")
                .build())).contains("not a valid number");
    }

    @Test
    void badInputIsRejectedWithAReasonNeverAnException() {
        assertThat(rejection(null)).isEqualTo("the hit is missing");
        assertThat(rejection(CollectedHit.builder(null, HitType.EVENT).build())).contains("way in");
        assertThat(rejection(CollectedHit.builder(WayIn.TAG, null).build())).contains("type");
        assertThat(rejection(CollectedHit.builder(WayIn.TAG, HitType.EVENT).build())).contains("name");
        assertThat(rejection(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).actionKey("nope").build()))
                .contains("unknown conversion action 'nope'").contains("add_to_cart, purchase, signup");
        assertThat(rejection(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).value(new BigDecimal("-1")).build()))
                .contains("negative");
        assertThat(rejection(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).currency("USD").build()))
                .contains("differs from this tenant's reporting currency EUR");
        assertThat(rejection(page().occurredAt(NOW.plus(Duration.ofDays(2))).build())).contains("future");
        assertThat(rejection(page().eventId("x".repeat(201)).build())).contains("event_id is longer than 200");
        assertThat(rejection(page().visitorId("v\0").build())).contains("NUL");
        assertThat(rejection(page().url("https://shop.example/\ud800").build())).contains("surrogate");
    }

    @Test
    void anOverlongClickIdIsRefusedNotCut() {
        String reason = rejection(page().startsVisit(true).url("https://shop.example/?gclid=" + "g".repeat(501)).build());

        assertThat(reason).isEqualTo("gclid is longer than 500 characters");
    }

    @Test
    void propertiesMustBeABoundedStorableJsonObject() {
        CollectedHit.Builder event = CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventName("e");
        assertThat(rejection(event.propertiesJson("[1,2]").build())).contains("JSON object");
        assertThat(rejection(event.propertiesJson("{\"a\":\"" + "x".repeat(16_400) + "\"}").build()))
                .contains("longer than 16384");
        assertThat(rejection(event.propertiesJson("{\"a\":\"\\u0000\"}").build())).contains("\\u0000");
        assertThat(rejection(event.propertiesJson("{\"a\":\"\\ud800\"}").build())).contains("unpaired surrogate");
        assertThat(rejection(event.propertiesJson("{\"a\":\"\\udc00\"}").build())).contains("unpaired surrogate");
        assertThat(valid(event.propertiesJson("{\"a\":\"\\ud83d\\ude00 \\\\u0000 \\u00e9\"}").build()).propertiesJson())
                .as("a pair, an escaped backslash and a plain escape are fine").startsWith("{");
    }

    @Test
    void orderClaimsAreNamedByTheEventOrElseTheAction() {
        assertThat(valid(CollectedHit.builder(WayIn.SEGMENT, HitType.CONVERSION).visitorId("v").eventName("Order Completed")
                .orderId("o1").build()).orderName()).isEqualTo("Order Completed");
        assertThat(valid(CollectedHit.builder(WayIn.TAG, HitType.EVENT).visitorId("v").eventName("refund_requested")
                .orderId("o1").build()).orderName()).isEqualTo("refund_requested");
        assertThat(List.of(valid(page().orderId("o1").build()).orderName() == null)).containsExactly(true);
    }
}
