package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.browser.DemoShop.Variant;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Issue #7's first "done when", end to end: Tracker's real tag ({@code /t.js} of the server under test)
 * on a demo shop ({@link DemoShop}, another origin), installed with the snippet an analyst copies from the
 * set-up page {@code /app/sites.xhtml}; a visitor (headless Chromium presenting a desktop user agent)
 * lands from the newsletter with a Google Ads click id, adds to cart (micro conversion {@code add_to_cart})
 * and buys (macro {@code purchase}, order A-1001); the report API attributes both to the campaign, the
 * touchpoint keeps the gclid in its column, and reloading the thank-you page adds no second purchase. On a
 * site that requires consent, without consent: no {@code _trk_*} cookie in the browser and rows without
 * any visitor id. Stored rows are read back in SQL through the test fixture ({@code tenantState}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TagCollectionBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final DemoShop SHOP = DemoShop.start(DemoShop.tagSource());
    private static final String CAMPAIGN = "utm_source=newsletter&utm_medium=email&utm_campaign=spring&gclid=TEST";
    private static final Duration STORED = Duration.ofSeconds(30);

    @RegisterExtension
    final Browser browser = Browser.forEachTestAsDesktop("tag-collection-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @AfterAll
    static void stopShop() {
        SHOP.close();
    }

    @Test
    void newsletterVisitorAddsToCartAndBuysAndBothAreAttributedToTheCampaign() {
        TestTenant t = API.createTenant("Tag shop", java.time.ZoneId.of("UTC"), "EUR", "add_to_cart:MICRO:EVERY:0");
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(t.id(), DemoUser.ANALYST.email(), "ANALYST");

        // The analyst adds the site on the set-up page and copies its snippet.
        String siteName = "Outdoor Shop " + UUID.randomUUID().toString().substring(0, 6);
        browser.signIn(DemoUser.ANALYST);
        browser.open("app/sites.xhtml");
        assertThat(browser.navigation()).contains("Sites");
        browser.click(By.id("new-site-button"));
        browser.waitVisible(By.id("site-dialog"));
        browser.type(By.id("site-form:site-name"), siteName);
        browser.type(By.id("site-form:site-domains"), "localhost");
        browser.click(By.cssSelector(Browser.css("site-form:site-consent") + " .ui-chkbox-box")); // no consent needed
        browser.clickAjax(By.id("site-form:create-site"));
        browser.waitHidden(By.id("site-dialog"));
        assertThat(browser.messages("messages")).containsExactly("Added the site " + siteName
                + ". Put its snippet into every page's <head>.");
        String card = ".site-card[data-site-name='" + siteName + "']";
        String siteKey = browser.text(By.cssSelector(card + " code.site-key"));
        assertThat(siteKey).matches("site_[A-Za-z0-9_-]{22}");
        String snippet = browser.text(By.cssSelector(card + " code.site-snippet"));
        String origin = TrackerClient.BASE_URL.toString().replaceAll("/$", "");
        assertThat(snippet).isEqualTo("<script>\n"
                + "  window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};\n"
                + "  tracker('init', {site: '" + siteKey + "', endpoint: '" + origin + "'});\n"
                + "</script>\n"
                + "<script async src=\"" + origin + "/t.js\"></script>");
        browser.click(By.cssSelector(card + " .copy-button[data-copy^='snippet-']"));
        browser.waitUntil(d -> !d.findElement(By.cssSelector(card + " .copy-button[data-copy^='snippet-'] span"))
                .getText().equals("Copy"));
        browser.screenshot("tag-01-sites-page");

        // The visitor's journey on the shop.
        SHOP.install(snippet);
        String landing = SHOP.url(Variant.SHOP, "landing", CAMPAIGN);
        browser.open(landing);
        browser.clickAndWaitForPage(By.id("to-product"));
        browser.click(By.id("add-to-cart"));
        browser.waitForText(By.id("cart"), "1 item in cart");
        browser.clickAndWaitForPage(By.id("buy"));
        assertThat(browser.text(By.id("order"))).isEqualTo("Order " + DemoShop.ORDER_ID);
        JsonObject state = awaitState(t, "the landing, the add to cart and the purchase", s -> rows(s, "touchpoint").size() == 1
                && rows(s, "conversion").size() == 2 && !rows(s, "identity_link").isEmpty());
        String visitor = browser.cookie("_trk_vid").getValue();

        JsonObject touchpoint = rows(state, "touchpoint").get(0);
        assertThat(touchpoint.getString("url")).isEqualTo(landing);
        assertThat(touchpoint.getString("utm_source")).isEqualTo("newsletter");
        assertThat(touchpoint.getString("utm_medium")).isEqualTo("email");
        assertThat(touchpoint.getString("utm_campaign")).isEqualTo("spring");
        assertThat(touchpoint.getString("gclid")).isEqualTo("TEST");
        assertThat(touchpoint.getString("visitor_id")).isEqualTo(visitor);
        assertThat(touchpoint.getString("way_in")).isEqualTo("TAG");
        Map<Long, String> actionKeys = actionKeys(state);
        assertThat(rows(state, "conversion")).extracting(c -> actionKeys.get(c.getJsonNumber("action_id").longValue()))
                .containsExactlyInAnyOrder("add_to_cart", "purchase");
        assertThat(rows(state, "conversion")).extracting(c -> c.getString("visitor_id")).containsOnly(visitor);

        // Reloading the thank-you page sends the purchase again (a new event id): a duplicate, not a second purchase.
        browser.script("location.reload()");
        awaitState(t, "the reloaded purchase counted as a duplicate",
                s -> rows(s, "collection_count").stream().mapToLong(c -> c.getJsonNumber("duplicates").longValue()).sum() >= 1);
        assertThat(rows(API.tenantState(t.id()), "conversion")).hasSize(2);

        API.awaitAttribution(t);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        JsonObject macro = API.attribution(t, Map.of("model", "last_touch", "from", yesterday, "to", today,
                "dimension", "campaign"));
        assertThat(macro.getJsonArray("rows")).hasSize(1);
        JsonObject purchase = macro.getJsonArray("rows").getJsonObject(0);
        assertThat(purchase.getString("campaign")).isEqualTo("spring");
        assertThat(purchase.getJsonNumber("conversions").bigDecimalValue()).isEqualByComparingTo("1");
        assertThat(purchase.getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo("129.90");
        JsonObject micro = API.attribution(t, Map.of("model", "last_touch", "from", yesterday, "to", today,
                "dimension", "campaign", "action", "add_to_cart"));
        assertThat(micro.getJsonArray("rows")).hasSize(1);
        assertThat(micro.getJsonArray("rows").getJsonObject(0).getString("campaign")).isEqualTo("spring");
        assertThat(micro.getJsonArray("rows").getJsonObject(0).getJsonNumber("conversions").bigDecimalValue())
                .isEqualByComparingTo("1");
        browser.screenshot("tag-02-thank-you");
    }

    @Test
    void consentDeniedSetsNoCookieAndStoresNoVisitorId() {
        TestTenant t = API.createTenant("Consent shop", java.time.ZoneId.of("UTC"), "EUR", "add_to_cart:MICRO:EVERY:0");
        String siteKey = API.createSite(t.id(), "Consent shop", List.of("localhost"), true);
        String origin = TrackerClient.BASE_URL.toString().replaceAll("/$", "");
        // The snippet of a site that requires consent, as README "Collecting from websites" shows it.
        SHOP.install("<script>\n"
                + "  window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};\n"
                + "  tracker('init', {site: '" + siteKey + "', endpoint: '" + origin + "', consent: 'required'});\n"
                + "  tracker('consent', 'denied');\n"
                + "</script>\n"
                + "<script async src=\"" + origin + "/t.js\"></script>");

        browser.open(SHOP.url(Variant.SHOP, "landing", CAMPAIGN));
        browser.clickAndWaitForPage(By.id("to-product"));
        browser.click(By.id("add-to-cart"));
        browser.waitForText(By.id("cart"), "1 item in cart");
        browser.clickAndWaitForPage(By.id("buy"));
        JsonObject state = awaitState(t, "the cookieless landing, add to cart and purchase",
                s -> rows(s, "touchpoint").size() == 1 && rows(s, "conversion").size() == 2);

        assertThat(browser.cookieNames()).noneMatch(name -> name.startsWith("_trk_"));
        JsonObject touchpoint = rows(state, "touchpoint").get(0);
        assertThat(touchpoint.getString("utm_campaign")).isEqualTo("spring");
        assertThat(touchpoint.get("gclid")).isEqualTo(JsonValue.NULL);
        assertThat(touchpoint.getString("url")).doesNotContain("gclid");
        for (String table : List.of("touchpoint", "conversion", "custom_event")) {
            assertThat(rows(state, table)).as(table).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get("visitor_id")).as(table + " " + row).isEqualTo(JsonValue.NULL));
        }
        assertThat(rows(state, "identity_link")).isEmpty();
        browser.screenshot("tag-03-consent-denied");
    }

    private static JsonObject awaitState(TestTenant t, String what, Predicate<JsonObject> done) {
        JsonObject[] last = new JsonObject[1];
        Waits.until(() -> done.test(last[0] = API.tenantState(t.id())), STORED,
                () -> "waited " + STORED.toSeconds() + " s for " + what + "; stored: " + last[0]);
        return last[0];
    }

    private static List<JsonObject> rows(JsonObject state, String table) {
        return state.containsKey(table) ? state.getJsonArray(table).getValuesAs(JsonObject.class) : List.of();
    }

    private static Map<Long, String> actionKeys(JsonObject state) {
        return rows(state, "conversion_action").stream().collect(java.util.stream.Collectors.toMap(
                a -> a.getJsonNumber("id").longValue(), a -> a.getString("action_key")));
    }
}
