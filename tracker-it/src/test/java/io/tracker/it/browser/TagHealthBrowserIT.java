package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.browser.DemoShop.Variant;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
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
 * Issue #13's "a page that loads the tag twice is reported", in a real browser with Tracker's real tag, and the
 * alert settings on the Tag health page.
 *
 * <p>How a page really fires twice: t.js guards against being installed twice (a second snippet's {@code init} is
 * ignored, a second copy of the script returns at once; {@code TagBrowserTest} shows one page view for the
 * {@link Variant#TWICE} page). What does double-count is the common mix of the site's own snippet and a tag
 * manager's Tracker tag that also sends the page view: the tag manager's copy repeats the snippet and calls
 * {@code tracker('page')}. The first {@code init} sends the automatic page view, the tag manager's {@code page}
 * a second one of the same page, same visitor, a few milliseconds later. The shop here has exactly that.
 *
 * <p>The analyst opens the shop page once, runs "Check now" on the Tag health page: the page is listed as loading the
 * tag twice, and the dashboard's alerts card shows the alert with its check (Tag fires twice). Muted on the Tag
 * health page, the card is gone. The settings form refuses a bad address with the field named and the typed values
 * kept, then saves and shows the new signing secret once; a viewer sees the settings read-only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TagHealthBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final DemoShop SHOP = DemoShop.start(DemoShop.tagSource());
    private static final Duration STORED = Duration.ofSeconds(30);

    @RegisterExtension
    final Browser browser = Browser.forEachTestAsDesktop("tag-health-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @AfterAll
    static void stopShop() {
        SHOP.close();
    }

    @Test
    void aPageWithTheSiteSnippetAndATagManagersPageViewIsReportedAndAlerted() {
        TestTenant t = API.createTenant("Tag health browser shop", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        MembershipReset.reset(API, DemoUser.VIEWER.email());
        API.invite(t.id(), DemoUser.ANALYST.email(), "ANALYST");
        API.invite(t.id(), DemoUser.VIEWER.email(), "VIEWER");
        String siteName = "Twice Shop " + UUID.randomUUID().toString().substring(0, 6);
        API.createSite(t.id(), siteName, List.of("localhost"), false);

        browser.signIn(DemoUser.ANALYST);
        browser.open("app/sites.xhtml");
        String snippet = browser.text(By.cssSelector(".site-card[data-site-name='" + siteName + "'] code.site-snippet"));
        // The site's snippet, then the tag manager's Tracker tag: the same snippet plus an explicit page view.
        String tagManagersCopy = snippet.replaceFirst("</script>", "tracker('page');\n</script>");
        assertThat(tagManagersCopy).contains("tracker('page');");
        SHOP.install(snippet + "\n" + tagManagersCopy);

        String page = SHOP.url(Variant.SHOP, "landing", null);
        browser.open(page);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Outdoor Shop");
        Waits.until(() -> doubleFires(t).size() == 1, STORED,
                () -> "waited for the doubled page in the tag-health report: " + doubleFires(t));
        assertThat(doubleFires(t)).singleElement().satisfies(p -> {
            assertThat(p.getString("page")).isEqualTo(page);
            assertThat(p.getJsonNumber("page_views").longValue()).isEqualTo(2);
            assertThat(p.getJsonNumber("double_loads").longValue()).isEqualTo(1);
        });

        // Check now on the Tag health page: the page is listed, the alert raised with its check.
        browser.open("app/tag-health.xhtml");
        browser.reveal(By.id("actions-form:check-now"));
        browser.clickAjax(By.id("actions-form:check-now"));
        assertThat(browser.messages("messages")).containsExactly("Checked: 1 new alert(s).");
        assertThat(browser.elements(By.cssSelector("#double-fire-table [data-page]")))
                .extracting(e -> e.getAttribute("data-page")).containsExactly(page);
        assertThat(browser.elements(By.cssSelector("#alerts-table [data-check]")))
                .extracting(e -> e.getAttribute("data-check"), e -> e.getAttribute("data-subject"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("double_fire", "localhost"));
        browser.screenshot("tag-health-01-double-fire");

        browser.open("app/dashboard.xhtml");
        assertThat(browser.elements(By.cssSelector("#alerts-card li[data-check]")))
                .extracting(e -> e.getAttribute("data-check")).containsExactly("double_fire");
        assertThat(browser.text(By.cssSelector("#alerts-card li[data-check='double_fire']")))
                .startsWith("Tag fires twice: localhost: 1 page(s) load the tag twice").contains(page);
        browser.screenshot("tag-health-02-dashboard-card");

        // Muted on the Tag health page: the dashboard shows no card.
        browser.open("app/tag-health.xhtml");
        browser.reveal(By.id("actions-form:mute"));
        browser.clickAjax(By.id("actions-form:mute"));
        assertThat(browser.isPresent(By.id("muted-notice"))).isTrue();
        browser.open("app/dashboard.xhtml");
        assertThat(browser.isPresent(By.id("kpi-conversions"))).as("the dashboard itself is shown").isTrue();
        assertThat(browser.isPresent(By.id("alerts-card"))).isFalse();

        // The settings: a bad address is refused by name, the typed values stay; then saved with a secret once.
        browser.open("app/tag-health.xhtml");
        String hook = "http://127.0.0.1:9/tracker-alerts";
        browser.reveal(By.id("settings-form:save"));
        browser.type(By.id("settings-form:webhook-url"), hook);
        browser.type(By.id("settings-form:emails"), "ops@client.example\nnot-an-address");
        browser.type(By.id("settings-form:patterns"), "/danke\norder-received");
        browser.clickAjax(By.id("settings-form:save"));
        assertThat(browser.messages("settings-messages")).singleElement().asString()
                .startsWith("E-mail address 2: ").contains("not-an-address");
        assertThat(browser.messages("messages")).as("shown in the settings card only").isEmpty();
        assertThat(browser.value(By.id("settings-form:webhook-url"))).isEqualTo(hook);
        assertThat(browser.value(By.id("settings-form:emails"))).isEqualTo("ops@client.example\nnot-an-address");
        assertThat(browser.value(By.id("settings-form:patterns"))).isEqualTo("/danke\norder-received");
        assertThat(browser.isPresent(By.id("secret-once"))).isFalse();
        browser.screenshot("tag-health-03-refused");

        browser.type(By.id("settings-form:emails"), "ops@client.example");
        browser.clickAjax(By.id("settings-form:save"));
        assertThat(browser.messages("settings-messages")).containsExactly(
                "Alert settings saved. Copy the webhook's signing secret now: it is not shown again.");
        assertThat(browser.text(By.id("webhook-secret"))).matches("whsec_[A-Za-z0-9_-]{32}");
        browser.screenshot("tag-health-04-secret-once");
        JsonObject stored = API.get("api/v1/alerts/settings", t.apiKey()).json();
        assertThat(stored.getString("webhook_url")).isEqualTo(hook);
        assertThat(stored.getBoolean("webhook_secret_set")).isTrue();
        assertThat(stored.getBoolean("muted")).as("saving keeps the mute").isTrue();
        assertThat(stored.getJsonArray("emails").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("ops@client.example");
        assertThat(stored.getJsonArray("thank_you_patterns").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("/danke", "order-received");
        browser.open("app/tag-health.xhtml");
        assertThat(browser.isPresent(By.id("secret-once"))).as("the secret is shown once").isFalse();
        assertThat(browser.value(By.id("settings-form:webhook-url"))).isEqualTo(hook);

        // A viewer sees the settings, read-only.
        browser.signOut();
        browser.signIn(DemoUser.VIEWER);
        browser.open("app/tag-health.xhtml");
        assertThat(browser.isPresent(By.id("settings-form"))).isFalse();
        assertThat(browser.isPresent(By.id("actions-form"))).isFalse();
        assertThat(browser.text(By.id("ro-webhook"))).isEqualTo(hook);
        assertThat(browser.text(By.id("ro-secret"))).isEqualTo("set");
        assertThat(browser.text(By.id("ro-emails"))).isEqualTo("ops@client.example");
        assertThat(browser.text(By.id("ro-patterns"))).isEqualTo("/danke, order-received");
        browser.screenshot("tag-health-05-viewer");
    }

    private static List<JsonObject> doubleFires(TestTenant t) {
        ApiResponse r = API.get("api/v1/audits/tag-health", t.apiKey());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().getJsonArray("double_fires").getValuesAs(JsonObject.class);
    }
}
