package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conversion action settings over HTTP: the REST API's create, read, replace, patch and delete with bad
 * input and another tenant's access; each trigger end to end (a URL rule through the beacon's page view,
 * Segment's {@code Order Completed} through an event trigger, the events API naming the action); a paused
 * action recording nothing and saying so; a FIXED value; a window change queueing the action's visitors
 * for background re-attribution until {@code GET /api/v1/attribution/status} is up to date. Expected values
 * are the ones sent (or the fixed defaults), read back from the tenant's rows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversionActionSettingsIT {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";
    private static final String BASE = "api/v1/conversion-actions";

    private final TrackerClient api = new TrackerClient();
    private TestTenant tenant;
    private String admin;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeEach
    void tenantWithAdmin() {
        tenant = api.createTenant("action settings", ZoneId.of("UTC"), "EUR");
        api.addAgencyAdmin(tenant.agencyId(), Keycloak.AUTOMATION_EMAIL);
        admin = Keycloak.automationTokens().accessToken();
    }

    @Test
    void crudWithEverySettingBadInputAndAnotherTenant() {
        ApiResponse created = create("""
                {"key":"thanks","name":"Thank-you page","category":"macro",
                 "trigger":{"type":"url","url_match":"starts_with","url_pattern":"https://shop.example/thanks"},
                 "value":{"source":"fixed","default":20,"currency":"USD"},"counting":"one","lookback_days":60,
                 "view_through_days":7,"journey_start":"after_previous_conversion","status":"active"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/conversion-actions/thanks");
        JsonObject a = created.json();
        assertThat(a.getString("key")).isEqualTo("thanks");
        assertThat(a.getJsonObject("trigger").toString()).isEqualTo(
                "{\"type\":\"url\",\"url_match\":\"starts_with\",\"url_pattern\":\"https://shop.example/thanks\"}");
        assertThat(a.getJsonObject("value").getString("source")).isEqualTo("fixed");
        assertThat(a.getJsonObject("value").getJsonNumber("default").bigDecimalValue()).isEqualByComparingTo("20");
        assertThat(a.getJsonObject("value").getString("currency")).isEqualTo("USD");
        assertThat(a.getString("counting")).isEqualTo("one");
        assertThat(a.getInt("lookback_days")).isEqualTo(60);
        assertThat(a.getInt("view_through_days")).isEqualTo(7);
        assertThat(a.getString("journey_start")).isEqualTo("after_previous_conversion");

        JsonObject read = ok(api.get(BASE + "/thanks", tenant.apiKey())).json();
        assertThat(read).isEqualTo(a);
        assertThat(ok(api.get(BASE + "/" + a.getInt("id"), tenant.apiKey())).json()).isEqualTo(a);

        // defaults of a minimal POST
        JsonObject minimal = create("{\"key\":\"signup\",\"category\":\"micro\"}").json();
        assertThat(minimal.getString("name")).isEqualTo("signup");
        assertThat(minimal.getJsonObject("trigger").toString()).isEqualTo("{\"type\":\"event\",\"event\":\"signup\"}");
        assertThat(minimal.getJsonObject("value").isNull("currency")).isTrue();
        assertThat(minimal.getInt("lookback_days")).isEqualTo(30);
        assertThat(minimal.getInt("view_through_days")).isEqualTo(1);
        assertThat(minimal.getString("journey_start")).isEqualTo("lookback");
        assertThat(minimal.getString("status")).isEqualTo("active");

        // PATCH changes only what it names; PUT replaces everything
        JsonObject patched = ok(patch("thanks", "{\"lookback_days\":14,\"value\":{\"default\":25}}")).json();
        assertThat(patched.getInt("lookback_days")).isEqualTo(14);
        assertThat(patched.getJsonObject("value").getJsonNumber("default").bigDecimalValue()).isEqualByComparingTo("25");
        assertThat(patched.getJsonObject("value").getString("currency")).isEqualTo("USD");
        assertThat(patched.getString("counting")).isEqualTo("one");
        assertThat(patched.getInt("visitors_queued")).isZero();
        JsonObject replaced = ok(api.putJson(BASE + "/thanks", admin, tenant.id(),
                "{\"category\":\"micro\",\"trigger\":{\"type\":\"call\",\"min_seconds\":90}}")).json();
        assertThat(replaced.getString("category")).isEqualTo("micro");
        assertThat(replaced.getJsonObject("trigger").toString()).isEqualTo("{\"type\":\"call\",\"min_seconds\":90}");
        assertThat(replaced.getInt("lookback_days")).isEqualTo(30);
        assertThat(replaced.getString("counting")).isEqualTo("every");
        assertThat(replaced.getString("name")).isEqualTo("thanks");

        // bad input: 400 problem+json naming the field, nothing changed
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"lookback_days\":91}"), "lookback_days");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"view_through_days\":0}"), "view_through_days");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"lookback_days\":\"30\"}"), "lookback_days must be a whole number");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"trigger\":{\"type\":\"url\",\"url_match\":\"regex\"}}"),
                "trigger.url_pattern is required");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"trigger\":{\"type\":\"url\",\"url_match\":\"regex\","
                + "\"url_pattern\":\"([a-z\"}}"), "trigger.url_pattern is not a valid regular expression");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"trigger\":{\"type\":\"url\",\"url_match\":\"regex\","
                + "\"url_pattern\":\"" + "a".repeat(501) + "\"}}"), "trigger.url_pattern is longer than 500");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"trigger\":{\"type\":\"call\"}}"), "trigger.min_seconds");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"trigger\":{\"type\":\"call\",\"min_seconds\":-1}}"),
                "trigger.min_seconds");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"value\":{\"currency\":\"DEM\"}}"), "value.currency");
        assertBad(create("{\"key\":\"x1\",\"category\":\"macro\",\"lookback_day\":10}"), "'lookback_day' is not a field");
        assertBad(create("{\"key\":\"X 1\",\"category\":\"macro\"}"), "key must be");
        assertBad(create("{\"key\":\"x1\",\"category\":\"huge\"}"), "category must be one of");
        assertBad(create("{\"key\":\"x1\""), "the body is not JSON");
        assertBad(patch("signup", "{\"key\":\"other\"}"), "key cannot change");
        assertThat(create("{\"key\":\"signup\",\"category\":\"micro\"}").status()).isEqualTo(409);
        assertThat(create("{\"key\":\"other_signup\",\"category\":\"micro\",\"trigger\":{\"type\":\"event\",\"event\":\"signup\"}}")
                .status()).isEqualTo(409);
        assertThat(api.get(BASE + "/nope", tenant.apiKey()).status()).isEqualTo(404);
        assertThat(patch("nope", "{\"status\":\"paused\"}").status()).isEqualTo(404);
        assertThat(ok(api.get(BASE, tenant.apiKey())).jsonArray()).hasSize(3); // purchase, signup, thanks

        // a read key cannot change; another tenant sees nothing and changes nothing
        ApiResponse byReadKey = api.send(api.request(BASE + "/signup").header("Authorization", "Bearer " + tenant.apiKey())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"paused\"}")));
        assertThat(byReadKey.status()).isEqualTo(403);
        TestTenant other = api.createTenant("action settings, other", ZoneId.of("UTC"), "EUR");
        assertThat(api.get(BASE + "/thanks", other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get(BASE + "/" + a.getInt("id"), other.apiKey()).status()).isEqualTo(404);
        api.addAgencyAdmin(other.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String otherAdmin = Keycloak.automationTokens().accessToken();
        ApiResponse crossPatch = api.send(api.request(BASE + "/thanks").header("Authorization", "Bearer " + otherAdmin)
                .header("X-Tracker-Tenant", other.id()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"paused\"}")));
        assertThat(crossPatch.status()).isEqualTo(404);
        assertThat(api.delete(BASE + "/thanks", otherAdmin, other.id()).status()).isEqualTo(404);
        assertThat(ok(api.get(BASE + "/thanks", tenant.apiKey())).json().getString("status")).isEqualTo("active");

        // delete: an action without conversions goes; the default action stays
        assertThat(api.delete(BASE + "/signup", admin, tenant.id()).status()).isEqualTo(204);
        assertThat(api.get(BASE + "/signup", tenant.apiKey()).status()).isEqualTo(404);
        ApiResponse defaultAction = api.delete(BASE + "/purchase", admin, tenant.id());
        assertThat(defaultAction.status()).isEqualTo(409);
        assertThat(defaultAction.json().getString("detail")).contains("default action");
    }

    @Test
    void eachTriggerRecordsItsConversionsPausedOnesRecordNothingAndFixedValuesHold() {
        long thanks = create("""
                {"key":"thanks","category":"macro","trigger":{"type":"url","url_match":"equals",
                 "url_pattern":"https://shop.example/thanks"},"value":{"source":"fixed","default":20}}""").json().getInt("id");
        long order = create("""
                {"key":"order","category":"macro","trigger":{"type":"event","event":"Order Completed"}}""")
                .json().getInt("id");
        long cart = create("""
                {"key":"cart","category":"micro","trigger":{"type":"event","event":"Product Added"},"status":"paused"}""")
                .json().getInt("id");
        long lead = create("""
                {"key":"lead","category":"macro","trigger":{"type":"offline"},"value":{"source":"fixed","default":50}}""")
                .json().getInt("id");
        String site = api.createSite(tenant.id(), "Shop", List.of("shop.example"), false);

        // URL rule through the beacon: the thank-you page (query ignored) converts, another page does not
        ApiResponse beacon = beacon("{\"v\":1,\"site\":\"" + site + "\",\"hits\":["
                + view("v-url", "https://shop.example/thanks?o=1", "\"value\":99") + ","
                + view("v-url", "https://shop.example/thanks/faq", null) + "]}");
        assertThat(beacon.status()).as(beacon.toString()).isEqualTo(200);
        assertThat(beacon.json().getInt("stored")).isEqualTo(2);

        // Segment: Order Completed records "order" (value from the event); Product Added of the paused "cart"
        // is stored as an event, with a note, and no conversion
        ApiResponse segment = segment("{\"batch\":["
                + "{\"type\":\"track\",\"event\":\"Order Completed\",\"messageId\":\"m-1\",\"anonymousId\":\"v-seg\","
                + "\"properties\":{\"revenue\":99.5,\"order_id\":\"S-1\"}},"
                + "{\"type\":\"track\",\"event\":\"Product Added\",\"messageId\":\"m-2\",\"anonymousId\":\"v-seg\"}]}");
        assertThat(segment.status()).as(segment.toString()).isEqualTo(200);
        assertThat(segment.json().getBoolean("success")).isTrue();
        assertThat(segment.json().getJsonArray("notes").getJsonObject(0).getInt("index")).isEqualTo(1);
        assertThat(segment.json().getJsonArray("notes").getJsonObject(0).getString("note"))
                .isEqualTo("conversion action 'cart' is paused: no conversion recorded");

        // events API: naming the offline action records it at its fixed value; naming the paused one is refused
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ApiResponse events = api.postEvents(tenant.apiKey(), "{\"events\":["
                + "{\"event_id\":\"e-1\",\"type\":\"conversion\",\"timestamp\":\"" + now + "\",\"visitor_id\":\"v-api\","
                + "\"action\":\"lead\",\"value\":999},"
                + "{\"event_id\":\"e-2\",\"type\":\"conversion\",\"timestamp\":\"" + now + "\",\"visitor_id\":\"v-api\","
                + "\"action\":\"cart\"}]}");
        assertThat(events.status()).as(events.toString()).isEqualTo(202);
        assertThat(events.json().getInt("accepted")).isEqualTo(1);
        assertThat(events.json().getJsonArray("rejected").getJsonObject(0).getString("error"))
                .isEqualTo("conversion action 'cart' is paused: nothing recorded");

        List<JsonObject> conversions = rows("conversion");
        assertThat(conversions).extracting(c -> c.getString("visitor_id") + " " + c.getJsonNumber("action_id").longValue()
                        + " " + c.getJsonNumber("value").bigDecimalValue().setScale(2) + " " + c.getString("currency"))
                .containsExactlyInAnyOrder(
                        "v-url " + thanks + " 20.00 EUR",
                        "v-seg " + order + " 99.50 EUR",
                        "v-api " + lead + " 50.00 EUR");
        assertThat(conversions).noneMatch(c -> c.getJsonNumber("action_id").longValue() == cart);
        assertThat(rows("custom_event")).extracting(e -> e.getString("name")).contains("add_to_cart");

        // the beacon says so too: a paused URL action stores the page view with a note
        assertThat(patch("thanks", "{\"status\":\"paused\"}").status()).isEqualTo(200);
        ApiResponse paused = beacon("{\"v\":1,\"site\":\"" + site + "\",\"hits\":["
                + view("v-url2", "https://shop.example/thanks", null) + "]}");
        assertThat(paused.json().getInt("stored")).isEqualTo(1);
        assertThat(paused.json().getJsonArray("notes").getJsonObject(0).getString("note"))
                .isEqualTo("conversion action 'thanks' is paused: no conversion recorded");
        assertThat(rows("conversion")).hasSize(3);
    }

    @Test
    void aWindowChangeReAttributesTheActionsVisitorsInTheBackground() {
        String now = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder batch = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 5; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"event_id\":\"t-").append(i).append("\",\"type\":\"touchpoint\",")
                    .append("\"timestamp\":\"").append(now).append("\",\"visitor_id\":\"w-").append(i)
                    .append("\",\"utm_source\":\"news\",\"utm_medium\":\"email\"},{\"event_id\":\"c-").append(i)
                    .append("\",\"type\":\"conversion\",\"timestamp\":\"").append(now).append("\",\"visitor_id\":\"w-")
                    .append(i % 3).append("\",\"order_id\":\"o-").append(i).append("\",\"value\":10}");
        }
        assertThat(api.postEvents(tenant.apiKey(), batch.append("]}").toString()).status()).isEqualTo(202);
        api.awaitAttribution(tenant);

        // five purchases by three visitors (w-0, w-1, w-2): all three are queued
        JsonObject changed = ok(patch("purchase", "{\"lookback_days\":7}")).json();
        assertThat(changed.getInt("visitors_queued")).isEqualTo(3);
        assertThat(changed.getInt("lookback_days")).isEqualTo(7);
        Waits.until(() -> status().getBoolean("up_to_date"), Duration.ofSeconds(60),
                () -> "attribution did not catch up: " + status());
        assertThat(status().getJsonNumber("pending_visitors").longValue()).isZero();
        // a change of name only re-attributes nothing
        assertThat(ok(patch("purchase", "{\"name\":\"Order\"}")).json().getInt("visitors_queued")).isZero();
        // an action with conversions cannot be deleted; pausing keeps them
        ApiResponse delete = api.delete(BASE + "/purchase", admin, tenant.id());
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.json().getString("detail")).contains("has 5 conversions").contains("pause it instead");
    }

    private JsonObject status() {
        return ok(api.get("api/v1/attribution/status", tenant.apiKey())).json();
    }

    private ApiResponse create(String json) {
        return api.postJson(BASE, admin, tenant.id(), json);
    }

    private ApiResponse patch(String key, String json) {
        return api.send(api.request(BASE + "/" + key).header("Authorization", "Bearer " + admin)
                .header("X-Tracker-Tenant", tenant.id()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void assertBad(ApiResponse r, String detailStart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().getString("detail")).as(r.toString()).contains(detailStart);
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private List<JsonObject> rows(String table) {
        JsonObject state = api.tenantState(tenant.id());
        return state.containsKey(table) ? state.getJsonArray(table).getValuesAs(JsonObject.class) : List.of();
    }

    private static String view(String vid, String url, String extra) {
        return "{\"type\":\"page_view\",\"id\":\"" + UUID.randomUUID() + "\",\"consent\":\"none\",\"vid\":\"" + vid
                + "\",\"sid\":\"s-" + vid + "\",\"ss\":true,\"url\":\"" + url + "\"" + (extra == null ? "" : "," + extra) + "}";
    }

    private ApiResponse beacon(String body) {
        return api.send(api.request("v1/collect").header("User-Agent", CHROME)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private ApiResponse segment(String json) {
        return api.send(api.request("v1/batch").header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((tenant.apiKey() + ":")
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
