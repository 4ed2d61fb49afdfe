package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.AdPlatformStandIn;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Events;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The uploader against a stand-in of Google Ads and Meta ({@link AdPlatformStandIn}, which checks the documented
 * request format): 2,155 conversions of one tenant (three through the events API from landing URLs carrying gclid,
 * gbraid, wbraid and fbclid; 2,150 written in SQL; two offline rows with identities), of which five cannot go out.
 * Google gets them in requests of at most 2,000 rows, Meta of at most 1,000; the stand-in refuses some rows
 * (Google's partial failure), a whole request (Meta's error) and answers one request 503; each row's stored
 * result equals what was answered, the 503's rows are sent again (and only they), refused rows are never sent and
 * carry their reasons, and the files hold exactly the valid rows. Another tenant sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DestinationUploadIT {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final int BULK = 2150;
    private static final String GOOGLE_TOKEN = "ya29.google-access-token-dest-it";
    private static final String DEVELOPER_TOKEN = "developer-token-dest-it";
    private static final String META_TOKEN = "EAAB-meta-access-token-dest-it";
    private static final String GOOGLE_ACTION = "customers/1234567890/conversionActions/456";

    private static AdPlatformStandIn standIn;

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = new AdPlatformStandIn(GOOGLE_TOKEN, DEVELOPER_TOKEN, "1112223333", META_TOKEN);
    }

    @AfterAll
    static void stopStandIn() {
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    void conversionsGoOutInChunksAndEachRowKeepsItsResult() throws Exception {
        TestTenant tenant = api.createTenant("destinations", LOS_ANGELES, "USD");
        api.addAgencyAdmin(tenant.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String admin = Keycloak.automationTokens().accessToken();

        // Three conversions through the events API, their landing URLs carrying every Google click id and an fbclid.
        Instant apiTime = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<JsonObject> events = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(Events.touch("dst-t-" + i, "dst-api-" + i, apiTime.plusSeconds(i).toString(), "url",
                    "https://shop.example/landing?gclid=GCLID-API-" + i + "&gbraid=GBRAID-API-" + i + "&wbraid=WBRAID-API-" + i
                            + "&fbclid=FBCLID-API-" + i));
            events.add(Events.conversion("dst-c-" + i, "dst-api-" + i, apiTime.plusSeconds(600 + i).toString(), "purchase",
                    "49.90", "api-" + i));
        }
        ApiResponse sent = api.postEvents(tenant.apiKey(), Events.batch(events));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().getInt("accepted")).isEqualTo(6);
        // Stored with all three Google click ids, so the export below has to choose.
        assertThat(api.tenantState(tenant.id()).getJsonArray("touchpoint").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("gbraid") + " " + t.getString("wbraid"))
                .containsExactlyInAnyOrder("GBRAID-API-1 WBRAID-API-1", "GBRAID-API-2 WBRAID-API-2",
                        "GBRAID-API-3 WBRAID-API-3");
        Set<String> invalidOrders = bulkRows(tenant.id());
        int total = BULK + 3 + 2;

        // Settings: tokens are write-only.
        ApiResponse saved = api.putJson("api/v1/destinations/google-ads", admin, tenant.id(), """
                {"enabled":true,"account_id":"123-456-7890","login_customer_id":"111-222-3333","endpoint":"%s",
                 "access_token":"%s","developer_token":"%s","upload_every_minutes":null,
                 "actions":[{"action":"purchase","name":"%s"}]}""".formatted(standIn.googleEndpoint(), GOOGLE_TOKEN,
                DEVELOPER_TOKEN, GOOGLE_ACTION));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonObject settings = saved.json();
        assertThat(settings.getString("account_id")).isEqualTo("1234567890");
        assertThat(settings.getBoolean("access_token_set")).isTrue();
        assertThat(settings.getBoolean("developer_token_set")).isTrue();
        assertThat(settings.getJsonArray("actions").getJsonObject(0).getString("name")).isEqualTo(GOOGLE_ACTION);
        ApiResponse read = api.get("api/v1/destinations/google-ads", tenant.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body() + saved.body()).doesNotContain(GOOGLE_TOKEN).doesNotContain(DEVELOPER_TOKEN);
        // Saving again without tokens keeps them.
        ApiResponse again = api.putJson("api/v1/destinations/google-ads", admin, tenant.id(), """
                {"enabled":true,"account_id":"1234567890","login_customer_id":"1112223333","endpoint":"%s",
                 "actions":[{"action":"purchase","name":"%s"}]}""".formatted(standIn.googleEndpoint(), GOOGLE_ACTION));
        assertThat(again.json().getBoolean("access_token_set")).as(again.toString()).isTrue();

        // Bad input and who may do what.
        assertThat(assertProblem(api.putJson("api/v1/destinations/google-ads", admin, tenant.id(),
                "{\"enabled\":true,\"account_id\":\"1234567890\",\"upload_every_minutes\":1}"), 400))
                .contains("upload_every_minutes");
        assertThat(assertProblem(api.putJson("api/v1/destinations/google-ads", admin, tenant.id(),
                "{\"enabled\":true,\"account_id\":\"1234567890\",\"actions\":[{\"action\":\"no_such_action\",\"name\":\"x\"}]}"),
                400)).contains("no_such_action");
        assertThat(assertProblem(api.putJson("api/v1/destinations/google-ads", admin, tenant.id(),
                "{\"enabled\":true,\"account_id\":\"not an id\"}"), 400)).contains("account_id");
        assertThat(assertProblem(api.putJson("api/v1/destinations/google-ads", admin, tenant.id(),
                "{\"enabled\":true,\"account_id\":\"1234567890\",\"endpoint\":\"ftp://x\"}"), 400)).contains("endpoint");
        assertThat(assertProblem(api.get("api/v1/destinations/tiktok", tenant.apiKey()), 400)).contains("platform");
        assertProblem(api.post("api/v1/destinations/google-ads/uploads", tenant.apiKey(), "application/json", new byte[0]), 403);
        assertThat(assertProblem(api.postJson("api/v1/destinations/microsoft-ads/uploads", admin, tenant.id(), null), 422))
                .contains("files only");
        assertThat(api.get("api/v1/destinations/google-ads", tenant.apiKey()).json().getBoolean("access_token_set"))
                .as("refused changes stored nothing").isTrue();

        // First upload: the second request is answered 503.
        standIn.answer503ToGoogleRequest(2);
        JsonObject first = upload(admin, tenant, "google-ads");
        assertThat(first.getInt("considered")).isEqualTo(total);
        assertThat(first.getInt("invalid")).isEqualTo(invalidOrders.size());
        assertThat(first.getInt("sent")).isEqualTo(total - invalidOrders.size());
        assertThat(first.getInt("requests")).isEqualTo(2);
        List<AdPlatformStandIn.Received> google = standIn.received("google");
        assertThat(standIn.violations()).as("requests that break Google's format").isEmpty();
        assertThat(google.stream().map(r -> r.rows().size()).toList()).containsExactly(2000, total - invalidOrders.size() - 2000);
        assertThat(google.stream().map(AdPlatformStandIn.Received::status).toList()).containsExactly(200, 503);
        int refused = (int) google.get(0).rows().stream().filter(r -> r.answer().equals("FAILED")).count();
        assertThat(refused).as("rows with a REJECT gclid in the first request").isGreaterThan(10);
        assertThat(first.getInt("accepted")).isEqualTo(2000 - refused);
        assertThat(first.getInt("failed")).isEqualTo(refused);
        assertThat(first.getInt("retry")).isEqualTo(total - invalidOrders.size() - 2000);
        for (int i = 1; i <= 3; i++) {
            String order = "api-" + i;
            JsonObject row = google.stream().flatMap(r -> r.rows().stream()).filter(r -> order.equals(r.orderId()))
                    .findFirst().orElseThrow().sent();
            assertThat(row.getString("gclid")).as("the landing URL's gclid, only").isEqualTo("GCLID-API-" + i);
            assertThat(row.containsKey("gbraid") || row.containsKey("wbraid")).isFalse();
        }

        Map<String, JsonObject> results = results(tenant, "google-ads");
        assertThat(results).hasSize(total);
        assertMatches(results, google);
        Set<String> sentOrders = google.stream().flatMap(r -> r.rows().stream()).map(AdPlatformStandIn.Row::orderId)
                .collect(Collectors.toSet());
        for (String order : invalidOrders) {
            assertThat(results.get(order).getString("status")).as(order).isEqualTo("INVALID");
            assertThat(results.get(order).getString("error")).as(order).isNotBlank();
            assertThat(sentOrders).as("INVALID rows are never sent").doesNotContain(order);
        }
        assertThat(results.get("offline-before-click").getString("error")).containsIgnoringCase("before");
        assertThat(api.get("api/v1/destinations/google-ads/results?status=retry", tenant.apiKey()).jsonArray())
                .hasSize(total - invalidOrders.size() - 2000);

        // Second upload: only the 503's rows go out again; a third finds nothing to send.
        Set<String> retried = google.get(1).rows().stream().map(AdPlatformStandIn.Row::orderId).collect(Collectors.toSet());
        JsonObject second = upload(admin, tenant, "google-ads");
        assertThat(second.getInt("considered")).isEqualTo(retried.size());
        assertThat(second.getInt("sent")).isEqualTo(retried.size());
        assertThat(second.getInt("requests")).isEqualTo(1);
        google = standIn.received("google");
        assertThat(google).hasSize(3);
        assertThat(google.get(2).rows().stream().map(AdPlatformStandIn.Row::orderId).collect(Collectors.toSet()))
                .isEqualTo(retried);
        results = results(tenant, "google-ads");
        assertMatches(results, google.subList(0, 1));
        assertMatches(results, google.subList(2, 3));
        assertThat(results.values().stream().filter(r -> r.getString("status").equals("RETRY"))).isEmpty();
        assertThat(results.values().stream().filter(r -> r.getString("status").equals("RETRY"))).isEmpty();
        JsonObject third = upload(admin, tenant, "google-ads");
        assertThat(third.getInt("sent")).isZero();
        assertThat(third.getInt("requests")).isZero();
        assertThat(standIn.received("google")).hasSize(3);
        JsonArray requests = api.get("api/v1/destinations/google-ads/requests", tenant.apiKey()).jsonArray();
        assertThat(requests.stream().map(v -> v.asJsonObject().getInt("http_status")).toList()).containsExactly(200, 503, 200);
        assertThat(requests.getJsonObject(0).getString("outcome")).contains("request-id standin-3");

        // Files: the valid rows; the problems: the others, with the same reasons.
        LocalDate today = LocalDate.now(LOS_ANGELES);
        String period = "from=" + today.minusDays(3) + "&to=" + today;
        ApiResponse csv = api.get("api/v1/exports/google-ads/click-conversions.csv?" + period, tenant.apiKey());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("google-ads-click-conversions");
        List<String> lines = csv.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).isEqualTo("Parameters:TimeZone=America/Los_Angeles");
        assertThat(lines.get(1)).startsWith("Google Click ID,");
        assertThat(lines.size() - 2).as("rows: the valid conversions").isEqualTo(total - invalidOrders.size());
        assertThat(lines).anyMatch(l -> l.startsWith("GCLID-API-1,") && l.contains(",api-1,"));
        assertThat(csv.body()).contains("GCLID-API-1").doesNotContain("GBRAID-API").doesNotContain("WBRAID-API")
                .doesNotContain("G-OFF-1");
        JsonArray problems = api.get("api/v1/exports/google-ads/problems?" + period, tenant.apiKey()).jsonArray();
        Map<String, String> reasons = new HashMap<>();
        for (JsonValue v : problems) {
            JsonObject p = v.asJsonObject();
            reasons.put(p.getString("order_id"), String.join("; ", p.getJsonArray("problems").getValuesAs(
                    jakarta.json.JsonString::getString)));
        }
        assertThat(reasons.keySet()).isEqualTo(invalidOrders);
        reasons.forEach((order, why) -> assertThat(results(tenant, "google-ads").get(order).getString("error")).isEqualTo(why));
        assertThat(assertProblem(api.get("api/v1/exports/google-ads/click-conversions.csv?from=2026-02-30", tenant.apiKey()),
                400)).contains("from");
        assertThat(assertProblem(api.get("api/v1/exports/tiktok/problems", tenant.apiKey()), 400)).contains("platform");
        assertThat(assertProblem(api.get("api/v1/destinations/google-ads/results?status=lost", tenant.apiKey()), 400))
                .contains("status");

        // Meta: 1,000 events a request; the second request is refused as a whole.
        ApiResponse meta = api.putJson("api/v1/destinations/meta", admin, tenant.id(), """
                {"enabled":true,"account_id":"987654321","endpoint":"%s","access_token":"%s",
                 "actions":[{"action":"purchase","name":"Purchase"}]}""".formatted(standIn.metaEndpoint(), META_TOKEN));
        assertThat(meta.status()).as(meta.toString()).isEqualTo(200);
        standIn.answerErrorToMetaRequest(2);
        JsonObject metaRun = upload(admin, tenant, "meta");
        List<AdPlatformStandIn.Received> metaRequests = standIn.received("meta");
        assertThat(standIn.violations()).as("requests that break Meta's format").isEmpty();
        int metaValid = total - invalidOrders.size();
        assertThat(metaRequests.stream().map(r -> r.rows().size()).toList()).containsExactly(1000, 1000, metaValid - 2000);
        assertThat(metaRun.getInt("failed")).isEqualTo(1000);
        assertThat(metaRun.getInt("accepted")).isEqualTo(metaValid - 1000);
        Map<String, JsonObject> metaResults = results(tenant, "meta");
        assertThat(metaResults).hasSize(total);
        assertMatches(metaResults, metaRequests);
        assertThat(metaResults.values().stream().filter(r -> r.getString("status").equals("FAILED")).map(r -> r.getString("error"))
                .distinct().toList()).containsExactly(AdPlatformStandIn.META_REJECTION + " (" + AdPlatformStandIn.META_USER_MESSAGE + ")");
        JsonObject apiEvent = metaRequests.stream().flatMap(r -> r.rows().stream()).filter(r -> "api-1".equals(r.orderId()))
                .findFirst().orElseThrow().sent();
        assertThat(apiEvent.getString("event_id")).isEqualTo("dst-c-1");
        assertThat(apiEvent.getJsonNumber("event_time").longValue()).isEqualTo(apiTime.plusSeconds(601).getEpochSecond());
        assertThat(apiEvent.getJsonObject("user_data").getString("fbc")).endsWith(".FBCLID-API-1");

        // Another tenant's key reads none of it.
        TestTenant other = api.createTenant("destinations other", ZoneId.of("UTC"), "USD");
        assertThat(api.get("api/v1/destinations/google-ads/results", other.apiKey()).jsonArray()).isEmpty();
        assertThat(api.get("api/v1/destinations/google-ads/requests", other.apiKey()).jsonArray()).isEmpty();
        assertThat(api.get("api/v1/destinations/google-ads", other.apiKey()).json().getBoolean("configured")).isFalse();
        ApiResponse otherCsv = api.get("api/v1/exports/google-ads/click-conversions.csv?" + period, other.apiKey());
        assertThat(otherCsv.status()).isEqualTo(200);
        assertThat(otherCsv.body()).doesNotContain("GCLID-API").doesNotContain("G-1");
        assertThat(api.get("api/v1/exports/google-ads/problems?" + period, other.apiKey()).jsonArray()).isEmpty();
        assertThat(api.get("api/v1/destinations/google-ads/results", other.apiKey(), tenant.id()).body())
                .doesNotContain("api-1");
    }

    /** Stored results equal what the stand-in answered, row by row. */
    private static void assertMatches(Map<String, JsonObject> results, List<AdPlatformStandIn.Received> requests) {
        for (AdPlatformStandIn.Received request : requests) {
            for (AdPlatformStandIn.Row row : request.rows()) {
                JsonObject stored = results.get(row.orderId());
                assertThat(stored).as(row.orderId()).isNotNull();
                assertThat(stored.getString("status")).as(row.orderId()).isEqualTo(row.answer());
                if (row.answer().equals("FAILED")) {
                    assertThat(stored.getString("error")).as(row.orderId()).isEqualTo(row.error());
                }
                if (row.answer().equals("ACCEPTED")) {
                    assertThat(stored.isNull("error")).as(row.orderId()).isTrue();
                }
            }
        }
    }

    private JsonObject upload(String admin, TestTenant tenant, String platform) {
        ApiResponse r = api.postJson("api/v1/destinations/" + platform + "/uploads", admin, tenant.id(), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** Each row's result by order id. */
    private Map<String, JsonObject> results(TestTenant tenant, String platform) {
        ApiResponse r = api.get("api/v1/destinations/" + platform + "/results?limit=50000", tenant.apiKey());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, JsonObject> byOrder = new HashMap<>();
        for (JsonValue v : r.jsonArray()) {
            byOrder.put(v.asJsonObject().getString("order_id"), v.asJsonObject());
        }
        return byOrder;
    }

    /**
     * 2,150 ad clicks and purchases in SQL (bulk-1 … bulk-2150, a day ago): each visitor's touchpoint carries gclid
     * {@code G-i} ({@code REJECT-i} when i ends in 07) and fbclid {@code F-i}; every 500th visitor has no touchpoint
     * (nothing to match on). And two offline sales with identities: one converted an hour before its click, one
     * with only a hashed e-mail (Google and Meta hashes; ad_user_data granted).
     *
     * @return the order ids that cannot go out to either platform
     */
    private static Set<String> bulkRows(String tenantId) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            long action;
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from conversion_action where tenant_id = ? and action_key = 'purchase'")) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    action = rs.getLong(1);
                }
            }
            run(c, "insert into touchpoint (tenant_id, event_id, visitor_id, occurred_at, channel, gclid, fbclid, way_in) "
                    + "select ?, 'bulk-t-' || i, 'bulk-v-' || i, now() - interval '1 day' + i * interval '1 second', "
                    + "'Paid Search', case when i % 100 = 7 then 'REJECT-' || i else 'G-' || i end, 'F-' || i, 'API' "
                    + "from generate_series(1, " + BULK + ") i where i % 500 <> 0", tenantId);
            run(c, "insert into conversion (tenant_id, event_id, visitor_id, occurred_at, action_id, value, currency, "
                    + "order_id, dedupe_key, way_in) select ?, 'bulk-c-' || i, 'bulk-v-' || i, "
                    + "now() - interval '1 day' + i * interval '1 second' + interval '10 minutes', " + action + ", "
                    + "10 + i % 7, 'USD', 'bulk-' || i, 'bulk-' || i, 'API' from generate_series(1, " + BULK + ") i", tenantId);
            String email = "a".repeat(64);
            run(c, "with c as (insert into conversion (tenant_id, event_id, visitor_id, occurred_at, action_id, value, currency, "
                    + "order_id, dedupe_key, way_in) values (?, null, 'offline-v-1', now() - interval '3 hours', " + action
                    + ", 80, 'USD', 'offline-before-click', 'offline-before-click', 'OFFLINE') returning tenant_id, id, occurred_at) "
                    + "insert into conversion_identity (tenant_id, conversion_id, matched_by, gclid, clicked_at, normalisers) "
                    + "select tenant_id, id, 'NONE', 'G-OFF-1', occurred_at + interval '1 hour', 'test' from c", tenantId);
            run(c, "with c as (insert into conversion (tenant_id, event_id, visitor_id, occurred_at, action_id, value, currency, "
                    + "order_id, dedupe_key, way_in) values (?, null, 'offline-v-2', now() - interval '3 hours', " + action
                    + ", 120, 'USD', 'offline-email', 'offline-email', 'OFFLINE') returning tenant_id, id) "
                    + "insert into conversion_identity (tenant_id, conversion_id, matched_by, email_google, email_meta, "
                    + "ad_user_data, store_id, normalisers) select tenant_id, id, 'NONE', '" + email + "', '" + email
                    + "', 'GRANTED', 'store-7', 'test' from c", tenantId);
            c.commit();
        }
        Set<String> invalid = new HashSet<>(Arrays.asList("bulk-500", "bulk-1000", "bulk-1500", "bulk-2000"));
        invalid.add("offline-before-click");
        return invalid;
    }

    private static void run(Connection c, String sql, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.executeUpdate();
        }
    }
}
