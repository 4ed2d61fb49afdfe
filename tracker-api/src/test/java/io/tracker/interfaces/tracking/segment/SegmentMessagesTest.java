package io.tracker.interfaces.tracking.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.conversion.ledger.Adjustment;
import io.tracker.domain.conversion.ledger.Change;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import io.tracker.interfaces.tracking.segment.SegmentMessages.Hits;
import io.tracker.interfaces.tracking.segment.SegmentMessages.Ignored;
import io.tracker.interfaces.tracking.segment.SegmentMessages.Mapped;
import io.tracker.interfaces.tracking.segment.SegmentMessages.Rejected;
import io.tracker.interfaces.tracking.segment.SegmentMessages.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentMessagesTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-20T12:00:10Z");

    @Test
    void pageWithCampaignStartsAVisit() {
        Hits h = hits(map("""
                {"type":"page","messageId":"m-1","anonymousId":"anon-1","timestamp":"2026-11-20T10:00:00+01:00",
                 "context":{"campaign":{"name":"spring","source":"newsletter","medium":"email","term":"tents",
                   "content":"hero"},"page":{"url":"https://shop.example/landing","referrer":"https://mail.example/"},
                   "userAgent":"Mozilla/5.0","ip":"203.0.113.9"}}"""));
        assertThat(h.hits()).hasSize(1);
        CollectedHit hit = h.hits().get(0);
        assertThat(hit.wayIn()).isEqualTo(WayIn.SEGMENT);
        assertThat(hit.type()).isEqualTo(HitType.PAGE_VIEW);
        assertThat(hit.startsVisit()).isTrue();
        assertThat(hit.eventId()).isEqualTo("m-1");
        assertThat(hit.visitorId()).isEqualTo("anon-1");
        assertThat(hit.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(hit.utm()).isEqualTo(new Utm("newsletter", "email", "spring", "tents", "hero"));
        assertThat(hit.url()).isEqualTo("https://shop.example/landing");
        assertThat(hit.referrer()).isEqualTo("https://mail.example/");
        assertThat(hit.userAgent()).isEqualTo("Mozilla/5.0");
        assertThat(hit.sessionId()).isNull();
    }

    @Test
    void pageStartsAVisitOnlyWithCampaignInformation() {
        CollectedHit plain = own(map("""
                {"type":"page","anonymousId":"a","properties":{"url":"https://shop.example/boots?size=42"}}"""));
        assertThat(plain.startsVisit()).isFalse();
        assertThat(plain.url()).isEqualTo("https://shop.example/boots?size=42");
        CollectedHit utmInUrl = own(map("""
                {"type":"page","anonymousId":"a","properties":{"url":"https://shop.example/?utm_source=ads"}}"""));
        assertThat(utmInUrl.startsVisit()).isTrue();
        CollectedHit clickId = own(map("""
                {"type":"page","anonymousId":"a","context":{"page":{"url":"https://shop.example/?gclid=TeSt"}}}"""));
        assertThat(clickId.startsVisit()).isTrue();
        CollectedHit emptyUtm = own(map("""
                {"type":"page","anonymousId":"a","properties":{"url":"https://shop.example/?utm_source="}}"""));
        assertThat(emptyUtm.startsVisit()).isFalse();
    }

    @Test
    void orderCompletedIsAPurchaseConversion() {
        CollectedHit hit = own(map("""
                {"type":"track","event":"Order Completed","anonymousId":"a","messageId":"m-2",
                 "properties":{"order_id":1001,"revenue":129.9,"total":140,"currency":"EUR"}}"""));
        assertThat(hit.type()).isEqualTo(HitType.CONVERSION);
        assertThat(hit.actionKey()).isEqualTo("purchase");
        assertThat(hit.value()).isEqualByComparingTo(new BigDecimal("129.90"));
        assertThat(hit.currency()).isEqualTo("EUR");
        assertThat(hit.orderId()).isEqualTo("1001");
        assertThat(hit.propertiesJson()).contains("\"order_id\":1001").contains("\"revenue\":129.9");
        assertThat(hit.sentEventName()).as("for an action triggered by the name as sent").isEqualTo("Order Completed");

        CollectedHit total = own(map("""
                {"type":"track","event":"Order Completed","anonymousId":"a","properties":{"order_id":"A-7","total":"59.50"}}"""));
        assertThat(total.value()).isEqualByComparingTo(new BigDecimal("59.50"));
        assertThat(total.orderId()).isEqualTo("A-7");
        CollectedHit value = own(map("""
                {"type":"track","event":"Order Completed","anonymousId":"a","properties":{"value":12}}"""));
        assertThat(value.value()).isEqualByComparingTo(new BigDecimal("12"));
    }

    @Test
    void otherTrackCallsAreEventsInSnakeCase() {
        CollectedHit added = own(map("""
                {"type":"track","event":"Product Added","anonymousId":"a","properties":{"sku":"TENT-2","price":99}}"""));
        assertThat(added.type()).isEqualTo(HitType.EVENT);
        assertThat(added.eventName()).isEqualTo("add_to_cart");
        assertThat(added.sentEventName()).isEqualTo("Product Added");
        assertThat(added.propertiesJson()).isEqualTo("{\"sku\":\"TENT-2\",\"price\":99}");
        assertThat(own(map("""
                {"type":"track","event":"Wishlist Shared","anonymousId":"a"}""")).eventName()).isEqualTo("wishlist_shared");
    }

    @Test
    void identifyHashesTheNormalisedEmail() {
        CollectedHit hit = own(map("""
                {"type":"identify","anonymousId":"a","userId":"cust-7","traits":{"email":"  Jane@Example.COM ","name":"Jane"}}"""));
        assertThat(hit.type()).isEqualTo(HitType.IDENTIFY);
        assertThat(hit.userId()).isEqualTo("cust-7");
        // echo -n "jane@example.com" | sha256sum
        assertThat(hit.emailSha256()).isEqualTo("8c87b489ce35cf2e2f39f80e282cb2e804932a56a213983eeeb428407d43b52d");
        assertThat(hit.propertiesJson()).isNull();
        assertThat(hit.toString()).doesNotContainIgnoringCase("jane@example.com");
    }

    @Test
    void anEmailPropertyIsStoredOnlyAsItsHash() {
        CollectedHit hit = own(map("""
                {"type":"track","event":"Signed Up","anonymousId":"a","properties":{"type":"organic",
                 "Email":" Jane@Example.COM","plan":"pro"}}"""));
        assertThat(hit.propertiesJson()).isEqualTo("{\"type\":\"organic\",\"plan\":\"pro\",\"email_sha256\":"
                + "\"8c87b489ce35cf2e2f39f80e282cb2e804932a56a213983eeeb428407d43b52d\"}");
    }

    @Test
    void everyEmailKeyInAnyCaseIsRemovedAndOneHashKept() {
        CollectedHit hit = own(map("""
                {"type":"track","event":"Signed Up","anonymousId":"a","properties":{"email":"jane@example.com",
                 "EMAIL":"jane@example.com","plan":"pro"}}"""));
        assertThat(hit.propertiesJson()).isEqualTo("{\"plan\":\"pro\",\"email_sha256\":"
                + "\"8c87b489ce35cf2e2f39f80e282cb2e804932a56a213983eeeb428407d43b52d\"}");
    }

    @Test
    void aUserIdLinksTheVisitorAndStandsInForAMissingAnonymousId() {
        Hits h = hits(map("""
                {"type":"track","event":"Order Completed","userId":"cust-7","properties":{"order_id":"A-1","revenue":10}}"""));
        assertThat(h.hits()).hasSize(2);
        assertThat(h.hits().get(0).visitorId()).isEqualTo("segment-user:cust-7");
        CollectedHit link = h.hits().get(1);
        assertThat(link.type()).isEqualTo(HitType.IDENTIFY);
        assertThat(link.visitorId()).isEqualTo("segment-user:cust-7");
        assertThat(link.userId()).isEqualTo("cust-7");
        assertThat(link.eventId()).isNull();

        Hits both = hits(map("""
                {"type":"page","anonymousId":"anon-9","userId":"cust-7"}"""));
        assertThat(both.hits()).extracting(CollectedHit::visitorId).containsExactly("anon-9", "anon-9");
        assertThat(both.hits().get(1).userId()).isEqualTo("cust-7");
    }

    @Test
    void timeFollowsSegmentsRules() throws Exception {
        assertThat(SegmentMessages.time(node("""
                {"timestamp":"2026-11-20T11:00:00Z","originalTimestamp":"2026-11-20T10:00:00Z","sentAt":"2026-11-20T10:00:01Z"}"""),
                null, RECEIVED)).as("timestamp wins").isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
        // the device clock is 5 s and 10 s behind: sent 5 s after it happened, received at 12:00:10
        assertThat(SegmentMessages.time(node("""
                {"originalTimestamp":"2026-11-20T11:59:55Z","sentAt":"2026-11-20T12:00:00Z"}"""), null, RECEIVED))
                .isEqualTo(Instant.parse("2026-11-20T12:00:05Z"));
        assertThat(SegmentMessages.time(node("""
                {"originalTimestamp":"2026-11-20T11:59:55Z"}"""), "2026-11-20T12:00:00Z", RECEIVED))
                .as("the batch's sentAt").isEqualTo(Instant.parse("2026-11-20T12:00:05Z"));
        assertThat(SegmentMessages.time(node("""
                {"originalTimestamp":"2026-11-20T11:59:55Z"}"""), null, RECEIVED))
                .isEqualTo(Instant.parse("2026-11-20T11:59:55Z"));
        assertThat(SegmentMessages.time(node("{}"), null, RECEIVED)).isEqualTo(RECEIVED);
        assertThatThrownBy(() -> SegmentMessages.time(node("""
                {"originalTimestamp":"-999999999-01-01T00:00:00Z","sentAt":"+999999999-12-31T23:59:59Z"}"""), null, RECEIVED))
                .as("clocks too far apart are the message's mistake, not a server error")
                .isInstanceOf(SegmentMessages.Invalid.class).hasMessageContaining("too far apart");
    }

    @Test
    void batchContextIsMergedUnderTheMessages() throws Exception {
        ObjectNode batchContext = node("""
                {"userAgent":"Mozilla/5.0 (X11; Linux x86_64)","library":{"name":"analytics-java"}}""");
        CollectedHit hit = own(SegmentMessages.map(node("""
                {"type":"page","anonymousId":"a","context":{"page":{"url":"https://shop.example/"}}}"""),
                null, batchContext, null, RECEIVED));
        assertThat(hit.userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(hit.url()).isEqualTo("https://shop.example/");
    }

    @Test
    void theSingleCallsPathNamesTheType() throws Exception {
        CollectedHit hit = own(SegmentMessages.map(node("""
                {"event":"Signed Up","anonymousId":"a"}"""), Type.TRACK, null, null, RECEIVED));
        assertThat(hit.eventName()).isEqualTo("sign_up");
    }

    @Test
    void ignoredAndRejectedMessages() {
        assertThat(map("{\"type\":\"screen\",\"anonymousId\":\"a\",\"name\":\"Home\"}")).isInstanceOf(Ignored.class);
        assertThat(map("{\"type\":\"group\",\"userId\":\"u\",\"groupId\":\"g\"}")).isInstanceOf(Ignored.class);
        assertThat(map("{\"type\":\"alias\",\"userId\":\"u\",\"previousId\":\"p\"}")).isInstanceOf(Ignored.class);
        assertThat(reason("{\"type\":\"track\",\"event\":\"x\"}")).contains("anonymousId or a userId");
        assertThat(reason("{\"type\":\"page\",\"anonymousId\":\"a\",\"userId\":\"" + "u".repeat(201) + "\"}"))
                .contains("userId is longer than 200");
        assertThat(reason("{\"type\":\"bogus\",\"anonymousId\":\"a\"}")).contains("unknown type");
        assertThat(reason("{\"anonymousId\":\"a\"}")).contains("no \"type\"");
        assertThat(reason("{\"type\":\"track\",\"anonymousId\":\"a\"}")).contains("needs an \"event\"");
        assertThat(reason("{\"type\":\"track\",\"event\":\"!!\",\"anonymousId\":\"a\"}")).contains("no letter or digit");
        assertThat(reason("{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"yesterday\"}"))
                .contains("timestamp").contains("ISO-8601");
        assertThat(reason("{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\","
                + "\"properties\":{\"revenue\":\"lots\"}}")).contains("properties.revenue is not a number");
        assertThat(reason("{\"type\":\"track\",\"event\":\"x\",\"anonymousId\":\"a\","
                + "\"properties\":{\"big\":1e999999}}")).contains("out of range");
    }

    @Test
    void anOrderRefundIsALedgerAdjustmentAtTheMessagesTime() {
        Mapped m = map("""
                {"type":"track","event":"Order Refunded","messageId":"r-1","anonymousId":"a",
                 "timestamp":"2026-11-20T10:00:00Z","properties":{"order_id":"A-1","total":40,"currency":"usd"}}""");
        assertThat(m).isEqualTo(new SegmentMessages.Adjust(new Adjustment("A-1", "purchase",
                new Change.Refund(new BigDecimal("40")), "USD", Instant.parse("2026-11-20T10:00:00Z"))));
        Adjustment negative = ((SegmentMessages.Adjust) map("""
                {"type":"track","event":"Order Refunded","anonymousId":"a","timestamp":"2026-11-20T10:00:00Z",
                 "properties":{"order_id":7,"revenue":"-12.5"}}""")).adjustment();
        assertThat(negative.orderId()).isEqualTo("7");
        assertThat(negative.change()).isEqualTo(new Change.Refund(new BigDecimal("12.50")));
        Adjustment all = ((SegmentMessages.Adjust) map("""
                {"type":"track","event":"Order Refunded","anonymousId":"a","timestamp":"2026-11-20T10:00:00Z",
                 "properties":{"order_id":"A-1"}}""")).adjustment();
        assertThat(all.change()).isEqualTo(new Change.Refund(null));
        Adjustment cancelled = ((SegmentMessages.Adjust) map("""
                {"type":"track","event":"Order Cancelled","anonymousId":"a","timestamp":"2026-11-20T10:00:00Z",
                 "properties":{"order_id":"A-1","total":99}}""")).adjustment();
        assertThat(cancelled.change()).isEqualTo(new Change.Retract());
    }

    @Test
    void anOrderRefundNeedsAnOrderIdAndAnAmountThatIsANumber() {
        assertThat(map("""
                {"type":"track","event":"Order Refunded","anonymousId":"a","properties":{"total":4}}"""))
                .isEqualTo(new Rejected("'Order Refunded' needs properties.order_id: the order to adjust"));
        assertThat(map("""
                {"type":"track","event":"Order Refunded","anonymousId":"a","properties":{"order_id":"A","total":"x"}}"""))
                .isInstanceOf(Rejected.class);
        assertThat(map("""
                {"type":"track","event":"Order Refunded","anonymousId":"a","properties":{"order_id":"A","total":0}}"""))
                .isEqualTo(new Rejected("properties.total is 0: nothing was refunded"));
    }

    private static Mapped map(String json) {
        try {
            return SegmentMessages.map(node(json), null, null, null, RECEIVED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode node(String json) throws Exception {
        return (ObjectNode) SegmentJson.MAPPER.readTree(json);
    }

    private static Hits hits(Mapped m) {
        assertThat(m).isInstanceOf(Hits.class);
        return (Hits) m;
    }

    private static CollectedHit own(Mapped m) {
        List<CollectedHit> hits = hits(m).hits();
        return hits.get(0);
    }

    private static String reason(String json) {
        Mapped m = map(json);
        assertThat(m).isInstanceOf(Rejected.class);
        return ((Rejected) m).reason();
    }
}
