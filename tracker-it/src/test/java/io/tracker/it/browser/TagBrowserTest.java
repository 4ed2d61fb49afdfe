package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.browser.DemoShop.Variant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The tag ({@code tracker-api/src/main/webapp/t.js}) in headless Chromium on a demo shop
 * ({@link DemoShop}), without Tracker's server: the shop's own HTTP server stands in for the beacon
 * endpoint and records what the tag sends. Runs with surefire (no Payara, no database). Expected
 * values are written down by hand from the URLs the test opens, or computed here (SHA-256 with
 * {@link MessageDigest}).
 */
class TagBrowserTest {

    private static final DemoShop SHOP = DemoShop.start(DemoShop.tagSource());
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final String CAMPAIGN = "utm_source=newsletter&utm_medium=email&utm_campaign=spring";

    /** Page views seen so far by {@link #awaitNextView()}. */
    private int viewsSeen;

    @RegisterExtension
    final Browser browser = new Browser(SHOP.base(), "tag-");

    @BeforeEach
    void forgetEarlierBeacons() {
        SHOP.clear();
    }

    @AfterAll
    static void stopShop() {
        SHOP.close();
    }

    @Test
    void landingKeepsEveryCampaignValueAndClickIdExactlyAndSetsTheVisitorCookie() {
        Instant before = Instant.now();
        String landing = SHOP.url(Variant.SHOP, "landing", "utm_source=Android%20App&utm_medium=cpc"
                + "&utm_campaign=no%2520code&utm_term=tent+2%2B1&utm_content=Banner_A"
                + "&gclid=Cj0KCQ-Test_GCLID&gbraid=0AAAAA-GbRaid&wbraid=WbRaid.Mixed-Case&fbclid=IwAR_Fb"
                + "&msclkid=Ms0123abc&ttclid=E.C.P.Tt&li_fat_id=LiFat-123&trk=Trk_9zX");
        browser.open(SHOP.searchPageLinkingTo(landing));
        browser.clickAndWaitForPage(By.id("result"));

        JsonObject view = SHOP.awaitHits("page_view", 1).get(0);
        assertThat(strings(view.getJsonObject("utm"))).isEqualTo(ordered(
                "source", "Android App", "medium", "cpc", "campaign", "no%20code", "term", "tent 2+1",
                "content", "Banner_A"));
        assertThat(strings(view.getJsonObject("click"))).isEqualTo(ordered(
                "gclid", "Cj0KCQ-Test_GCLID", "gbraid", "0AAAAA-GbRaid", "wbraid", "WbRaid.Mixed-Case",
                "fbclid", "IwAR_Fb", "msclkid", "Ms0123abc", "ttclid", "E.C.P.Tt", "li_fat_id", "LiFat-123",
                "trk", "Trk_9zX"));
        assertThat(view.getString("url")).isEqualTo(landing);
        // Chromium's default referrer policy (strict-origin-when-cross-origin) gives the other site's origin.
        assertThat(view.getString("ref")).isEqualTo(SHOP.trackerOrigin() + "/");
        assertThat(view.getBoolean("ss")).isTrue();
        assertThat(view.getString("consent")).isEqualTo("none");
        assertThat(view.getString("id")).matches(UUID);
        assertThat(Instant.parse(view.getString("t"))).isBetween(before.minusSeconds(1), Instant.now());

        Cookie visitor = browser.cookie("_trk_vid");
        assertThat(visitor).as("visitor cookie").isNotNull();
        assertThat(visitor.getValue()).matches(UUID).isEqualTo(view.getString("vid"));
        assertThat(visitor.getDomain()).isEqualTo("localhost");
        assertThat(visitor.getPath()).isEqualTo("/");
        assertThat(visitor.getSameSite()).isEqualTo("Lax");
        assertThat(visitor.isSecure()).isFalse();
        assertThat(Duration.between(Instant.now(), visitor.getExpiry().toInstant()))
                .isBetween(Duration.ofDays(394), Duration.ofDays(396)); // 13 months
        Cookie session = browser.cookie("_trk_sid");
        assertThat(session.getValue().split("\\.")[0]).matches(UUID).isEqualTo(view.getString("sid"));
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(Duration.between(Instant.now(), session.getExpiry().toInstant()))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));

        DemoShop.Beacon beacon = SHOP.beacons().get(0);
        assertThat(beacon.method()).isEqualTo("POST");
        assertThat(beacon.contentType()).startsWith("text/plain"); // a simple request: no CORS preflight
        assertThat(beacon.origin()).isEqualTo("http://localhost:" + SHOP.base().getPort());
        assertNoTagWarnings();
    }

    @Test
    void shopJourneySendsEachActionOnceAndOnlyTheHashOfTheEmail() throws Exception {
        browser.open(SHOP.url(Variant.SHOP, "landing", CAMPAIGN + "&gclid=TEST"));
        browser.clickAndWaitForPage(By.id("to-product"));
        browser.click(By.id("add-to-cart"));
        browser.waitForText(By.id("cart"), "1 item in cart");
        browser.clickAndWaitForPage(By.id("buy"));
        List<JsonObject> hits = awaitSentinel();

        // Beacons of different pages may overtake each other: the page views are told apart by their URL.
        Map<String, JsonObject> views = DemoShop.ofType(hits, "page_view").stream()
                .collect(Collectors.toMap(h -> h.getString("url"), h -> h));
        String landing = SHOP.url(Variant.SHOP, "landing", CAMPAIGN + "&gclid=TEST");
        String product = SHOP.url(Variant.SHOP, "product", null);
        assertThat(views).containsOnlyKeys(landing, product, SHOP.url(Variant.SHOP, "thanks", null));
        assertThat(views.values()).filteredOn(h -> h.getBoolean("ss", false)).extracting(h -> h.getString("url"))
                .containsExactly(landing);
        assertThat(strings(views.get(landing).getJsonObject("utm")))
                .isEqualTo(ordered("source", "newsletter", "medium", "email", "campaign", "spring"));
        assertThat(strings(views.get(landing).getJsonObject("click"))).isEqualTo(ordered("gclid", "TEST"));
        assertThat(views.get(product).keySet()).doesNotContain("utm", "click");

        JsonObject event = single(hits, "event", "add_to_cart");
        assertThat(event.getJsonObject("props").getString("sku")).isEqualTo("TENT-2");
        assertThat(event.getJsonObject("props").getJsonNumber("price").doubleValue()).isEqualTo(129.9);

        // The page calls tracker('conversion', …) twice with the same order id: sent once.
        List<JsonObject> conversions = DemoShop.ofType(hits, "conversion");
        assertThat(conversions).hasSize(1);
        JsonObject purchase = conversions.get(0);
        assertThat(purchase.getString("action")).isEqualTo("purchase");
        assertThat(purchase.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("129.9");
        assertThat(purchase.getString("currency")).isEqualTo("EUR");
        assertThat(purchase.getString("order_id")).isEqualTo(DemoShop.ORDER_ID);
        assertThat(purchase.getString("url")).isEqualTo(SHOP.url(Variant.SHOP, "thanks", null));

        JsonObject identify = DemoShop.ofType(hits, "identify").get(0);
        assertThat(DemoShop.ofType(hits, "identify")).hasSize(1);
        assertThat(identify.getString("user_id")).isEqualTo("cust-7");
        assertThat(identify.getString("email_sha256")).isEqualTo(sha256Hex("jane.doe@example.com"));
        assertThat(identify.containsKey("email")).isFalse();
        assertThat(SHOP.beacons()).extracting(DemoShop.Beacon::body)
                .noneMatch(body -> body.toLowerCase(java.util.Locale.ROOT).contains("jane"));

        // One visitor, one session, and every hit its own event id.
        assertThat(hits).extracting(h -> h.getString("vid")).containsOnly(browser.cookie("_trk_vid").getValue());
        assertThat(hits).extracting(h -> h.getString("sid")).containsOnly(views.get(landing).getString("sid"));
        assertThat(hits).extracting(h -> h.getString("id")).allMatch(id -> UUID.matcher(id).matches())
                .doesNotHaveDuplicates();

        // A reload of the thank-you page is a new page load: the conversion goes out again with the same
        // order id and a new event id, and the server's order-id dedupe keeps it once.
        SHOP.clear();
        browser.script("location.reload()");
        JsonObject again = SHOP.awaitHits("conversion", 1).get(0);
        assertThat(again.getString("order_id")).isEqualTo(DemoShop.ORDER_ID);
        assertThat(again.getString("id")).isNotEqualTo(purchase.getString("id"));
        assertNoTagWarnings();
    }

    @Test
    void newCampaignStartsASessionAndPlainNavigationOrThirtyMinutesDecide() {
        String vid = visit(SHOP.url(Variant.SHOP, "landing", CAMPAIGN), true).getString("vid");
        String first = sessionId();
        visit(SHOP.url(Variant.SHOP, "product", null), false);
        assertThat(sessionId()).as("plain navigation").isEqualTo(first);
        browser.open(SHOP.searchPageLinkingTo(SHOP.url(Variant.SHOP, "landing", null)));
        browser.clickAndWaitForPage(By.id("result"));
        assertThat(awaitNextView().getBoolean("ss", false)).isFalse();
        assertThat(sessionId()).as("from another site without campaign information").isEqualTo(first);
        visit(SHOP.url(Variant.SHOP, "landing", CAMPAIGN), false);
        assertThat(sessionId()).as("the session's own campaign again").isEqualTo(first);

        visit(SHOP.url(Variant.SHOP, "landing", "utm_source=newsletter&utm_medium=email&utm_campaign=summer"), true);
        String second = sessionId();
        assertThat(second).as("another campaign").isNotEqualTo(first);
        visit(SHOP.url(Variant.SHOP, "landing", "gclid=NEW-CLICK-1"), true);
        String third = sessionId();
        assertThat(third).as("a click id").isNotIn(first, second);
        visit(SHOP.url(Variant.SHOP, "product", null), false);
        assertThat(sessionId()).isEqualTo(third);

        setLastActivity(Duration.ofMinutes(29));
        visit(SHOP.url(Variant.SHOP, "product", null), false);
        assertThat(sessionId()).as("29 minutes without a hit").isEqualTo(third);
        setLastActivity(Duration.ofMinutes(31));
        visit(SHOP.url(Variant.SHOP, "product", null), true);
        assertThat(sessionId()).as("31 minutes without a hit").isNotIn(first, second, third);

        assertThat(SHOP.hits()).extracting(h -> h.getString("vid")).containsOnly(vid);
        assertThat(SHOP.hits()).extracting(h -> h.getString("sid")).doesNotContainNull();
        assertNoTagWarnings();
    }

    @Test
    void consentRequiredAndNotGivenSetsNoCookieAndSendsNoIdentifier() {
        visit(SHOP.url(Variant.SHOP, "landing", null), true); // an earlier visit left cookies
        String earlierVid = browser.cookie("_trk_vid").getValue();
        assertThat(browser.cookieNames()).contains("_trk_vid", "_trk_sid");
        SHOP.clear();

        browser.open(SHOP.url(Variant.CONSENT, "landing", CAMPAIGN + "&gclid=TEST&ref=partner"));
        JsonObject view = SHOP.awaitHits("page_view", 1).get(0);
        assertThat(browser.cookieNames()).as("cookies without consent").isEmpty();
        assertThat(view.getString("url")).isEqualTo(SHOP.url(Variant.CONSENT, "landing", CAMPAIGN + "&ref=partner"));
        assertThat(strings(view.getJsonObject("utm")))
                .isEqualTo(ordered("source", "newsletter", "medium", "email", "campaign", "spring"));
        assertThat(view.getString("consent")).isEqualTo("none");

        browser.clickAndWaitForPage(By.id("to-product"));
        browser.click(By.id("add-to-cart"));
        browser.waitForText(By.id("cart"), "1 item in cart");
        browser.clickAndWaitForPage(By.id("buy"));
        List<JsonObject> hits = awaitSentinel();

        assertThat(hits).extracting(h -> h.getString("type")).containsExactlyInAnyOrder(
                "page_view", "page_view", "event", "page_view", "conversion", "event"); // no identify
        for (JsonObject hit : hits) {
            assertThat(hit.keySet()).as("keys of %s", hit).doesNotContainAnyElementsOf(
                    Set.of("vid", "sid", "ss", "click", "user_id", "email_sha256"));
        }
        assertThat(hits).extracting(h -> h.getString("id")).doesNotHaveDuplicates();
        assertThat(SHOP.beacons()).extracting(DemoShop.Beacon::body)
                .noneMatch(body -> body.contains(earlierVid) || body.contains("gclid") || body.contains("TEST"));
        assertThat(browser.cookieNames()).isEmpty();
        assertNoTagWarnings();
    }

    @Test
    void grantingConsentStartsTrackingAndDenyingDeletesTheCookies() {
        browser.open(SHOP.url(Variant.CONSENT, "landing", CAMPAIGN + "&gclid=TEST"));
        assertThat(SHOP.awaitHits("page_view", 1).get(0).containsKey("vid")).isFalse();

        browser.script("tracker('consent', 'granted')");
        JsonObject counted = SHOP.awaitHits("page_view", 2).get(1);
        assertThat(counted.getString("consent")).isEqualTo("granted");
        assertThat(counted.getString("vid")).matches(UUID).isEqualTo(browser.cookie("_trk_vid").getValue());
        assertThat(counted.getBoolean("ss")).isTrue();
        assertThat(strings(counted.getJsonObject("click"))).isEqualTo(ordered("gclid", "TEST"));
        assertThat(browser.cookieNames()).containsExactly("_trk_consent", "_trk_sid", "_trk_vid");

        // The answer is remembered: the next page is tracked from its first hit.
        browser.clickAndWaitForPage(By.id("to-product"));
        JsonObject next = SHOP.awaitHits("page_view", 3).get(2);
        assertThat(next.getString("vid")).isEqualTo(counted.getString("vid"));
        assertThat(next.getString("sid")).isEqualTo(counted.getString("sid"));

        browser.script("tracker('consent', 'denied'); tracker('event', 'after_denial');");
        JsonObject after = single(awaitSentinel("after_denial"), "event", "after_denial");
        assertThat(browser.cookieNames()).isEmpty();
        assertThat(after.getString("consent")).isEqualTo("denied");
        assertThat(after.keySet()).doesNotContain("vid", "sid", "ss");
        assertNoTagWarnings();
    }

    @Test
    void installedTwiceCountsEveryActionOnce() {
        browser.open(SHOP.url(Variant.TWICE, "landing", CAMPAIGN));
        awaitThirdCopy();
        browser.clickAndWaitForPage(By.id("to-product"));
        awaitThirdCopy();
        browser.click(By.id("add-to-cart"));
        browser.waitForText(By.id("cart"), "1 item in cart");
        browser.clickAndWaitForPage(By.id("buy"));
        awaitThirdCopy();
        List<JsonObject> hits = awaitSentinel();

        assertThat(hits).extracting(h -> h.getString("type")).containsExactlyInAnyOrder(
                "page_view", "page_view", "event", "page_view", "conversion", "identify", "event");
        assertThat(hits).extracting(h -> h.getString("id")).doesNotHaveDuplicates();
        assertThat(DemoShop.ofType(hits, "page_view")).filteredOn(h -> h.getBoolean("ss", false))
                .extracting(h -> h.getString("url")).containsExactly(SHOP.url(Variant.TWICE, "landing", CAMPAIGN));
        assertNoTagWarnings();
    }

    @Test
    void fallsBackToFetchWhenTheBrowserRefusesTheBeacon() {
        browser.open(SHOP.url(Variant.NO_BEACON, "landing", CAMPAIGN));
        JsonObject view = SHOP.awaitHits("page_view", 1).get(0);
        assertThat(view.getString("vid")).isEqualTo(browser.cookie("_trk_vid").getValue());
        assertThat(SHOP.beacons()).extracting(DemoShop.Beacon::method).containsExactly("POST");
        assertThat(SHOP.beacons().get(0).contentType()).startsWith("text/plain");
        assertNoTagWarnings();
    }

    // ---- helpers ----

    /** Opens a page, waits for its page view and checks whether it started a session. */
    private JsonObject visit(String url, boolean startsSession) {
        browser.open(url);
        JsonObject view = awaitNextView();
        assertThat(view.getString("url")).isEqualTo(url);
        assertThat(view.getBoolean("ss", false)).as("session start on %s", url).isEqualTo(startsSession);
        assertThat(view.getString("sid")).isEqualTo(sessionId());
        return view;
    }

    private JsonObject awaitNextView() {
        List<JsonObject> views = SHOP.awaitHits("page_view", ++viewsSeen);
        return views.get(viewsSeen - 1);
    }

    private String sessionId() {
        return browser.cookie("_trk_sid").getValue().split("\\.")[0];
    }

    /** Rewrites the session cookie as if its last hit had been that long ago. */
    private void setLastActivity(Duration ago) {
        Cookie session = browser.cookie("_trk_sid");
        String[] parts = session.getValue().split("\\.", -1);
        String value = parts[0] + "." + Instant.now().minus(ago).toEpochMilli() + "." + parts[2];
        browser.setCookie(new Cookie.Builder("_trk_sid", value).path("/").sameSite("Lax")
                .expiresOn(session.getExpiry()).build());
        assertThat(browser.cookie("_trk_sid").getValue()).isEqualTo(value);
    }

    /**
     * Sends one more event, {@code sentinel}, and waits for it: the beacons of the actions before it
     * went out before it, so afterwards nothing of them is still on its way.
     */
    private List<JsonObject> awaitSentinel() {
        browser.script("tracker('event', 'sentinel')");
        return awaitSentinel("sentinel");
    }

    private List<JsonObject> awaitSentinel(String name) {
        return SHOP.awaitHits("the event " + name, hits -> hits.stream()
                .anyMatch(h -> "event".equals(h.getString("type")) && name.equals(h.getString("name"))));
    }

    /** TWICE pages: waits until the third copy of the tag, added after the load event, has run. */
    private void awaitThirdCopy() {
        browser.waitUntil(d -> "loaded".equals(browser.script("return document.body.getAttribute('data-third-copy')")));
    }

    private void assertNoTagWarnings() {
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("tracker:"));
    }

    private static JsonObject single(List<JsonObject> hits, String type, String name) {
        List<JsonObject> found = DemoShop.ofType(hits, type).stream()
                .filter(h -> name.equals(h.getString("name", null))).toList();
        assertThat(found).as("%s %s", type, name).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> strings(JsonObject object) {
        assertThat(object).isNotNull();
        return object.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) e.getValue()).getString() : e.getValue().toString(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String sha256Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
