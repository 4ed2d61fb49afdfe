package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The call tracking page ({@code /app/calls.xhtml}) as an analyst sets it up: a pool, two pool numbers and an
 * offline number for a campaign (one mistyped number refused on the way), the tables and the monthly cost of the
 * active numbers, one number deactivated, the pool's chart; a call reported with the tenant's API key and one
 * signed with the signing secret set on the page, sent to the webhook URL the page shows, both in the call log;
 * a viewer reads the tables without the forms and never sees the signing secret.
 *
 * <p>Numbers are toll-free +1 800 555 01xx / 02xx (valid for libphonenumber); a number belongs to one tenant
 * over all tenants, so each test has its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallTrackingPageBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);
    private static final String POOLS = "pools-form:pools-table";
    private static final String NUMBERS = "numbers-form:numbers-table";
    private static final String CALLS = "calls-form:calls-table";

    @RegisterExtension
    final Browser browser = Browser.forEachTest("calls-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void anAnalystSetsUpNumbersAndSeesTheirCalls() throws Exception {
        TestTenant shop = API.createTenant("Calls page shop", CHICAGO, "USD");
        API.addAgencyAdmin(shop.agencyId(), Keycloak.AUTOMATION_EMAIL);
        ApiResponse campaign = API.postJson("api/v1/campaigns", Keycloak.automationTokens().accessToken(), shop.id(),
                "{\"name\":\"radio-spring\",\"channel\":\"Radio\",\"utm_source\":\"radio\",\"utm_medium\":\"offline\","
                        + "\"utm_campaign\":\"spring\"}");
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");

        browser.signIn(DemoUser.ANALYST);
        browser.open("app/calls.xhtml");
        assertThat(browser.title()).isEqualTo("Call tracking · Tracker");
        assertThat(browser.navigation()).containsSubsequence("Links", "Calls");
        assertThat(browser.tableRows(POOLS)).containsExactly(List.of("No number pools yet."));
        assertThat(browser.tableRows(NUMBERS)).containsExactly(List.of("No tracking numbers yet."));
        assertThat(browser.tableRows(CALLS)).containsExactly(List.of("No calls in the last 7 days."));
        assertThat(browser.text(By.id("monthly-cost"))).isEqualTo("$0.00 a month");

        // A pool: the business number in a local format, the default hold, no fallback (the business number).
        browser.clickAjax(By.id("new-pool-button"));
        browser.waitVisible(By.id("pool-dialog"));
        assertThat(browser.value(By.id("pool-form:hold-minutes"))).isEqualTo("30");
        browser.type(By.id("pool-form:pool-name"), "Main site");
        browser.type(By.id("pool-form:swap-target"), "(800) 555-0100");
        browser.clickAjax(By.id("pool-form:create-pool"));
        browser.waitHidden(By.id("pool-dialog"));
        assertThat(browser.messages("messages")).containsExactly("Added the pool Main site: it swaps +1 800-555-0100.");
        assertThat(browser.tableRows(POOLS)).containsExactly(
                List.of("Main site", "+1 800-555-0100", "30", "+1 800-555-0100", "0", "0", "0", "0", "0"));

        // Two pool numbers (the form starts on "pool" and the only pool), the first one mistyped at first.
        browser.clickAjax(By.id("new-number-button"));
        browser.waitVisible(By.id("number-dialog"));
        assertThat(browser.text(By.id("number-form:number-pool_label"))).isEqualTo("Main site");
        browser.type(By.id("number-form:number"), "+1 800 555 01");
        browser.clickAjax(By.id("number-form:create-number"));
        assertThat(browser.messages("number-form:number-messages")).singleElement().asString()
                .contains("is not a valid phone number");
        browser.type(By.id("number-form:number"), "+1 800 555 0101");
        browser.type(By.id("number-form:number-label"), "DNI 1");
        browser.type(By.id("number-form:number-cost"), "1.50");
        browser.clickAjax(By.id("number-form:create-number"));
        browser.waitHidden(By.id("number-dialog"));
        assertThat(browser.messages("messages")).containsExactly("Added the tracking number +1 800-555-0101.");

        browser.clickAjax(By.id("new-number-button"));
        browser.waitVisible(By.id("number-dialog"));
        browser.type(By.id("number-form:number"), "800-555-0102");
        browser.type(By.id("number-form:number-label"), "DNI 2");
        browser.type(By.id("number-form:number-cost"), "1.50");
        browser.clickAjax(By.id("number-form:create-number"));
        browser.waitHidden(By.id("number-dialog"));

        // An offline number of the campaign: choosing the kind brings the campaign select.
        browser.clickAjax(By.id("new-number-button"));
        browser.waitVisible(By.id("number-dialog"));
        browser.selectMenuItem("number-form:number-kind", "Offline number (one campaign: print, radio, listings)");
        browser.waitVisible(By.id("number-form:number-campaign"));
        assertThat(browser.isPresent(By.id("number-form:number-pool"))).isFalse();
        assertThat(browser.text(By.id("number-form:number-campaign_label"))).isEqualTo("radio-spring");
        browser.type(By.id("number-form:number"), "+18005550111");
        browser.type(By.id("number-form:forwards-to"), "+1 800 555 0100");
        browser.type(By.id("number-form:number-label"), "Radio ad");
        browser.type(By.id("number-form:number-cost"), "3.25");
        browser.clickAjax(By.id("number-form:create-number"));
        browser.waitHidden(By.id("number-dialog"));
        assertThat(browser.messages("messages")).containsExactly("Added the tracking number +1 800-555-0111.");

        // Newest first, each active one with its "Deactivate" button; pool numbers forward to the pool's business
        // number. 1.50 + 1.50 + 3.25 = 6.25 a month.
        assertThat(browser.tableRows(NUMBERS)).containsExactly(
                List.of("+1 800-555-0111", "offline", "radio-spring", "+1 800-555-0100", "Radio ad", "$3.25", "active", "—",
                        "Deactivate"),
                List.of("+1 800-555-0102", "pool", "Main site", "+1 800-555-0100", "DNI 2", "$1.50", "active", "—",
                        "Deactivate"),
                List.of("+1 800-555-0101", "pool", "Main site", "+1 800-555-0100", "DNI 1", "$1.50", "active", "—",
                        "Deactivate"));
        assertThat(browser.text(By.id("monthly-cost"))).isEqualTo("$6.25 a month");
        assertThat(browser.tableRows(POOLS).get(0).get(4)).isEqualTo("2");
        browser.screenshot("50-call-tracking-numbers");

        // Deactivating one pool number: 6.25 - 1.50 = 4.75 a month, the pool has 1 number.
        browser.clickInRow(NUMBERS, "+1 800-555-0102", ".deactivate-number");
        browser.confirm();
        assertThat(browser.messages("messages"))
                .containsExactly("Deactivated +1 800-555-0102: it is no longer shown to visitors.");
        assertThat(browser.tableRows(NUMBERS).get(1)).containsExactly(
                "+1 800-555-0102", "pool", "Main site", "+1 800-555-0100", "DNI 2", "$1.50", "inactive", "—", "");
        assertThat(browser.text(By.id("monthly-cost"))).isEqualTo("$4.75 a month");
        assertThat(browser.tableRows(POOLS).get(0).get(4)).isEqualTo("1");

        // The chart of the last 24 hours (reloaded after the change): 24 hours, nothing held, the 1 number free.
        assertThat(browser.chartDrawn("usage-form:usage-chart")).isTrue();
        browser.waitUntil(d -> "24 Held 0-0 Free 1-1 Exhaustions 0-0".equals(browser.script(
                "var e = document.querySelector('#usage-form\\\\:usage-chart canvas');"
                        + "var c = e && window.Chart && Chart.getChart(e); if (!c) { return ''; }"
                        + "return c.data.labels.length + c.data.datasets.map(function (s) { return ' ' + s.label + ' '"
                        + " + Math.min.apply(null, s.data) + '-' + Math.max.apply(null, s.data); }).join('');")));

        // The webhook as the API tells it, shown with the URL to give the provider.
        JsonObject webhook = API.get("api/v1/call-webhook", Keycloak.automationTokens().accessToken(), shop.id())
                .json();
        String account = webhook.getString("account_id");
        assertThat(browser.text(By.id("webhook-account"))).isEqualTo(account);
        assertThat(browser.text(By.id("webhook-url"))).isEqualTo(browser.url("api/v1/calls?account=" + account));
        assertThat(browser.text(By.id("webhook-secret"))).isEqualTo(webhook.getString("signing_secret"));

        browser.type(By.id("secret-form:new-secret"), "too-short");
        browser.clickAjax(By.id("secret-form:use-secret"));
        assertThat(browser.messages("messages")).containsExactly("signing_secret must be 16 to 200 characters");
        String authToken = "twilio-auth-token-0123456789abcdef";
        browser.type(By.id("secret-form:new-secret"), authToken);
        browser.clickAjax(By.id("secret-form:use-secret"));
        assertThat(browser.messages("messages"))
                .containsExactly("Saved the signing secret: requests signed with it are accepted from now on.");
        assertThat(browser.text(By.id("webhook-secret"))).isEqualTo(authToken);
        assertThat(API.get("api/v1/call-webhook", Keycloak.automationTokens().accessToken(), shop.id()).json()
                .getString("signing_secret")).isEqualTo(authToken);

        // A call with the API key, and a later one from the same caller signed with the new secret, sent to the
        // URL the page shows.
        Instant first = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        ApiResponse c1 = API.post("api/v1/calls", shop.apiKey(), "application/json",
                call("c-1", first, 70).getBytes(StandardCharsets.UTF_8));
        assertThat(c1.status()).as(c1.toString()).isEqualTo(201);
        Instant second = first.plusSeconds(30);
        byte[] body = call("c-2", second, 5).getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = "t=" + now + ",v1="
                + hmacSha256Hex(authToken, (now + ".").getBytes(StandardCharsets.UTF_8), body);
        ApiResponse c2 = API.send(HttpRequest.newBuilder(java.net.URI.create(browser.text(By.id("webhook-url"))))
                .header("Content-Type", "application/json").header("X-Tracker-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(c2.status()).as(c2.toString()).isEqualTo(201);

        browser.open("app/calls.xhtml");
        List<List<String>> calls = browser.tableRows(CALLS);
        assertThat(calls).containsExactly(
                List.of(SHOWN.format(second.atZone(CHICAGO)), "+1 800-555-0111", "+1 ••• 0123", "0:05", "answered",
                        "campaign", "Radio", "radio / offline", "radio-spring", "", "", "no", "no"),
                List.of(SHOWN.format(first.atZone(CHICAGO)), "+1 800-555-0111", "+1 ••• 0123", "1:10", "answered",
                        "campaign", "Radio", "radio / offline", "radio-spring", "", "", "no", "yes"));
        browser.fullPageScreenshot("51-call-tracking-page");
    }

    @Test
    void aViewerReadsTheTablesWithoutTheFormsOrTheSigningSecret() {
        TestTenant shop = API.createTenant("Calls viewer shop", CHICAGO, "EUR");
        API.addAgencyAdmin(shop.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String token = Keycloak.automationTokens().accessToken();
        ApiResponse pool = API.postJson("api/v1/number-pools", token, shop.id(),
                "{\"name\":\"Shop site\",\"swap_target\":\"+1 800 555 0200\",\"hold_minutes\":20}");
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        ApiResponse number = API.postJson("api/v1/tracking-numbers", token, shop.id(),
                "{\"number\":\"+1 800 555 0201\",\"kind\":\"source\",\"pool\":" + pool.json().getJsonNumber("id")
                        + ",\"utm_source\":\"google\",\"utm_medium\":\"cpc\",\"monthly_cost\":2.40}");
        assertThat(number.status()).as(number.toString()).isEqualTo(201);
        String secret = API.get("api/v1/call-webhook", token, shop.id()).json().getString("signing_secret");
        MembershipReset.reset(API, DemoUser.VIEWER.email());
        API.invite(shop.id(), DemoUser.VIEWER.email(), "VIEWER");

        browser.signIn(DemoUser.VIEWER);
        browser.open("app/calls.xhtml");
        assertThat(browser.title()).isEqualTo("Call tracking · Tracker");
        assertThat(browser.tableRows(POOLS)).containsExactly(
                List.of("Shop site", "+1 800-555-0200", "20", "+1 800-555-0200", "0", "0", "0", "0", "0"));
        assertThat(browser.tableRows(NUMBERS)).containsExactly(List.of("+1 800-555-0201", "source",
                "google / cpc (Shop site)", "+1 800-555-0200", "", "€2.40", "active", "—", ""));
        assertThat(browser.text(By.id("monthly-cost"))).isEqualTo("€2.40 a month");
        assertThat(browser.chartDrawn("usage-form:usage-chart")).isTrue();

        assertThat(browser.isPresent(By.id("new-pool-button"))).isFalse();
        assertThat(browser.isPresent(By.id("new-number-button"))).isFalse();
        assertThat(browser.isPresent(By.id("pool-form"))).isFalse();
        assertThat(browser.isPresent(By.id("number-form"))).isFalse();
        assertThat(browser.isPresent(By.cssSelector(".deactivate-number"))).isFalse();
        assertThat(browser.isPresent(By.id("webhook"))).isFalse();
        assertThat(browser.isPresent(By.id("webhook-secret"))).isFalse();
        assertThat(browser.isPresent(By.id("secret-form"))).isFalse();
        assertThat(browser.pageText()).contains("set up by the client's analysts and agency admins");
        assertThat((String) browser.script("return document.documentElement.outerHTML;")).doesNotContain(secret);
    }

    /** The webhook's JSON shape: a call from +1 312 555 0123 to the offline number. */
    private static String call(String id, Instant startedAt, int seconds) {
        return "{\"to\":\"+18005550111\",\"from\":\"+13125550123\",\"call_id\":\"" + id + "\",\"started_at\":\""
                + startedAt + "\",\"duration\":" + seconds + ",\"status\":\"answered\"}";
    }

    /** Lowercase hex HMAC-SHA256 of the parts in order (Tracker's webhook signature: "t." then the body). */
    private static String hmacSha256Hex(String secret, byte[]... parts) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (byte[] part : parts) {
            mac.update(part);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
