package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conversion ledger end to end: seven purchases, each after a visit from a campaign of its own, come in
 * through the events API and are attributed; then a partial refund and a cancellation each through the JSON
 * API, the CSV import and Segment. Afterwards the summary's revenue is net (computed by hand below), its gross
 * revenue is the original sum, the last-click campaign revenue drops by exactly what each order lost, re-sent
 * adjustments change nothing, bad items are reported beside the good ones, and another client's key cannot
 * touch these orders.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversionLedgerIT {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Duration WORKER = Duration.ofSeconds(90);

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    /** A purchase: order id, value, its visitor's campaign. */
    private record Order(String id, String value, String campaign) {
    }

    private static final List<Order> ORDERS = List.of(
            new Order("O-1", "100.00", "alpha"),   // JSON: partial refund, RESTATE to 60, later to 55
            new Order("O-2", "50.00", "beta"),     // JSON: RETRACT
            new Order("O-3", "80.00", "gamma"),    // CSV: RESTATE to 30
            new Order("O-4", "70.00", "delta"),    // CSV: RETRACT
            new Order("O-5", "120.00", "epsilon"), // Segment: Order Refunded of 20, so 100
            new Order("O-6", "40.00", "zeta"),     // Segment: Order Cancelled
            new Order("O-7", "200.00", "eta"));    // untouched (the bad items and the other client aim at it)

    @Test
    void refundsAndCancellationsMakeNetRevenueWhileGrossKeepsTheOriginal() {
        TestTenant tenant = api.createTenant("ledger", LA, "USD");
        LocalDate day = LocalDate.now(LA).minusDays(1);
        Instant noon = day.atTime(LocalTime.NOON).atZone(LA).toInstant();
        List<JsonValue> events = new ArrayList<>();
        for (int i = 0; i < ORDERS.size(); i++) {
            Order o = ORDERS.get(i);
            String visitor = "ledger-v" + i;
            events.add(touch("t-" + o.id(), visitor, noon.minusSeconds(3_600).toString(), "utm_source", "google",
                    "utm_medium", "cpc", "utm_campaign", o.campaign()));
            events.add(conversion("c-" + o.id(), visitor, noon.plusSeconds(i).toString(), "purchase", o.value(), o.id()));
        }
        ApiResponse sent = api.postEvents(tenant.apiKey(), batch(events));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().getInt("accepted")).as(sent.toString()).isEqualTo(events.size());
        api.awaitAttribution(tenant);
        String d = day.toString();
        Map<String, BigDecimal> original = new TreeMap<>();
        ORDERS.forEach(o -> original.put(o.campaign(), new BigDecimal(o.value())));
        assertThat(campaignRevenue(tenant, d)).isEqualTo(original);
        assertThat(api.summary(tenant, d, d).getJsonNumber("revenue").bigDecimalValue())
                .isEqualByComparingTo("660.00");

        String at = noon.plusSeconds(3_600).toString();
        // JSON: the partial refund and the cancellation, beside three bad items aimed at O-7
        String json = "{\"adjustments\":["
                + "{\"order_id\":\"O-1\",\"action\":\"purchase\",\"type\":\"RESTATE\",\"value\":60.00,"
                + "\"currency\":\"USD\",\"time\":\"" + at + "\"},"
                + "{\"order_id\":\"O-2\",\"action\":\"purchase\",\"type\":\"RETRACT\",\"time\":\"" + at + "\"},"
                + "{\"order_id\":\"NO-SUCH\",\"action\":\"purchase\",\"type\":\"RESTATE\",\"value\":1,\"time\":\"" + at + "\"},"
                + "{\"order_id\":\"O-7\",\"action\":\"purchase\",\"type\":\"RESTATE\",\"value\":-5,\"time\":\"" + at + "\"},"
                + "{\"order_id\":\"O-7\",\"action\":\"purchase\",\"type\":\"RESTATE\",\"value\":5,"
                + "\"time\":\"2026-12-1 9:05:00\"}]}";
        JsonObject r = adjust(tenant, json);
        assertThat(counts(r, "received")).isEqualTo(List.of(5, 2, 0, 3));
        Map<Integer, String> errors = errors(r, "index");
        assertThat(errors.keySet()).containsExactly(2, 3, 4);
        assertThat(errors.get(2)).startsWith("order_id: no conversion of 'purchase' has the order id 'NO-SUCH'");
        assertThat(errors.get(3)).startsWith("value: '-5' is negative");
        assertThat(errors.get(4)).startsWith("time: '2026-12-1 9:05:00' is not a time");
        JsonObject again = adjust(tenant, json);
        assertThat(counts(again, "received")).as("sent again: nothing changes").isEqualTo(List.of(5, 0, 2, 3));
        // A second restatement of O-1 (gross must still be its first value), and one dated before the
        // order's latest adjustment, which would overwrite a newer value: refused
        JsonObject second = adjust(tenant, "{\"adjustments\":["
                + "{\"order_id\":\"O-1\",\"type\":\"RESTATE\",\"value\":\"55\",\"time\":\""
                + noon.plusSeconds(4 * 3_600) + "\"},"
                + "{\"order_id\":\"O-1\",\"type\":\"RESTATE\",\"value\":70,\"time\":\""
                + noon.plusSeconds(1_800) + "\"}]}");
        assertThat(counts(second, "received")).isEqualTo(List.of(2, 1, 0, 1));
        assertThat(errors(second, "index").get(1)).startsWith("time: ").contains("latest adjustment");

        // CSV: local times in the tenant's zone; a restatement of the order retracted above; an unpadded time
        String local = LocalDateTime.ofInstant(noon.plusSeconds(7_200), LA)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String csv = "order_id,action,type,value,currency,time\n"
                + "O-3,purchase,RESTATE,30.00,USD," + local + "\n"
                + "O-4,purchase,RETRACT,70.00,," + local + "\n"
                + "O-2,purchase,RESTATE,10.00,USD," + local + "\n"
                + "O-7,purchase,RESTATE,5.00,USD,2026-12-1 9:05:00\n";
        JsonObject imported = importCsv(tenant, csv);
        assertThat(counts(imported, "rows")).isEqualTo(List.of(4, 2, 0, 2));
        Map<Integer, String> lines = errors(imported, "line");
        assertThat(lines.keySet()).as("the header is line 1").containsExactly(4, 5);
        assertThat(lines.get(4)).contains("was retracted").contains("cannot be adjusted again");
        assertThat(lines.get(5)).startsWith("time: '2026-12-1 9:05:00' is not a time");
        assertThat(counts(importCsv(tenant, csv), "rows")).as("re-uploaded: nothing twice")
                .isEqualTo(List.of(4, 0, 2, 2));

        // Segment: a refund of 20 of O-5, O-6 cancelled, and a refund of an order this client does not have
        String segmentAt = noon.plusSeconds(10_800).toString();
        String messages = track("r-5", "Order Refunded", segmentAt, "\"order_id\":\"O-5\",\"total\":20,\"currency\":\"USD\"")
                + "," + track("x-6", "Order Cancelled", segmentAt, "\"order_id\":\"O-6\"")
                + "," + track("r-unknown", "Order Refunded", segmentAt, "\"order_id\":\"UNKNOWN-1\",\"total\":5");
        for (int round = 0; round < 2; round++) {
            JsonObject answer = segment(tenant, messages);
            assertThat(answer.getBoolean("success")).as(answer.toString()).isFalse();
            assertThat(answer.getInt("accepted")).as("round %d: %s", round, answer).isEqualTo(2);
            JsonObject rejected = answer.getJsonArray("rejected").getJsonObject(0);
            assertThat(answer.getJsonArray("rejected")).hasSize(1);
            assertThat(rejected.getInt("index")).isEqualTo(2);
            assertThat(rejected.getString("messageId")).isEqualTo("r-unknown");
            assertThat(rejected.getString("reason")).contains("no conversion of 'purchase' has the order id 'UNKNOWN-1'");
        }

        // Another client's write key: this client's order is not found there, and stays as it was
        TestTenant other = api.createTenant("ledger other", LA, "USD");
        JsonObject theirs = adjust(other, "{\"adjustments\":[{\"order_id\":\"O-7\",\"type\":\"RETRACT\",\"time\":\""
                + at + "\"}]}");
        assertThat(counts(theirs, "received")).isEqualTo(List.of(1, 0, 0, 1));
        assertThat(errors(theirs, "index").get(0)).startsWith("order_id: no conversion of 'purchase' has the order id 'O-7'");
        assertThat(counts(importCsv(other, "order_id,type,time\nO-7,RETRACT," + at + "\n"), "rows"))
                .isEqualTo(List.of(1, 0, 0, 1));
        assertThat(segment(other, track("o-7", "Order Cancelled", segmentAt, "\"order_id\":\"O-7\""))
                .getString("detail")).contains("no conversion");

        // Net by hand: O-1 55 + O-3 30 + O-5 100 + O-7 200; O-2, O-4 and O-6 are gone. Gross: the original 660.
        JsonObject summary = api.summary(tenant, d, d);
        assertThat(summary.getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo("385.00");
        assertThat(summary.getJsonNumber("conversions").longValue()).isEqualTo(4);
        assertThat(summary.containsKey("gross_revenue")).as("gross only on request").isFalse();
        JsonObject gross = ok(api.get("api/v1/reports/summary?from=" + d + "&to=" + d + "&revenue=gross",
                tenant.apiKey()));
        assertThat(gross.getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo("385.00");
        assertThat(gross.getJsonNumber("gross_revenue").bigDecimalValue()).isEqualByComparingTo("660.00");
        assertThat(gross.getJsonNumber("adjustments").bigDecimalValue()).isEqualByComparingTo("275.00");
        assertProblem(api.get("api/v1/reports/summary?from=" + d + "&to=" + d + "&revenue=maybe", tenant.apiKey()), 400);

        // Last click: each campaign loses exactly what its order lost, once the worker has re-attributed
        Map<String, BigDecimal> net = new TreeMap<>(Map.of("alpha", new BigDecimal("55.00"),
                "gamma", new BigDecimal("30.00"), "epsilon", new BigDecimal("100.00"), "eta", new BigDecimal("200.00")));
        api.awaitAttribution(tenant);
        Waits.until(() -> campaignRevenue(tenant, d).equals(net), WORKER,
                () -> "last-click revenue per campaign: expected " + net + ", got " + campaignRevenue(tenant, d));

        // The ledger: seven adjustments, each with what the conversion was worth before and after
        JsonObject ledger = ok(api.get("api/v1/conversions/adjustments?from=" + d + "&to="
                + LocalDate.now(LA), tenant.apiKey()));
        List<String> rows = new ArrayList<>();
        ledger.getJsonArray("adjustments").getValuesAs(JsonObject.class).forEach(a -> rows.add(a.getString("order_id")
                + " " + a.getString("type") + " " + a.getJsonNumber("value_before").bigDecimalValue().toPlainString()
                + "→" + a.getJsonNumber("value_after").bigDecimalValue().toPlainString() + " " + a.getString("source")));
        assertThat(rows).containsExactlyInAnyOrder(
                "O-1 RESTATE 100.00→60.00 API",
                "O-1 RESTATE 60.00→55.00 API",
                "O-2 RETRACT 50.00→0.00 API",
                "O-3 RESTATE 80.00→30.00 CSV",
                "O-4 RETRACT 70.00→0.00 CSV",
                "O-5 RESTATE 120.00→100.00 SEGMENT",
                "O-6 RETRACT 40.00→0.00 SEGMENT");
        assertThat(ok(api.get("api/v1/conversions/adjustments?from=" + d + "&to=" + LocalDate.now(LA),
                other.apiKey())).getJsonArray("adjustments")).as("another client sees none of them").isEmpty();
    }

    @Test
    void aBodyThatIsNotABatchIsAProblem() {
        TestTenant tenant = api.createTenant("ledger bodies", LA, "USD");
        assertProblem(post(tenant, "application/json", "not json"), 400);
        assertProblem(post(tenant, "application/json", "{\"adjustments\":{}}"), 400);
        assertProblem(post(tenant, "application/json", "{\"adjustments\":[]}"), 422);
        assertProblem(post(tenant, "application/json", "{\"adjustments\":[\"" + "x".repeat(1 << 20) + "\"]}"), 413);
        assertProblem(post(tenant, "text/plain", "{\"adjustments\":[]}"), 415);
        assertProblem(api.post("api/v1/imports/conversion-adjustments", tenant.apiKey(), "text/csv",
                "order_id,value\nA,1\n".getBytes(StandardCharsets.UTF_8)), 400);
        // an item that is not an object is reported by its index; no 500 for a client's mistake
        JsonObject r = adjust(tenant, "{\"adjustments\":[42,{\"order_id\":\"A\",\"type\":\"RETRACT\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"action\":\"no_such_action\"}]}");
        assertThat(counts(r, "received")).isEqualTo(List.of(2, 0, 0, 2));
        assertThat(errors(r, "index").get(0)).isEqualTo("each adjustment must be a JSON object");
        assertThat(errors(r, "index").get(1)).startsWith("action: no conversion action has the key 'no_such_action'");
    }

    private ApiResponse post(TestTenant tenant, String type, String body) {
        return api.post("api/v1/conversions/adjustments", tenant.apiKey(), type, body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject adjust(TestTenant tenant, String json) {
        return ok(post(tenant, "application/json", json));
    }

    private JsonObject importCsv(TestTenant tenant, String csv) {
        return ok(api.post("api/v1/imports/conversion-adjustments", tenant.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** {@code [count, applied, duplicates, rejected]}. */
    private static List<Integer> counts(JsonObject r, String count) {
        assertThat(r.getInt(count)).as(r.toString())
                .isEqualTo(r.getInt("applied") + r.getInt("duplicates") + r.getInt("rejected"));
        return List.of(r.getInt(count), r.getInt("applied"), r.getInt("duplicates"), r.getInt("rejected"));
    }

    private static Map<Integer, String> errors(JsonObject r, String position) {
        Map<Integer, String> errors = new TreeMap<>();
        r.getJsonArray("errors").getValuesAs(JsonObject.class).forEach(e -> errors.put(e.getInt(position),
                e.getString("error")));
        return errors;
    }

    private static String track(String messageId, String event, String timestamp, String properties) {
        return "{\"type\":\"track\",\"messageId\":\"" + messageId + "\",\"anonymousId\":\"shop-backend\",\"event\":\""
                + event + "\",\"timestamp\":\"" + timestamp + "\",\"properties\":{" + properties + "}}";
    }

    /** {@code POST /v1/batch} as Segment's libraries send it (the write key as the Basic user name). */
    private JsonObject segment(TestTenant tenant, String messages) {
        ApiResponse r = api.send(api.request("v1/batch").header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((tenant.apiKey() + ":")
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"batch\":[" + messages + "]}")));
        assertThat(r.status()).as(r.toString()).isIn(200, 400);
        return r.json();
    }

    private Map<String, BigDecimal> campaignRevenue(TestTenant tenant, String day) {
        JsonObject report = api.attribution(tenant, "last_touch", day, day, "campaign");
        Map<String, BigDecimal> revenue = new TreeMap<>();
        report.getJsonArray("rows").getValuesAs(JsonObject.class).forEach(r -> revenue.put(r.getString("campaign"),
                r.getJsonNumber("revenue").bigDecimalValue().setScale(2)));
        return revenue;
    }
}
