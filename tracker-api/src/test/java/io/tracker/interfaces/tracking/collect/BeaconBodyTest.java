package io.tracker.interfaces.tracking.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeaconBodyTest {

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36";

    private static BeaconBody.Envelope read(String json) {
        return BeaconBody.read(json.getBytes(StandardCharsets.UTF_8), UA, false);
    }

    @Test
    void theReadmeExampleMapsFieldByField() {
        BeaconBody.Envelope e = read("""
                {"v":1,"site":"site_abc","hits":[
                 {"type":"page_view","id":"p1","t":"2026-11-20T09:00:00.123Z","consent":"none",
                  "vid":"V","sid":"S","ss":true,"url":"https://shop.example/?utm_source=newsletter&gclid=TEST",
                  "ref":"https://www.google.com/","utm":{"source":"newsletter","medium":"email"},"click":{"gclid":"TEST","wbraid":"W"}},
                 {"type":"event","id":"e1","t":"2026-11-20T09:00:01Z","consent":"granted","vid":"V","sid":"S",
                  "url":"u","name":"add_to_cart","props":{"sku":"TENT-2","price":129.9}},
                 {"type":"conversion","id":"c1","vid":"V","sid":"S","url":"u","action":"purchase","value":129.9,
                  "currency":"EUR","order_id":"A-1001"},
                 {"type":"identify","id":"i1","vid":"V","user_id":"cust-7","email_sha256":"ab"}]}""");
        assertThat(e.siteKey()).isEqualTo("site_abc");
        List<CollectedHit> hits = e.items().stream().map(BeaconBody.Item::hit).toList();

        CollectedHit view = hits.get(0);
        assertThat(view.wayIn()).isEqualTo(WayIn.TAG);
        assertThat(view.type()).isEqualTo(HitType.PAGE_VIEW);
        assertThat(view.eventId()).isEqualTo("p1");
        assertThat(view.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00.123Z"));
        assertThat(view.visitorId()).isEqualTo("V");
        assertThat(view.sessionId()).isEqualTo("S");
        assertThat(view.startsVisit()).isTrue();
        assertThat(view.url()).isEqualTo("https://shop.example/?utm_source=newsletter&gclid=TEST");
        assertThat(view.referrer()).isEqualTo("https://www.google.com/");
        assertThat(view.utm()).isEqualTo(new Utm("newsletter", "email", null, null, null));
        assertThat(view.clickIds()).isEqualTo(new ClickIds("TEST", null, "W", null, null, null, null, null));
        assertThat(view.userAgent()).isEqualTo(UA);
        assertThat(view.prefetch()).isFalse();
        assertThat(e.items().get(0).consent()).isEqualTo("none");

        CollectedHit event = hits.get(1);
        assertThat(event.type()).isEqualTo(HitType.EVENT);
        assertThat(event.eventName()).isEqualTo("add_to_cart");
        assertThat(event.propertiesJson()).isEqualTo("{\"sku\":\"TENT-2\",\"price\":129.9}");
        assertThat(event.startsVisit()).isFalse();
        assertThat(e.items().get(1).consent()).isEqualTo("granted");

        CollectedHit conversion = hits.get(2);
        assertThat(conversion.type()).isEqualTo(HitType.CONVERSION);
        assertThat(conversion.actionKey()).isEqualTo("purchase");
        assertThat(conversion.value()).isEqualByComparingTo(new BigDecimal("129.9"));
        assertThat(conversion.currency()).isEqualTo("EUR");
        assertThat(conversion.orderId()).isEqualTo("A-1001");
        assertThat(conversion.occurredAt()).isNull();
        assertThat(e.items().get(2).consent()).isNull();

        CollectedHit identify = hits.get(3);
        assertThat(identify.type()).isEqualTo(HitType.IDENTIFY);
        assertThat(identify.userId()).isEqualTo("cust-7");
        assertThat(identify.emailSha256()).isEqualTo("ab");
    }

    @Test
    void aCheckoutCarriesItsCartForSmsRecovery() {
        BeaconBody.Envelope e = read("""
                {"v":1,"site":"s","hits":[
                 {"type":"conversion","action":"checkout_started","value":129.9,"restore_url":"https://shop.example/cart?id=7",
                  "phone":"+1 800 555 0101","sms_consent":true,"tz":"Europe/Paris"},
                 {"type":"conversion","action":"checkout_started","sms_consent":"yes"},
                 {"type":"conversion","action":"purchase"}]}""");
        assertThat(e.items().get(0).hit().checkout()).isEqualTo(new io.tracker.application.tracking.collection.CheckoutDetails(
                "https://shop.example/cart?id=7", "+1 800 555 0101", true, "Europe/Paris"));
        assertThat(e.items().get(1).rejection()).isEqualTo("sms_consent must be true or false, not \"yes\"");
        assertThat(e.items().get(2).hit().checkout()).isNull();
    }

    @Test
    void aBadHitIsRejectedAloneNamingItsField() {
        BeaconBody.Envelope e = read("""
                {"v":1,"site":"s","hits":[{"type":"page_view"},{"type":"click"},{"type":"event","name":7},
                 {"type":"page_view","t":"yesterday"},[1],{"type":"page_view","utm":{"source":1}},
                 {"type":"conversion","value":"12"},{"type":"page_view","ss":"yes"},{}]}""");
        assertThat(e.items()).extracting(BeaconBody.Item::rejection).containsExactly(null,
                "type must be page_view, event, conversion or identify, not \"click\"",
                "name must be a string, not 7",
                "t must be an ISO-8601 time such as 2026-11-20T09:00:00.123Z, not \"yesterday\"",
                "a hit must be a JSON object",
                "utm.source must be a string, not 1",
                "value must be a JSON number such as 129.9, not \"12\"",
                "ss must be true or false, not \"yes\"",
                "type is missing (page_view, event, conversion or identify)");
    }

    @Test
    void theEnvelopeIsCheckedFieldByField() {
        assertThatThrownBy(() -> read("{\"v\":1,\"site\":\"s\",\"hits\":[")).isInstanceOf(BeaconBody.BadBeacon.class)
                .hasMessageStartingWith("the body is not a JSON document");
        assertThatThrownBy(() -> read("[]")).hasMessageStartingWith("the body must be a JSON object");
        assertThatThrownBy(() -> read("{\"v\":2,\"site\":\"s\",\"hits\":[]}")).hasMessage("v must be 1, not 2");
        assertThatThrownBy(() -> read("{\"site\":\"s\",\"hits\":[]}")).hasMessage("v must be 1 (it is missing)");
        assertThatThrownBy(() -> read("{\"v\":1,\"hits\":[]}")).hasMessageStartingWith("site must be");
        assertThatThrownBy(() -> read("{\"v\":1,\"site\":5,\"hits\":[]}")).hasMessageStartingWith("site must be");
        assertThatThrownBy(() -> read("{\"v\":1,\"site\":\"s\",\"hits\":{}}")).hasMessageStartingWith("hits must be");
        String many = "{\"v\":1,\"site\":\"s\",\"hits\":[" + "{},".repeat(Collector.MAX_HITS_PER_CALL) + "{}]}";
        assertThatThrownBy(() -> read(many)).hasMessage("hits holds " + (Collector.MAX_HITS_PER_CALL + 1)
                + " hits; at most " + Collector.MAX_HITS_PER_CALL + " fit in one beacon");
        byte[] latin1 = "{\"v\":1,\"site\":\"s\u00e9\",\"hits\":[]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> BeaconBody.read(latin1, null, false)).hasMessageContaining("UTF-8");
    }

    @Test
    void aCookielessLandingStartsAVisitAndOtherHitsDoNot() {
        List<CollectedHit> hits = read("""
                {"v":1,"site":"s","hits":[
                 {"type":"page_view","url":"https://shop.example/?utm_source=newsletter"},
                 {"type":"page_view","utm":{"campaign":"spring"}},
                 {"type":"page_view","url":"https://shop.example/product"},
                 {"type":"page_view","vid":"V","url":"https://shop.example/?utm_source=newsletter"},
                 {"type":"event","name":"x","url":"https://shop.example/?utm_source=newsletter"}]}""")
                .items().stream().map(BeaconBody.Item::hit).map(Landing::cookieless).toList();
        assertThat(hits).extracting(CollectedHit::startsVisit).containsExactly(true, true, false, false, false);
    }

    @Test
    void theDebugSessionIdIsAnEnvelopeFieldAndMustBeAString() {
        assertThat(BeaconBody.read("{\"v\":1,\"site\":\"s\",\"hits\":[],\"dbg\":\"dbg_abcdefghijklmnopqrstuv\"}"
                .getBytes(StandardCharsets.UTF_8), UA, false).debug()).isEqualTo("dbg_abcdefghijklmnopqrstuv");
        assertThat(BeaconBody.read("{\"v\":1,\"site\":\"s\",\"hits\":[]}".getBytes(StandardCharsets.UTF_8), UA, false)
                .debug()).isNull();
        assertThatThrownBy(() -> BeaconBody.read("{\"v\":1,\"site\":\"s\",\"hits\":[],\"dbg\":1}"
                .getBytes(StandardCharsets.UTF_8), UA, false)).hasMessageContaining("dbg");
    }
}
