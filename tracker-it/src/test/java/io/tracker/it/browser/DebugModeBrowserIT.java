package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.browser.DemoShop.Variant;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
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
 * Issue #13's debug mode, end to end: the analyst starts a debug session with "Debug this site" on the set-up page
 * and keeps the debug page open in one tab; in another tab Tracker's real tag on the demo shop ({@link DemoShop})
 * receives {@code ?tracker_debug=<id>&gclid=…}, and a test purchase (order D-…) is made on a thank-you page and the
 * page reloaded (the same order again). The debug page, without being reloaded, shows the purchase with its channel
 * (Paid Search, from the gclid of the visit) and "New", then the repeat as a duplicate order. The same browser then
 * leaves debug mode ({@code ?tracker_debug=off}) and buys order R-…: the dashboard counts exactly that purchase
 * (1 conversion, €129.90), which it would not if the debug purchase had reached the reports (2, €259.80).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DebugModeBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final DemoShop SHOP = DemoShop.start(DemoShop.tagSource());
    private static final Duration STORED = Duration.ofSeconds(30);

    @RegisterExtension
    final Browser browser = Browser.forEachTestAsDesktop("debug-mode-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @AfterAll
    static void stopShop() {
        SHOP.close();
    }

    @Test
    void theDebugPageShowsATestPurchaseLiveAndTheDashboardLeavesItOut() {
        TestTenant t = API.createTenant("Debug shop", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(t.id(), DemoUser.ANALYST.email(), "ANALYST");
        String siteName = "Debug Shop " + UUID.randomUUID().toString().substring(0, 6);
        API.createSite(t.id(), siteName, List.of("localhost"), false);

        // The shop has the snippet of the set-up page; the analyst starts debugging the site there.
        browser.signIn(DemoUser.ANALYST);
        browser.open("app/sites.xhtml");
        String card = ".site-card[data-site-name='" + siteName + "']";
        SHOP.install(browser.text(By.cssSelector(card + " code.site-snippet")));
        browser.reveal(By.cssSelector(card + " .debug-site"));
        browser.clickAndWaitForPage(By.cssSelector(card + " .debug-site"));
        assertThat(browser.currentUrl()).contains("/app/debug.xhtml?session=dbg_");
        String session = browser.currentUrl().replaceAll(".*session=", "");
        assertThat(session).matches("dbg_[A-Za-z0-9_-]{22}");
        assertThat(browser.text(By.id("debug-start"))).isEqualTo("https://localhost/?tracker_debug=" + session);
        assertThat(browser.text(By.id("debug-empty"))).isEqualTo("Waiting for the first hit of this session…");
        browser.screenshot("debug-01-waiting");

        // In a second tab: the shop in debug mode, a click from Google Ads, a test purchase, the thank-you page again.
        String debugTab = browser.openSecondTab();
        String order = "D-" + UUID.randomUUID().toString().substring(0, 6);
        browser.open(SHOP.url(Variant.SHOP, "landing", "tracker_debug=" + session + "&gclid=DebugClick"));
        assertThat(browser.cookie("_trk_debug").getValue()).isEqualTo(session);
        browser.open(SHOP.url(Variant.SHOP, "order", "id=" + order)); // a later page: debug mode from the cookie
        assertThat(browser.text(By.id("order"))).isEqualTo("Order " + order);
        String shopTab = browser.currentTab();
        browser.switchToTab(debugTab);

        // The debug page, polled, shows the purchase as new with the visit's channel, without a reload.
        awaitRows("the visit, the page view and the purchase", rows -> rows.size() == 3);
        List<Map<String, String>> rows = debugRows();
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("Conversion", "Page view", "Visit (page view)");
        Map<String, String> purchase = rows.get(0);
        assertThat(purchase).containsEntry("channel", "Paid Search (of the visit)").containsEntry("order", order)
                .containsEntry("action", "purchase").containsEntry("value", "129.90 EUR")
                .containsEntry("click_ids", "gclid=DebugClick").containsEntry("data-outcome", "new")
                .containsEntry("outcome", "New: would be recorded and counted");
        assertThat(rows.get(2)).containsEntry("channel", "Paid Search").containsEntry("click_ids", "gclid=DebugClick")
                .containsEntry("data-outcome", "new");
        browser.screenshot("debug-02-purchase-new");

        browser.switchToTab(shopTab);
        browser.script("location.reload()");
        browser.switchToTab(debugTab);
        awaitRows("the reloaded thank-you page", r -> r.size() == 5);
        Map<String, String> repeat = debugRows().get(0);
        assertThat(repeat).containsEntry("kind", "Conversion").containsEntry("order", order)
                .containsEntry("channel", "Paid Search (of the visit)").containsEntry("data-outcome", "duplicate_order")
                .containsEntry("outcome", "Duplicate: this order was already counted, not counted again");
        browser.screenshot("debug-03-purchase-duplicate");

        // Out of debug mode, the same browser buys for real.
        browser.switchToTab(shopTab);
        String realOrder = "R-" + UUID.randomUUID().toString().substring(0, 6);
        browser.open(SHOP.url(Variant.SHOP, "landing", "tracker_debug=off&gclid=RealClick"));
        assertThat(browser.cookieNames()).doesNotContain("_trk_debug");
        browser.open(SHOP.url(Variant.SHOP, "order", "id=" + realOrder));
        Waits.until(() -> conversions(API.tenantState(t.id())).size() == 1, STORED,
                () -> "waited for the real purchase: " + conversions(API.tenantState(t.id())));
        assertThat(conversions(API.tenantState(t.id()))).extracting(c -> c.getString("order_id"))
                .containsExactly(realOrder);
        API.awaitAttribution(t);

        browser.switchToTab(debugTab);
        assertThat(debugRows()).as("the real purchase is not a debug hit").hasSize(5)
                .noneMatch(r -> realOrder.equals(r.get("order")));
        browser.open("app/dashboard.xhtml");
        browser.waitForText(By.id("kpi-conversions"), "1");
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("€129.90");
        browser.screenshot("debug-04-dashboard");
    }

    /** Waits for the poll to show the rows (it reads every 2 s; the page is never reloaded here). */
    private void awaitRows(String what, Predicate<List<Map<String, String>>> done) {
        List<List<Map<String, String>>> last = new java.util.ArrayList<>(List.of(List.of()));
        Waits.until(() -> {
            last.set(0, debugRows());
            return done.test(last.get(0));
        }, STORED,
                () -> "waited for " + what + " on the debug page; it shows " + last.get(0));
    }

    /**
     * The debug page's rows, newest first: each cell by its name ({@code td.debug-<name>}, {@code -} as {@code _}) and
     * the row's data-outcome. Read in one script: the poll replaces the table every 2 seconds.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> debugRows() {
        return (List<Map<String, String>>) browser.script("return Array.from(document.querySelectorAll('tr.debug-hit'))"
                + ".map(function (tr) { var row = {'data-outcome': tr.getAttribute('data-outcome')};"
                + " tr.querySelectorAll('td').forEach(function (td) {"
                + "  row[td.classList[0].replace('debug-', '').replace('-', '_')] = td.innerText.trim(); });"
                + " return row; });");
    }

    private static List<JsonObject> conversions(JsonObject state) {
        return state.containsKey("conversion") ? state.getJsonArray("conversion").getValuesAs(JsonObject.class) : List.of();
    }
}
