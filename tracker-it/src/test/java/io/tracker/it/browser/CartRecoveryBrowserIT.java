package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.browser.DemoShop.Variant;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.SmsPlatformStandIn;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Issue #11's story end to end, in Chromium on the demo shop ({@link DemoShop}) with Tracker's real tag, against a
 * stand-in SMS platform ({@link SmsPlatformStandIn}, which checks the signed webhook): a shopper who came from the
 * newsletter starts checkout with her number and SMS consent and leaves; after the flow's wait (1 minute) the
 * platform receives one signed text with a personal link; opening it lands on the restore URL with the click
 * recorded; the purchase that follows is credited to the flow's campaign (last touch) and counted as recovered. A
 * second shopper who buys within the wait gets no text; a third whose number replied STOP gets none either.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartRecoveryBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final DemoShop SHOP = DemoShop.start(DemoShop.tagSource());
    private static final String SECRET = "whsec_cart-recovery-browser-0123456789";
    private static final SmsPlatformStandIn SMS = SmsPlatformStandIn.start(SECRET);
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final String NEWSLETTER = "utm_source=newsletter&utm_medium=email&utm_campaign=autumn";

    @RegisterExtension
    final Browser browser = Browser.forEachTestAsDesktop("cart-recovery-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @AfterAll
    static void stop() {
        SHOP.close();
        SMS.close();
    }

    @Test
    void anAbandonedCheckoutIsTextedAndTheRecoveredSaleIsCreditedToTheFlow() throws Exception {
        TestTenant t = API.createTenant("Recovery shop", ZoneId.of("UTC"), "EUR", "checkout_started:MICRO:EVERY:0");
        String siteKey = API.createSite(t.id(), "Recovery shop", List.of("localhost"), false);
        String origin = TrackerClient.BASE_URL.toString().replaceAll("/$", "");
        SHOP.install("<script>\n"
                + "  window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};\n"
                + "  tracker('init', {site: '" + siteKey + "', endpoint: '" + origin + "'});\n"
                + "</script>\n"
                + "<script async src=\"" + origin + "/t.js\"></script>");
        API.addAgencyAdmin(t.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String admin = Keycloak.automationTokens().accessToken();
        ApiResponse created = API.postJson("api/v1/recovery-flows", admin, t.id(), "{\"name\":\"Checkout rescue\","
                + "\"trigger_action\":\"checkout_started\",\"wait_minutes\":1,"
                + "\"steps\":[{\"after_minutes\":1,\"message\":\"Your Outdoor Shop cart is waiting: {link}\"}],"
                + "\"webhook_url\":\"" + SMS.webhookUrl() + "\",\"webhook_secret\":\"" + SECRET + "\","
                + "\"cost_per_message\":0.05}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String hook = TrackerClient.BASE_URL.resolve(created.json().getString("hook_path").substring(1)).toString();

        // The third shopper's number replied STOP to an earlier text.
        HttpResponse<String> stop = signedHook(hook, "{\"type\":\"reply\",\"from\":\"+18005550133\",\"body\":\"STOP\"}");
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);

        // The second shopper starts checkout and buys within the wait.
        checkout("C-2", "+1 800 555 0122");
        browser.open(SHOP.url(Variant.SHOP, "order", "id=B-2"));
        assertThat(browser.text(By.id("order"))).isEqualTo("Order B-2");
        String second = awaitVisitor();
        browser.deleteCookies();

        // The third shopper, whose number opted out, starts checkout and leaves.
        checkout("C-3", "(800) 555-0133");
        String third = awaitVisitor();
        browser.deleteCookies();

        // The first shopper comes from the newsletter, starts checkout with consent and leaves.
        browser.open(SHOP.url(Variant.SHOP, "landing", NEWSLETTER));
        checkout("C-1", "+1 800 555 0101");
        String first = awaitVisitor();
        browser.screenshot("recovery-01-checkout");

        // After the wait: one signed text, to her.
        JsonObject[] carts = new JsonObject[3];
        Waits.until(() -> {
            carts[0] = cart(t, first);
            carts[1] = cart(t, second);
            carts[2] = cart(t, third);
            return carts[0] != null && carts[0].getString("status").equals("texted") && carts[1] != null
                    && carts[2] != null && !carts[2].isNull("eligibility");
        }, WAIT, () -> "waited for the carts to be judged and the first texted: " + API.get(
                "api/v1/recovery/carts", t.apiKey()).body() + "; texts: " + SMS.received() + "; problems: " + SMS.problems());
        assertThat(carts[1].getString("status")).isEqualTo("purchased");
        assertThat(carts[2].getString("status")).isEqualTo("abandoned");
        assertThat(carts[2].getString("eligibility")).isEqualTo("SUPPRESSED");
        List<SmsPlatformStandIn.Received> texts = SMS.received();
        assertThat(SMS.problems()).isEmpty();
        assertThat(texts).hasSize(1);
        SmsPlatformStandIn.Received text = texts.get(0);
        assertThat(text.to()).isEqualTo("+18005550101");
        assertThat(text.body()).isEqualTo("Your Outdoor Shop cart is waiting: " + text.link());
        assertThat(text.link()).matches(java.util.regex.Pattern.quote(origin) + "/c/[0-9A-Za-z]{8}");
        assertThat(text.messageKey()).isEqualTo(carts[0].getJsonArray("texts").getJsonObject(0).getString("message_id"));

        // She opens the link: the restore URL, with the click recorded; she pays.
        browser.open(text.link());
        assertThat(browser.text(By.id("cart-id"))).isEqualTo("Cart C-1");
        assertThat(browser.currentUrl()).startsWith(SHOP.url(Variant.SHOP, "cart", "id=C-1")).contains("utm_source=sms")
                .contains("trk=");
        browser.screenshot("recovery-02-restored-cart");
        browser.clickAndWaitForPage(By.id("pay"));
        assertThat(browser.text(By.id("order"))).isEqualTo("Order R-C-1");

        JsonObject[] recovered = new JsonObject[1];
        Waits.until(() -> {
            recovered[0] = cart(t, first);
            return recovered[0].getString("status").equals("recovered") && !recovered[0].isNull("clicked_at");
        }, WAIT, () -> "waited for the first cart to be clicked and recovered: " + recovered[0]);
        assertThat(recovered[0].getJsonNumber("recovered_value").bigDecimalValue()).isEqualByComparingTo("129.90");

        JsonObject report = API.get("api/v1/reports/cart-recovery", t.apiKey()).json();
        assertThat(report.getInt("abandoned")).isEqualTo(2);
        assertThat(report.getInt("eligible")).isEqualTo(1);
        assertThat(report.getInt("texted")).isEqualTo(1);
        assertThat(report.getInt("clicked")).isEqualTo(1);
        assertThat(report.getInt("recovered")).isEqualTo(1);
        assertThat(report.getJsonNumber("recovery_rate").doubleValue()).isEqualTo(1.0);
        assertThat(report.getJsonNumber("recovered_revenue").bigDecimalValue()).isEqualByComparingTo("129.90");
        assertThat(report.getJsonNumber("text_cost").bigDecimalValue()).isEqualByComparingTo("0.05");
        assertThat(API.get("api/v1/recovery/carts?status=suppressed", t.apiKey()).jsonArray()).hasSize(1);

        // Last touch credits the recovered sale to the flow's campaign on channel SMS; the newsletter gets no purchase.
        API.awaitAttribution(t);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        JsonObject byCampaign = API.attribution(t, Map.of("model", "last_touch", "from", yesterday, "to", today,
                "dimension", "campaign"));
        JsonObject flowRow = byCampaign.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("campaign").equals("Checkout rescue")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for the flow's campaign: " + byCampaign));
        assertThat(flowRow.getJsonNumber("conversions").bigDecimalValue()).isEqualByComparingTo("1");
        assertThat(flowRow.getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo("129.90");
        assertThat(byCampaign.getJsonArray("rows").getValuesAs(JsonObject.class))
                .noneMatch(r -> r.getString("campaign").equals("autumn"));
        JsonObject byChannel = API.attribution(t, Map.of("model", "last_touch", "from", yesterday, "to", today,
                "dimension", "channel"));
        assertThat(byChannel.getJsonArray("rows").getValuesAs(JsonObject.class))
                .anyMatch(r -> r.getString("channel").equals("SMS")
                        && r.getJsonNumber("conversions").bigDecimalValue().compareTo(java.math.BigDecimal.ONE) == 0);
    }

    /** Starts checkout on the shop with this number and SMS consent. */
    private void checkout(String cart, String phone) {
        browser.open(SHOP.url(Variant.SHOP, "checkout", "cart=" + cart));
        browser.type(By.id("phone"), phone);
        browser.click(By.id("sms-consent"));
        browser.click(By.id("start-checkout"));
        browser.waitForText(By.id("status"), "Checkout started");
    }

    /** The shop's visitor id, once the tag has set it. */
    private String awaitVisitor() {
        Waits.until(() -> browser.cookie("_trk_vid") != null, Duration.ofSeconds(15), () -> "no _trk_vid cookie");
        return browser.cookie("_trk_vid").getValue();
    }

    private static JsonObject cart(TestTenant t, String visitor) {
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        return API.get("api/v1/recovery/carts?from=" + from, t.apiKey()).jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(c -> visitor.equals(c.getString("visitor_id", null))).findFirst().orElse(null);
    }

    private static HttpResponse<String> signedHook(String url, String json) throws Exception {
        long at = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((at + "." + json).getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("X-Tracker-Signature", "t=" + at + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
