package io.tracker.application.tracking.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A checkout's cart details as the collector keeps them (SMS cart recovery). */
class CheckoutReadingTest {

    /** SHA-256 of the E.164 form, computed here on its own. */
    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNationalNumberWithConsentIsKeptInE164BesideItsHash() throws Exception {
        CheckoutReading r = CheckoutReading.read(new CheckoutDetails("https://shop.example/cart?id=7", "(800) 555-0101",
                true, "America/Chicago"), "US");
        assertThat(r.problem()).isNull();
        assertThat(r.checkout()).isEqualTo(new RecoveryCheckout("https://shop.example/cart?id=7", sha256("+18005550101"),
                "+18005550101", true, "America/Chicago"));
    }

    @Test
    void withoutConsentOnlyTheHashIsKept() throws Exception {
        RecoveryCheckout kept = CheckoutReading.read(new CheckoutDetails(null, "+44 20 7946 0958", false, null), "US")
                .checkout();
        assertThat(kept.phoneE164()).isNull();
        assertThat(kept.phoneHash()).isEqualTo(sha256("+442079460958"));
        assertThat(kept.smsConsent()).isFalse();
    }

    @Test
    void unusableDetailsAreLeftOutAndNamedNeverRefused() {
        CheckoutReading r = CheckoutReading.read(new CheckoutDetails("javascript:alert(1)", "12", true, "Mars/Olympus"),
                "US");
        assertThat(r.checkout()).isEqualTo(new RecoveryCheckout(null, null, null, true, null));
        assertThat(r.problem()).contains("restore_url").contains("phone").contains("tz");
    }

    @Test
    void aConversionCarriesItsCheckoutAndLinksTheVisitorToThePhone() throws Exception {
        CollectedHit hit = CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).eventId("e1").visitorId("v1")
                .actionKey("add_to_cart").value(new BigDecimal("49.90"))
                .checkout(new CheckoutDetails("https://shop.example/cart", "+18005550101", true, "Europe/Paris")).build();
        ValidHit valid = HitValidator.validate(hit, HitValidatorTest.RULES, HitValidatorTest.NOW);
        assertThat(valid.checkout().phoneE164()).isEqualTo("+18005550101");
        assertThat(valid.personKeys()).containsExactly("tel:" + sha256("+18005550101"));
        // A page view's details are ignored: only a conversion starts a cart.
        ValidHit page = HitValidator.validate(CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("e2")
                .visitorId("v1").checkout(new CheckoutDetails("https://shop.example/cart", "+18005550101", true, null))
                .build(), HitValidatorTest.RULES, HitValidatorTest.NOW);
        assertThat(page.checkout()).isNull();
        assertThat(page.personKeys()).isEmpty();
    }
}
