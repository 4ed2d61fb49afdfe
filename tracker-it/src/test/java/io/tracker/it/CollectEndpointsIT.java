package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The website collection endpoints from outside, over HTTP: the pixel {@code GET /p.gif} and the tag's
 * beacon {@code POST /v1/collect} into a real Payara and PostgreSQL. The field cases of issue #7
 * (decoded once, every click id in its column) through both, bad input (each answer and that nothing
 * wrong is stored, read back from the tenant's rows), exactly once, consent on the server side, tenant
 * isolation by site key, and the headers (GIF, no cache, no cookie, CORS, {@code /t.js}). Expected
 * values are written down from the URLs sent. Every request carries a desktop Chrome user agent (a Java
 * client's own would be counted as a robot, not stored).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectEndpointsIT {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";
    private static final String ANDROID = "https://shop.example/landing?utm_source=Android%20App&utm_medium=app";
    private static final String NO_CODE = "https://shop.example/landing?utm_source=no%2520code&utm_medium=social";
    private static final String CLICKS = "https://shop.example/landing?gclid=Cj0KCQ_Gc-1&gbraid=0AAAAA_Gb&wbraid=WbR.aid-2";

    private final TrackerClient api = new TrackerClient();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(CollectEndpointsIT.class);
    }

    // ------------------------------------------------------------------ field cases

    @Test
    void pixelLandingUrlsAreDecodedOnceAndKeepEveryClickId() throws Exception {
        TestTenant t = tenant("pixel fields");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), false);
        for (String landing : List.of(ANDROID, NO_CODE, CLICKS)) {
            HttpResponse<byte[]> r = pixel("k=" + key + "&url=" + enc(landing) + "&vid=v-" + landing.length());
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        }
        // the campaign as the pixel's own parameters, encoded once by the page
        assertThat(pixel("k=" + key + "&utm_source=Android%20App&utm_campaign=no%2520code&url="
                + enc("https://shop.example/mail")).statusCode()).isEqualTo(200);

        List<JsonObject> touchpoints = rows(t, "touchpoint");
        assertThat(touchpoints).hasSize(4);
        assertThat(byUrl(touchpoints, ANDROID).getString("utm_source")).isEqualTo("Android App");
        assertThat(byUrl(touchpoints, NO_CODE).getString("utm_source")).isEqualTo("no%20code");
        JsonObject clicks = byUrl(touchpoints, CLICKS);
        assertThat(clicks.getString("gclid")).isEqualTo("Cj0KCQ_Gc-1");
        assertThat(clicks.getString("gbraid")).isEqualTo("0AAAAA_Gb");
        assertThat(clicks.getString("wbraid")).isEqualTo("WbR.aid-2");
        assertThat(clicks.getString("way_in")).isEqualTo("PIXEL");
        assertThat(clicks.getString("visitor_id")).isEqualTo("v-" + CLICKS.length());
        JsonObject mail = byUrl(touchpoints, "https://shop.example/mail");
        assertThat(mail.getString("utm_source")).isEqualTo("Android App");
        assertThat(mail.getString("utm_campaign")).isEqualTo("no%20code");
        assertThat(mail.get("visitor_id")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void beaconLandingsKeepTheValuesAsTheTagDecodedThemAndEveryClickId() {
        TestTenant t = tenant("beacon fields");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), false);
        String body = envelope(key,
                view("v1", ANDROID, "\"utm\":{\"source\":\"Android App\",\"medium\":\"app\"}"),
                view("v2", NO_CODE, "\"utm\":{\"source\":\"no%20code\",\"medium\":\"social\"}"),
                view("v3", CLICKS, "\"click\":{\"gclid\":\"Cj0KCQ_Gc-1\",\"gbraid\":\"0AAAAA_Gb\",\"wbraid\":\"WbR.aid-2\"}"),
                // only the URL: the server reads the query once
                view("v4", CLICKS.replace("landing", "landing2"), null));
        ApiResponse r = beacon(body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(summary(4, 0, 0));
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");

        List<JsonObject> touchpoints = rows(t, "touchpoint");
        assertThat(touchpoints).hasSize(4);
        assertThat(byUrl(touchpoints, ANDROID).getString("utm_source")).isEqualTo("Android App");
        assertThat(byUrl(touchpoints, NO_CODE).getString("utm_source")).isEqualTo("no%20code");
        for (String url : List.of(CLICKS, CLICKS.replace("landing", "landing2"))) {
            JsonObject c = byUrl(touchpoints, url);
            assertThat(c.getString("gclid")).isEqualTo("Cj0KCQ_Gc-1");
            assertThat(c.getString("gbraid")).isEqualTo("0AAAAA_Gb");
            assertThat(c.getString("wbraid")).isEqualTo("WbR.aid-2");
            assertThat(c.getString("way_in")).isEqualTo("TAG");
            assertThat(c.getString("session_id")).startsWith("s-");
        }
    }

    // ------------------------------------------------------------------ exactly once, consent, tenants

    @Test
    void aBeaconSentTwiceIsStoredOnce() {
        TestTenant t = tenant("twice");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), false);
        String body = envelope(key, view("v1", ANDROID, null),
                "{\"type\":\"conversion\",\"id\":\"" + UUID.randomUUID() + "\",\"consent\":\"none\",\"vid\":\"v1\","
                        + "\"sid\":\"s-1\",\"url\":\"https://shop.example/thanks\",\"action\":\"purchase\",\"value\":59.9,"
                        + "\"currency\":\"EUR\",\"order_id\":\"A-1\"}");
        assertThat(beacon(body).json()).isEqualTo(summary(2, 0, 0));
        assertThat(beacon(body).json()).isEqualTo(summary(0, 2, 0));
        assertThat(rows(t, "touchpoint")).hasSize(1);
        assertThat(rows(t, "conversion")).hasSize(1);
        assertThat(rows(t, "conversion").get(0).getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("59.90");
    }

    @Test
    void onASiteThatRequiresConsentTheServerDropsIdentifiersItIsNotGranted() throws Exception {
        TestTenant t = tenant("consent");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), true);
        String landing = "https://shop.example/?utm_source=newsletter&gclid=SECRET&x=1";
        String body = envelope(key,
                view("v-none", landing, "\"utm\":{\"source\":\"newsletter\"},\"click\":{\"gclid\":\"SECRET\"}"),
                "{\"type\":\"identify\",\"id\":\"" + UUID.randomUUID() + "\",\"consent\":\"none\",\"vid\":\"v-none\","
                        + "\"user_id\":\"cust-1\"}",
                view("v-granted", landing.replace("x=1", "x=2"), null).replace("\"consent\":\"none\"",
                        "\"consent\":\"granted\""));
        assertThat(beacon(body).json()).isEqualTo(summary(3, 0, 0));

        List<JsonObject> touchpoints = rows(t, "touchpoint");
        assertThat(touchpoints).hasSize(2);
        JsonObject cookieless = byUrl(touchpoints, "https://shop.example/?utm_source=newsletter&x=1");
        assertThat(cookieless.get("visitor_id")).isEqualTo(JsonValue.NULL);
        assertThat(cookieless.get("session_id")).isEqualTo(JsonValue.NULL);
        assertThat(cookieless.get("gclid")).isEqualTo(JsonValue.NULL);
        assertThat(cookieless.getString("utm_source")).isEqualTo("newsletter");
        JsonObject granted = byUrl(touchpoints, landing.replace("x=1", "x=2"));
        assertThat(granted.getString("visitor_id")).isEqualTo("v-granted");
        assertThat(granted.getString("gclid")).isEqualTo("SECRET");
        assertThat(rows(t, "identity_link")).isEmpty();

        // the pixel too: without consent=granted no vid and no click id
        assertThat(pixel("k=" + key + "&vid=v-pixel&url=" + enc(landing.replace("x=1", "x=3"))).statusCode())
                .isEqualTo(200);
        JsonObject pixel = byUrl(rows(t, "touchpoint"), "https://shop.example/?utm_source=newsletter&x=3");
        assertThat(pixel.get("visitor_id")).isEqualTo(JsonValue.NULL);
        assertThat(pixel.get("gclid")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void aSiteKeyNamesItsOwnTenantOnly() throws Exception {
        TestTenant a = tenant("tenant A");
        TestTenant b = tenant("tenant B");
        api.createSite(a.id(), "A's shop", List.of("a.example"), false);
        String bKey = api.createSite(b.id(), "B's shop", List.of("b.example"), false);
        JsonObject aBefore = api.tenantState(a.id());

        assertThat(beacon(envelope(bKey, view("v-b", "https://a.example/?utm_source=crossing", null))).json())
                .isEqualTo(summary(1, 0, 0));
        assertThat(pixel("k=" + bKey + "&url=" + enc("https://a.example/?utm_source=crossing2")).statusCode())
                .isEqualTo(200);
        assertThat(rows(b, "touchpoint")).extracting(r -> r.getString("utm_source"))
                .containsExactlyInAnyOrder("crossing", "crossing2");
        assertThat(api.tenantState(a.id())).isEqualTo(aBefore);
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badBeaconsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        TestTenant t = tenant("bad beacons");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), false);
        JsonObject before = api.tenantState(t.id());
        String hit = view("v1", ANDROID, null);

        assertThat(assertProblem(beacon(envelope("site_unknownUnknownUnknow", hit)), 400)).startsWith("site:");
        assertThat(assertProblem(beacon("{\"v\":1,\"hits\":[" + hit + "]}"), 400)).startsWith("site must be");
        assertThat(assertProblem(beacon("{\"v\":1,\"site\":\"" + key + "\",\"hits\":[" + hit), 400))
                .startsWith("the body is not a JSON document");
        assertThat(assertProblem(beacon("{\"v\":2,\"site\":\"" + key + "\",\"hits\":[" + hit + "]}"), 400))
                .isEqualTo("v must be 1, not 2");
        String many = "{\"v\":1,\"site\":\"" + key + "\",\"hits\":[" + "{},".repeat(2_500) + "{}]}";
        assertThat(assertProblem(beacon(many), 400)).isEqualTo("hits holds 2501 hits; at most 2500 fit in one beacon");
        String big = envelope(key, view("v1", "https://shop.example/?utm_source=" + "x".repeat(70_000), null));
        assertThat(assertProblem(beacon(big), 413)).contains("65536 bytes");
        // an oversized body without Content-Length (chunked) is stopped while reading
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(TrackerClient.BASE_URL.resolve("v1/collect"))
                .header("User-Agent", CHROME).header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);

        assertThat(api.tenantState(t.id())).isEqualTo(before);
    }

    @Test
    void oneBadHitIsRejectedAloneAndTheOthersAreStored() {
        TestTenant t = tenant("one bad hit");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), false);
        String body = envelope(key, view("v1", ANDROID, null),
                "{\"type\":\"click\",\"id\":\"x\"}",
                "{\"type\":\"conversion\",\"id\":\"" + UUID.randomUUID() + "\",\"vid\":\"v1\",\"action\":\"no_such_action\"}",
                view("v2", NO_CODE, null));
        JsonObject answer = beacon(body).json();
        assertThat(answer.getInt("stored")).isEqualTo(2);
        assertThat(answer.getJsonArray("rejected")).hasSize(2);
        JsonObject first = answer.getJsonArray("rejected").getJsonObject(0);
        assertThat(first.getInt("index")).isEqualTo(1);
        assertThat(first.getString("reason")).isEqualTo("type must be page_view, event, conversion or identify, not \"click\"");
        JsonObject second = answer.getJsonArray("rejected").getJsonObject(1);
        assertThat(second.getInt("index")).isEqualTo(2);
        assertThat(second.getString("reason")).contains("no_such_action");
        assertThat(rows(t, "touchpoint")).extracting(r -> r.getString("url")).containsExactlyInAnyOrder(ANDROID, NO_CODE);
        assertThat(rows(t, "conversion")).isEmpty();
    }

    @Test
    void badPixelsAre400ProblemsAndStoreNothing() throws Exception {
        TestTenant t = tenant("bad pixels");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), false);
        JsonObject before = api.tenantState(t.id());
        assertThat(pixelProblem("url=" + enc(ANDROID), 400)).startsWith("k: the site key is missing");
        assertThat(pixelProblem("k=site_unknownUnknownUnknow&url=" + enc(ANDROID), 400)).startsWith("k: no site has the key");
        // java.net.URI refuses to carry "%zz": sent over a plain socket, as a careless page could
        String raw = rawGet("/p.gif?k=" + key + "&utm_source=%zz&gclid=ab%4");
        assertThat(raw).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("utm_source is malformed");
        assertThat(pixelProblem("k=" + key + "&utm_source=%FF%FE", 400)).isEqualTo("utm_source is malformed: its escapes are not UTF-8");
        assertThat(pixelProblem("k=" + key + "&type=identify", 400)).startsWith("type must be");
        assertThat(pixelProblem("k=" + key + "&type=conversion&value=ten", 400)).startsWith("value must be a decimal number");
        assertThat(api.tenantState(t.id())).isEqualTo(before);
        // the collector's own refusal (an unknown action) is a 400 too; it is counted, nothing else stored
        assertThat(pixelProblem("k=" + key + "&type=conversion&action=no_such_action", 400)).contains("no_such_action");
        assertThat(rows(t, "conversion")).isEmpty();
    }

    // ------------------------------------------------------------------ what the answers look like

    @Test
    void thePixelIsA43ByteGifThatNoCacheKeepsAndSetsNoCookie() throws Exception {
        TestTenant t = tenant("gif");
        String key = api.createSite(t.id(), "Shop", List.of("shop.example"), false);
        HttpResponse<byte[]> r = pixel("k=" + key + "&type=conversion&action=purchase&value=59.90&currency=EUR"
                + "&order_id=A-1001&url=" + enc("https://shop.example/thanks"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).hasSize(43);
        assertThat(new String(r.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store, no-cache, must-revalidate, max-age=0");
        assertThat(r.headers().firstValue("Pragma")).hasValue("no-cache");
        assertThat(r.headers().firstValue("Expires")).hasValue("0");
        assertThat(r.headers().map()).doesNotContainKey("set-cookie");
        // the thank-you page reloaded: the order counts once
        assertThat(pixel("k=" + key + "&type=conversion&action=purchase&value=59.90&currency=EUR&order_id=A-1001")
                .statusCode()).isEqualTo(200);
        List<JsonObject> conversions = rows(t, "conversion");
        assertThat(conversions).hasSize(1);
        assertThat(conversions.get(0).getString("order_id")).isEqualTo("A-1001");
        assertThat(conversions.get(0).getString("way_in")).isEqualTo("PIXEL");
    }

    @Test
    void theBeaconAnswersCorsAndThePreflightAndTheTagFileHasItsHeaders() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(TrackerClient.BASE_URL.resolve("v1/collect"))
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("content-type");
        assertThat(preflight.headers().map()).doesNotContainKey("access-control-allow-credentials");

        ApiResponse problem = beacon("not json");
        assertProblem(problem, 400);
        assertThat(problem.header("Access-Control-Allow-Origin")).isEqualTo("*");

        HttpResponse<String> tag = http.send(HttpRequest.newBuilder(TrackerClient.BASE_URL.resolve("t.js")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tag.statusCode()).isEqualTo(200);
        assertThat(tag.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
        assertThat(tag.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(tag.headers().map()).doesNotContainKey("set-cookie");
        assertThat(tag.body()).contains("tracker");
    }

    // ------------------------------------------------------------------ helpers

    private TestTenant tenant(String label) {
        return api.createTenant(label, ZoneId.of("UTC"), "EUR");
    }

    /** A page view with cookies as the tag sends it (consent "none"), {@code extra} JSON members or null. */
    private static String view(String vid, String url, String extra) {
        return "{\"type\":\"page_view\",\"id\":\"" + UUID.randomUUID() + "\",\"consent\":\"none\",\"vid\":\"" + vid
                + "\",\"sid\":\"s-" + vid + "\",\"ss\":true,\"url\":\"" + url + "\""
                + (extra == null ? "" : "," + extra) + "}";
    }

    private static String envelope(String siteKey, String... hits) {
        return "{\"v\":1,\"site\":\"" + siteKey + "\",\"hits\":[" + String.join(",", hits) + "]}";
    }

    private static JsonObject summary(int stored, int duplicates, int bots) {
        return jakarta.json.Json.createObjectBuilder().add("stored", stored).add("duplicates", duplicates)
                .add("bots", bots).add("rejected", jakarta.json.Json.createArrayBuilder()).build();
    }

    private ApiResponse beacon(String body) {
        return api.send(api.request("v1/collect").header("User-Agent", CHROME)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<byte[]> pixel(String rawQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(TrackerClient.BASE_URL.resolve("p.gif?" + rawQuery))
                .header("User-Agent", CHROME).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String pixelProblem(String rawQuery, int status) {
        return assertProblem(api.send(api.request("p.gif?" + rawQuery).header("User-Agent", CHROME).GET()), status);
    }

    /** A GET with exactly this request target over a plain socket; the whole answer as text. */
    private static String rawGet(String target) throws IOException {
        java.net.URI base = TrackerClient.BASE_URL;
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nUser-Agent: " + CHROME + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<JsonObject> rows(TestTenant t, String table) {
        JsonObject state = api.tenantState(t.id());
        return state.containsKey(table) ? state.getJsonArray(table).getValuesAs(JsonObject.class) : List.of();
    }

    private static JsonObject byUrl(List<JsonObject> rows, String url) {
        return rows.stream().filter(r -> url.equals(r.getString("url", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with url " + url + " among " + rows));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
