package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store's day of sales uploaded as CSV: rows with a click id, rows with only an e-mail or a phone of a person
 * identified earlier (Segment {@code identify}), rows with neither, rows too late for their journey, bad rows and
 * a repeated row. Each row's expected outcome is written next to it; the match report must equal the counts of
 * those outcomes, the matched sales must reach their campaigns under last click, and a second upload of the same
 * file stores nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfflineConversionsIT {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    /** What the test expects of a row, decided by reading the row, not by the code under test. */
    enum Outcome { CLICK_ID, EMAIL, PHONE, UNMATCHED, OUTSIDE_LOOKBACK, DUPLICATE, REJECTED }

    record Sale(String csv, Outcome outcome, String campaign, String value, boolean invalidEmail,
                boolean invalidPhone) {
    }

    @Test
    void aStoresDayOfSalesIsMatchedReportedAttributedAndStoredOnce() {
        TestTenant tenant = api.createTenant("offline store", LA, "USD");
        LocalDate day = LocalDate.now(LA).minusDays(1);
        journeys(tenant, day);

        String d = day.toString();
        List<Sale> sales = List.of(
                sale(d, "S-1", "10:00:00", "120.00", "gclid=G-1", Outcome.CLICK_ID, "brand"),
                sale(d, "S-2", "10:30:00", "80.00", "fbclid=FB-2", Outcome.CLICK_ID, "retarget"),
                sale(d, "S-3", "11:00:00", "45.50", "email= ann.lee@GMAIL.com ", Outcome.EMAIL, "winter"),
                sale(d, "S-4", "12:00:00", "60.00", "phone=+1 415-555-0132", Outcome.PHONE, "cart"),
                sale(d, "S-5", "12:30:00", "30.00", "", Outcome.UNMATCHED, null),
                sale(d, "S-6", "13:00:00", "99.00", "email=nobody@example.com", Outcome.UNMATCHED, null),
                // the gclid's click was 60 days before the sale, the action's lookback is 30 days
                sale(d, "S-7", "13:30:00", "20.00", "gclid=G-OLD", Outcome.OUTSIDE_LOOKBACK, null),
                // identified, but last seen 45 days before the sale
                sale(d, "S-8", "14:00:00", "10.00", "email=old@example.com", Outcome.OUTSIDE_LOOKBACK, null),
                new Sale("S-9,2026-12-1 9:05:00,15.00,USD,purchase,,,,,,,,,,,,,,", Outcome.REJECTED, null, null,
                        false, false),
                new Sale("S-10," + d + " 15:00:00,15.00,USD,nope,,,,,,,,,,,,,,", Outcome.REJECTED, null, null,
                        false, false),
                new Sale("S-11," + d + " 15:00:00,\"12,50\",USD,purchase,,,,,,,,,,,,,,", Outcome.REJECTED, null,
                        null, false, false),
                new Sale("S-12," + d + " 15:00:00,25.00,USD,purchase,,,,,,not-an-email,123,,,,,,,", Outcome.UNMATCHED,
                        null, "25.00", true, true),
                sale(d, "S-1", "10:00:00", "120.00", "gclid=G-1", Outcome.DUPLICATE, null),
                // a click id wins over an e-mail of another journey
                sale(d, "S-13", "16:00:00", "70.00", "gclid=G-1;email=ann.lee@gmail.com", Outcome.CLICK_ID, "brand"));
        String file = "order_id,time,value,currency,action,gclid,gbraid,wbraid,fbclid,msclkid,email,phone,"
                + "first_name,last_name,street,city,postal_code,country,store_id\n"
                + sales.stream().map(Sale::csv).collect(Collectors.joining("\n")) + "\n";

        JsonObject report = upload(tenant, file);
        Map<Outcome, Integer> n = sales.stream().collect(Collectors.groupingBy(Sale::outcome, Collectors.summingInt(s -> 1)));
        int stored = sales.size() - n.getOrDefault(Outcome.DUPLICATE, 0) - n.getOrDefault(Outcome.REJECTED, 0);
        assertThat(report.getInt("rows")).isEqualTo(sales.size());
        assertThat(report.getInt("stored")).isEqualTo(stored);
        assertThat(report.getJsonObject("matched").getInt("click_id")).isEqualTo(n.get(Outcome.CLICK_ID));
        assertThat(report.getJsonObject("matched").getInt("email")).isEqualTo(n.get(Outcome.EMAIL));
        assertThat(report.getJsonObject("matched").getInt("phone")).isEqualTo(n.get(Outcome.PHONE));
        assertThat(report.getInt("unmatched")).isEqualTo(n.get(Outcome.UNMATCHED) + n.get(Outcome.OUTSIDE_LOOKBACK));
        assertThat(report.getInt("outside_lookback")).isEqualTo(n.get(Outcome.OUTSIDE_LOOKBACK));
        assertThat(report.getInt("duplicates")).isEqualTo(n.get(Outcome.DUPLICATE));
        assertThat(report.getInt("rejected")).isEqualTo(n.get(Outcome.REJECTED));
        assertThat(report.getInt("invalid_emails")).isEqualTo((int) sales.stream().filter(Sale::invalidEmail).count());
        assertThat(report.getInt("invalid_phones")).isEqualTo((int) sales.stream().filter(Sale::invalidPhone).count());
        Map<String, String> errors = new TreeMap<>();
        report.getJsonArray("errors").getValuesAs(JsonObject.class)
                .forEach(e -> errors.put(e.getJsonNumber("row").toString(), e.getString("column")));
        // the header is line 1: S-9 is line 10, S-10 line 11, S-11 line 12
        assertThat(errors).isEqualTo(Map.of("10", "time", "11", "action", "12", "value"));
        Map<String, JsonObject> fields = new LinkedHashMap<>();
        report.getJsonArray("fields").getValuesAs(JsonObject.class).forEach(f -> fields.put(f.getString("field"), f));
        assertThat(fields.get("email").getInt("provided")).isEqualTo(5); // S-3, S-6, S-8, S-12, S-13 (not the repeat)
        assertThat(fields.get("email").getInt("invalid")).isEqualTo(1);
        assertThat(fields.get("gclid").getInt("provided")).isEqualTo(4); // S-1, S-7, S-1 again, S-13
        assertThat(api.get("api/v1/imports/offline-conversions/" + report.getJsonNumber("id"), tenant.apiKey()).json())
                .isEqualTo(report);

        api.awaitAttribution(tenant);
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Sale s : sales) {
            if (s.campaign() != null) {
                expected.merge(s.campaign(), new BigDecimal(s.value()), BigDecimal::add);
            }
        }
        assertThat(campaignRevenue(tenant, d)).isEqualTo(expected);
        BigDecimal total = sales.stream().filter(s -> s.value() != null && s.outcome() != Outcome.DUPLICATE
                && s.outcome() != Outcome.REJECTED).map(s -> new BigDecimal(s.value())).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        JsonObject summary = api.summary(tenant, d, d);
        assertThat(summary.getJsonNumber("conversions").longValue()).as("unmatched sales count in totals")
                .isEqualTo(stored);
        assertThat(summary.getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo(total);

        JsonObject again = upload(tenant, file);
        assertThat(again.getInt("stored")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(stored + n.get(Outcome.DUPLICATE));
        assertThat(again.getInt("rejected")).isEqualTo(n.get(Outcome.REJECTED));
        assertThat(api.summary(tenant, d, d).getJsonNumber("conversions").longValue()).isEqualTo(stored);
        api.awaitAttribution(tenant);
        assertThat(campaignRevenue(tenant, d)).isEqualTo(expected);

        // The till refunds 20.00 of S-1 that evening: net revenue, the brand campaign's included, drops by 20.00.
        String refundedAt = day.atTime(23, 0).atZone(LA).toInstant().toString();
        ApiResponse refund = api.post("api/v1/conversions/adjustments", tenant.apiKey(), "application/json",
                ("{\"adjustments\":[{\"order_id\":\"S-1\",\"action\":\"purchase\",\"type\":\"RESTATE\","
                        + "\"value\":100.00,\"time\":\"" + refundedAt + "\"}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(refund.json().getInt("applied")).as(refund.toString()).isEqualTo(1);
        BigDecimal twenty = new BigDecimal("20.00");
        assertThat(api.summary(tenant, d, d).getJsonNumber("revenue").bigDecimalValue())
                .isEqualByComparingTo(total.subtract(twenty));
        api.awaitAttribution(tenant);
        expected.merge("brand", twenty.negate(), BigDecimal::add);
        assertThat(campaignRevenue(tenant, d)).isEqualTo(expected);
    }

    /** A CRM's JSON rows: a lead matched by e-mail, a bad one reported by index; the good one is kept. */
    @Test
    void aCrmSendsJsonRowsAndTheBadOneIsReportedByIndex() {
        TestTenant tenant = api.createTenant("offline crm", LA, "USD", "signed_contract:MACRO:EVERY:500");
        Instant visit = Instant.now().minusSeconds(3 * 86_400);
        post(tenant, batch(touch("crm-v", "crm-visitor", visit.toString(), "utm_source", "linkedin", "utm_medium",
                "paid_social", "utm_campaign", "b2b")));
        segment(tenant, "{\"type\":\"identify\",\"messageId\":\"crm-id\",\"anonymousId\":\"crm-visitor\","
                + "\"timestamp\":\"" + visit.plusSeconds(60) + "\",\"traits\":{\"email\":\"Buyer@Corp.example\"}}");
        String at = Instant.now().minusSeconds(86_400).toString();
        ApiResponse r = api.post("api/v1/imports/offline-conversions", tenant.apiKey(), "application/json",
                ("{\"conversions\":[{\"order_id\":\"C-1\",\"time\":\"" + at + "\",\"action\":\"signed_contract\","
                        + "\"email\":\"buyer@corp.example\"},{\"order_id\":\"C-2\",\"time\":\"" + at + "\","
                        + "\"action\":\"signed_contract\",\"value\":-3}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject report = r.json();
        assertThat(report.getString("source")).isEqualTo("API");
        assertThat(report.getInt("stored")).isEqualTo(1);
        assertThat(report.getJsonObject("matched").getInt("email")).isEqualTo(1);
        JsonObject error = report.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getInt("row")).isEqualTo(1);
        assertThat(error.getString("column")).isEqualTo("value");
        api.awaitAttribution(tenant);
        String today = LocalDate.now(LA).toString();
        String from = LocalDate.now(LA).minusDays(3).toString();
        assertThat(campaignRevenue(tenant, from, today)).isEqualTo(Map.of("b2b", new BigDecimal("500.00")));

        assertProblem(api.post("api/v1/imports/offline-conversions", tenant.apiKey(), "application/json",
                "{\"rows\":[]}".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(api.post("api/v1/imports/offline-conversions", tenant.apiKey(), "application/json",
                "{\"conversions\":[".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(api.post("api/v1/imports/offline-conversions", tenant.apiKey(), "text/csv",
                "order_id,value\nA,1\n".getBytes(StandardCharsets.UTF_8)), 400);

        // another client's key neither reads this upload nor matches this client's journeys
        TestTenant other = api.createTenant("offline other", LA, "USD", "signed_contract:MACRO:EVERY:500");
        assertThat(api.get("api/v1/imports/offline-conversions/" + report.getJsonNumber("id"), other.apiKey())
                .status()).isEqualTo(404);
        JsonObject theirs = upload(other, "order_id,time,action,email\nC-1," + at + ",signed_contract,"
                + "buyer@corp.example\n");
        assertThat(theirs.getInt("stored")).as("C-1 is new to the other client").isEqualTo(1);
        assertThat(theirs.getInt("unmatched")).as("the person is this client's, not theirs").isEqualTo(1);
    }

    /** Journeys of the store's customers, some days before the store day. */
    private void journeys(TestTenant tenant, LocalDate day) {
        Instant noon = day.atTime(LocalTime.NOON).atZone(LA).toInstant();
        post(tenant, batch(
                touch("v1", "V1", noon.minusSeconds(3 * 86_400).toString(), "utm_source", "google", "utm_medium", "cpc",
                        "utm_campaign", "brand", "gclid", "G-1"),
                touch("v2", "V2", noon.minusSeconds(2 * 86_400).toString(), "utm_source", "facebook", "utm_medium",
                        "paid_social", "utm_campaign", "retarget", "fbclid", "FB-2"),
                touch("v3", "V3", noon.minusSeconds(86_400).toString(), "utm_source", "newsletter", "utm_medium",
                        "email", "utm_campaign", "winter"),
                touch("v4", "V4", noon.minusSeconds(5 * 86_400).toString(), "utm_source", "sms", "utm_medium", "sms",
                        "utm_campaign", "cart"),
                touch("v5", "V5", noon.minusSeconds(60 * 86_400L).toString(), "utm_source", "google", "utm_medium",
                        "cpc", "utm_campaign", "old", "gclid", "G-OLD"),
                touch("v6", "V6", noon.minusSeconds(45 * 86_400L).toString(), "utm_source", "bing", "utm_medium", "cpc",
                        "utm_campaign", "stale")));
        segment(tenant, identify("id-3", "V3", noon.minusSeconds(86_000), "\"email\":\"Ann.Lee@gmail.com\""));
        segment(tenant, identify("id-4", "V4", noon.minusSeconds(5 * 86_000), "\"phone\":\"(415) 555-0132\""));
        segment(tenant, identify("id-6", "V6", noon.minusSeconds(45 * 86_000L), "\"email\":\"old@example.com\""));
    }

    private static Sale sale(String day, String order, String time, String value, String ids, Outcome outcome,
                             String campaign) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String kv : ids.isEmpty() ? new String[0] : ids.split(";")) {
            f.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        List<String> cells = new ArrayList<>(List.of(order, day + " " + time, value, "USD", "purchase"));
        for (String c : List.of("gclid", "gbraid", "wbraid", "fbclid", "msclkid", "email", "phone", "first_name",
                "last_name", "street", "city", "postal_code", "country", "store_id")) {
            cells.add(f.getOrDefault(c, c.equals("store_id") ? "store-7" : ""));
        }
        return new Sale(String.join(",", cells), outcome, campaign, value, false, false);
    }

    private static String identify(String messageId, String visitor, Instant at, String traits) {
        return "{\"type\":\"identify\",\"messageId\":\"" + messageId + "\",\"anonymousId\":\"" + visitor
                + "\",\"timestamp\":\"" + at + "\",\"traits\":{" + traits + "}}";
    }

    private JsonObject upload(TestTenant tenant, String csv) {
        ApiResponse r = api.post("api/v1/imports/offline-conversions", tenant.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private void post(TestTenant tenant, String events) {
        ApiResponse r = api.postEvents(tenant.apiKey(), events);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getJsonArray("rejected")).as(r.toString()).isEmpty();
    }

    private void segment(TestTenant tenant, String message) {
        ApiResponse r = api.send(api.request("v1/batch").header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((tenant.apiKey() + ":")
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"batch\":[" + message + "]}")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private Map<String, BigDecimal> campaignRevenue(TestTenant tenant, String day) {
        return campaignRevenue(tenant, day, day);
    }

    private Map<String, BigDecimal> campaignRevenue(TestTenant tenant, String from, String to) {
        JsonObject report = api.attribution(tenant, "last_touch", from, to, "campaign");
        Map<String, BigDecimal> revenue = new TreeMap<>();
        report.getJsonArray("rows").getValuesAs(JsonObject.class).forEach(r -> revenue.put(r.getString("campaign"),
                r.getJsonNumber("revenue").bigDecimalValue().setScale(2)));
        return revenue;
    }
}
