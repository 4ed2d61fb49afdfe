package io.tracker.interfaces.tracking.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PixelQueryTest {

    @Test
    void valuesAreDecodedExactlyOnce() {
        PixelQuery.Pixel p = PixelQuery.read("k=site_1&utm_source=Android%20App&utm_medium=no%2520code"
                + "&utm_term=a+b%2Bc&utm_campaign=%C3%A9t%C3%A9&gclid=Cj0_X", null, "UA", false);
        assertThat(p.siteKey()).isEqualTo("site_1");
        CollectedHit hit = p.hit();
        assertThat(hit.wayIn()).isEqualTo(WayIn.PIXEL);
        assertThat(hit.type()).isEqualTo(HitType.PAGE_VIEW);
        assertThat(hit.utm()).isEqualTo(new Utm("Android App", "no%20code", "été", "a b+c", null));
        assertThat(hit.clickIds()).isEqualTo(new ClickIds("Cj0_X", null, null, null, null, null, null, null));
        assertThat(hit.userAgent()).isEqualTo("UA");
    }

    @Test
    void theUrlDefaultsToTheRefererAndAConversionMapsEveryField() {
        PixelQuery.Pixel p = PixelQuery.read("k=s&type=conversion&action=purchase&value=59.90&currency=EUR"
                + "&order_id=A-1001&vid=V1&id=E1&consent=granted&ref=https%3A%2F%2Fmail.example%2F", "https://shop.example/thanks",
                null, true);
        CollectedHit hit = p.hit();
        assertThat(hit.type()).isEqualTo(HitType.CONVERSION);
        assertThat(hit.url()).isEqualTo("https://shop.example/thanks");
        assertThat(hit.referrer()).isEqualTo("https://mail.example/");
        assertThat(hit.actionKey()).isEqualTo("purchase");
        assertThat(hit.value()).isEqualByComparingTo(new BigDecimal("59.90"));
        assertThat(hit.currency()).isEqualTo("EUR");
        assertThat(hit.orderId()).isEqualTo("A-1001");
        assertThat(hit.visitorId()).isEqualTo("V1");
        assertThat(hit.eventId()).isEqualTo("E1");
        assertThat(hit.prefetch()).isTrue();
        assertThat(p.consent()).isEqualTo("granted");
        assertThat(PixelQuery.read("k=s&url=https%3A%2F%2Fa.example%2Fx", "https://ref.example/", null, false)
                .hit().url()).isEqualTo("https://a.example/x");
    }

    @Test
    void aLandingPageViewStartsAVisitAndOtherPageViewsDoNot() {
        assertThat(Landing.startingVisit(PixelQuery.read("k=s&url=https%3A%2F%2Fshop.example%2F%3Futm_source%3Dnewsletter",
                null, null, false).hit()).startsVisit()).isTrue();
        assertThat(Landing.startingVisit(PixelQuery.read("k=s&gbraid=G", null, null, false).hit()).startsVisit()).isTrue();
        assertThat(Landing.startingVisit(PixelQuery.read("k=s&url=https%3A%2F%2Fshop.example%2Fp", null, null, false)
                .hit()).startsVisit()).isFalse();
        assertThat(Landing.startingVisit(PixelQuery.read("k=s&type=event&name=email_open&utm_source=x", null, null, false)
                .hit()).startsVisit()).isFalse();
    }

    @Test
    void missingOrMalformedParametersAreNamed() {
        assertThatThrownBy(() -> PixelQuery.read(null, null, null, false)).hasMessageStartingWith("k: the site key is missing");
        assertThatThrownBy(() -> PixelQuery.read("type=event", null, null, false)).hasMessageStartingWith("k:");
        assertThatThrownBy(() -> PixelQuery.read("k=s&type=identify", null, null, false))
                .hasMessage("type must be page_view, event or conversion, not \"identify\"");
        assertThatThrownBy(() -> PixelQuery.read("k=s&utm_source=%zz", null, null, false))
                .hasMessageStartingWith("utm_source is malformed");
        assertThatThrownBy(() -> PixelQuery.read("k=s&gclid=ab%4", null, null, false))
                .hasMessageStartingWith("gclid is malformed");
        assertThatThrownBy(() -> PixelQuery.read("k=s&utm_source=%FF", null, null, false))
                .hasMessage("utm_source is malformed: its escapes are not UTF-8");
        assertThatThrownBy(() -> PixelQuery.read("k=s&type=conversion&value=12,50", null, null, false))
                .hasMessageStartingWith("value must be a decimal number");
    }

    @Test
    void theFirstOccurrenceWinsAndEmptyValuesAreAbsent() {
        CollectedHit hit = PixelQuery.read("k=s&UTM_SOURCE=first&utm_source=second&utm_medium=&&x", null, null, false).hit();
        assertThat(hit.utm().source()).isEqualTo("first");
        assertThat(hit.utm().medium()).isNull();
    }

    @Test
    void theGifIsTheDocumented43Bytes() {
        assertThat(PixelServlet.GIF).hasSize(43);
        assertThat(new String(PixelServlet.GIF, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(PixelServlet.GIF[42]).isEqualTo((byte) 0x3b);
    }

    @Test
    void dbgNamesTheDebugSession() {
        assertThat(PixelQuery.read("k=s&dbg=dbg_abcdefghijklmnopqrstuv", null, null, false).debug())
                .isEqualTo("dbg_abcdefghijklmnopqrstuv");
        assertThat(PixelQuery.read("k=s", null, null, false).debug()).isNull();
    }
}
