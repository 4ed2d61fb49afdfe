package io.tracker.application.tracking.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.tracking.TrackedConversion;
import io.tracker.application.tracking.TrackedTouchpoint;
import io.tracker.domain.tracking.Interaction;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiEventsTest {

    private static final Instant AT = Instant.parse("2026-05-04T09:00:00Z");

    @Test
    void aTouchpointKeepsItsResolvedChannelAndExplicitCampaignAndStartsAVisitWithoutSession() {
        TrackedTouchpoint t = new TrackedTouchpoint("e-1", "v-1", AT, "Email", "Spring sale", "newsletter", "email",
                "spring", "term", "content", "https://shop.example/?utm_source=newsletter", "https://mail.example/",
                "G-1", "GB-1", "WB-1", "F-1", "M-1", Interaction.IMPRESSION);

        ValidHit h = ApiEvents.prepare(t, HitValidatorTest.RULES).hit();

        assertThat(h.wayIn()).isEqualTo(WayIn.API);
        assertThat(h.touchpoint()).isTrue();
        assertThat(h.interaction()).isEqualTo(Interaction.IMPRESSION);
        assertThat(h.conversion()).isFalse();
        assertThat(h.customEventName()).isNull();
        assertThat(h.eventId()).isEqualTo("e-1");
        assertThat(h.visitorId()).isEqualTo("v-1");
        assertThat(h.sessionId()).isNull();
        assertThat(h.occurredAt()).isEqualTo(AT);
        assertThat(h.channel()).isEqualTo("Email");
        assertThat(h.campaign()).isEqualTo("Spring sale");
        assertThat(h.utm().campaign()).isEqualTo("spring");
        assertThat(h.utm().source()).isEqualTo("newsletter");
        assertThat(h.clickIds().gclid()).isEqualTo("G-1");
        assertThat(h.clickIds().fbclid()).isEqualTo("F-1");
        assertThat(h.clickIds().msclkid()).isEqualTo("M-1");
        assertThat(h.clickIds().gbraid()).isEqualTo("GB-1");
        assertThat(h.clickIds().wbraid()).isEqualTo("WB-1");
        assertThat(h.url()).isEqualTo("https://shop.example/?utm_source=newsletter");
        assertThat(h.referrer()).isEqualTo("https://mail.example/");
        assertThat(h.orderName()).isNull();
        assertThat(h.personKeys()).isEmpty();
    }

    @Test
    void aConversionWithAnOrderIdClaimsItUnderItsActionKey() {
        TrackedConversion c = new TrackedConversion("c-1", "v-1", AT, 2, new BigDecimal("12.50"), "EUR", "A-1001",
                "order:A-1001");

        ValidHit h = ApiEvents.prepare(c, HitValidatorTest.RULES).hit();

        assertThat(h.conversion()).isTrue();
        assertThat(h.touchpoint()).isFalse();
        assertThat(h.actionId()).isEqualTo(2L);
        assertThat(h.value()).isEqualByComparingTo("12.50");
        assertThat(h.currency()).isEqualTo("EUR");
        assertThat(h.dedupeKey()).isEqualTo("order:A-1001");
        assertThat(h.orderId()).isEqualTo("A-1001");
        assertThat(h.orderName()).isEqualTo("add_to_cart");
        assertThat(h.wayIn()).isEqualTo(WayIn.API);
    }

    @Test
    void aConversionWithoutOrderIdClaimsNoOrder() {
        TrackedConversion c = new TrackedConversion("c-2", "v-1", AT, 3, new BigDecimal("5.00"), "EUR", null,
                null);

        ValidHit h = ApiEvents.prepare(c, HitValidatorTest.RULES).hit();

        assertThat(h.orderName()).isNull();
        assertThat(h.dedupeKey()).isNull();
        assertThat(new TenantBatch("t1", List.of(Prepared.valid(h))).orderKeysToClaim()).isEmpty();
    }
}
