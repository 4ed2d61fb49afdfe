package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Events;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.SmsPlatformStandIn;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The cart recovery page ({@code /app/cart-recovery.xhtml}) as an analyst reads it: a flow made through the API texts
 * two abandoned checkouts through the client's SMS platform ({@link SmsPlatformStandIn}); the page's KPI cards
 * show the numbers of {@code GET /api/v1/reports/cart-recovery}, the flow and both carts are listed, and without a
 * control group the page says how to set one; with one, it says how many sales the texts really caused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartRecoveryPageBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String SECRET = "cart-recovery-page-secret-0001";
    private static final String FLOWS = "flows-form:flows-table";
    private static final String CARTS = "carts-form:carts-table";
    /** The report's numbers, by the ids of the cards that show them. */
    private static final List<String> COUNTS = List.of("abandoned", "eligible", "texted", "delivered", "clicked",
            "recovered");
    /** The recovery server polls every 2 s in the test stack; the texts go out within a few polls. */
    private static final Duration TEXTS_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    final Browser browser = Browser.forEachTest("cart-recovery-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void anAnalystSeesTheReportsNumbersTheFlowAndBothTextedCarts() {
        TestTenant shop = API.createTenant("Cart recovery page shop", ZoneId.of("America/New_York"), "USD",
                "checkout_started:MICRO:EVERY:0");
        API.addSite(shop.id(), "shop.example");
        API.addAgencyAdmin(shop.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String admin = Keycloak.automationTokens().accessToken();

        try (SmsPlatformStandIn sms = SmsPlatformStandIn.start(SECRET)) {
            ApiResponse created = API.postJson("api/v1/recovery-flows", admin, shop.id(), Json.createObjectBuilder()
                    .add("name", "Checkout rescue").add("trigger_action", "checkout_started").add("wait_minutes", 1)
                    .add("steps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("after_minutes", 1)
                            .add("message", "Your cart: {link}")))
                    .add("webhook_url", sms.webhookUrl().toString()).add("webhook_secret", SECRET)
                    .add("control_percent", 0).build().toString());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonObject flow = created.json();

            // Two shoppers with consent started checkout 10 minutes ago and left: past the wait and the first step.
            String at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
            List<JsonValue> checkouts = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                checkouts.add(Json.createObjectBuilder(Events.conversion("crp-c-" + n, "crp-v-" + n, at,
                                "checkout_started", "59.90", null))
                        .add("restore_url", "https://shop.example/cart?id=" + n)
                        .add("phone", "+1 800 555 01" + String.format(Locale.ROOT, "%02d", n))
                        .add("sms_consent", true).build());
            }
            ApiResponse sent = API.postEvents(shop.apiKey(), Events.batch(checkouts));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
            assertThat(sent.json().getInt("accepted")).as(sent.toString()).isEqualTo(2);

            Waits.until(() -> sms.received().size() >= 2, TEXTS_TIMEOUT,
                    () -> "the SMS platform received " + sms.received() + ", problems " + sms.problems());
            assertThat(sms.problems()).isEmpty();
            assertThat(sms.received()).extracting(SmsPlatformStandIn.Received::to)
                    .containsExactlyInAnyOrder("+18005550101", "+18005550102");
            // The platform's answer is recorded after it was given: wait for the report to count both texts.
            Waits.until(() -> report(shop).getJsonNumber("texted").longValue() == 2, TEXTS_TIMEOUT,
                    () -> "the report does not count both texts: " + report(shop));
            JsonObject report = report(shop);
            assertThat(report.getJsonNumber("abandoned").longValue()).isEqualTo(2);
            assertThat(report.getJsonNumber("eligible").longValue()).isEqualTo(2);
            assertThat(report.get("control")).isEqualTo(JsonValue.NULL);
            List<Long> cartIds = API.get("api/v1/recovery/carts", shop.apiKey()).jsonArray()
                    .getValuesAs(JsonObject.class).stream().map(c -> c.getJsonNumber("id").longValue()).toList();
            assertThat(cartIds).hasSize(2);

            MembershipReset.reset(API, DemoUser.ANALYST.email());
            API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");
            browser.signIn(DemoUser.ANALYST);
            browser.open("app/cart-recovery.xhtml");
            assertThat(browser.title()).isEqualTo("Cart recovery · Tracker");
            assertThat(browser.navigation()).containsSubsequence("Destinations", "Cart recovery");

            for (String count : COUNTS) {
                assertThat(browser.text(By.id("kpi-" + count))).as(count)
                        .isEqualTo(String.format(Locale.US, "%,d", report.getJsonNumber(count).longValue()));
            }
            assertThat(browser.text(By.id("kpi-texted"))).isEqualTo("2");
            assertThat(browser.text(By.id("kpi-recovery-rate"))).isEqualTo(percent(report.get("recovery_rate")));
            assertThat(browser.text(By.id("kpi-recovered-revenue"))).isEqualTo(dollars(report.get("recovered_revenue")));
            assertThat(browser.text(By.id("kpi-text-cost"))).isEqualTo(dollars(report.get("text_cost")));
            assertThat(browser.text(By.id("kpi-roi"))).isEqualTo(percent(report.get("roi")));
            assertThat(browser.text(By.id("control-note"))).contains("No control group").contains("control_percent");
            assertThat(browser.isPresent(By.id("incremental-explanation"))).isFalse();

            assertThat(browser.tableRows(FLOWS)).containsExactly(List.of("Checkout rescue", "checkout_started", "1 min",
                    "1", "0%", "yes", flow.getString("hook_path")));

            List<List<String>> carts = browser.tableRows(CARTS);
            assertThat(carts).hasSize(2).allSatisfy(row -> {
                assertThat(row.get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} E[SD]T");
                assertThat(row.subList(1, 5)).containsExactly("$59.90", "texted", "eligible", "text");
                assertThat(row.get(5)).isNotEqualTo("—");
                assertThat(row.subList(6, 8)).containsExactly("—", "—");
            });
            List<?> shown = (List<?>) browser.script("return Array.from(document.querySelectorAll('[data-cart-id]'))"
                    + ".map(e => e.getAttribute('data-cart-id'));");
            assertThat(shown.stream().map(id -> Long.valueOf((String) id)).toList())
                    .containsExactlyInAnyOrderElementsOf(cartIds);
            browser.fullPageScreenshot("70-cart-recovery");

            // The flow on its own: the same figures as the API's report of that flow.
            browser.selectMenuItem("filters:flow", "Checkout rescue");
            JsonObject ofFlow = ok(API.get("api/v1/reports/cart-recovery?flow=" + flow.getJsonNumber("id"),
                    shop.apiKey()));
            assertThat(browser.text(By.id("kpi-abandoned")))
                    .isEqualTo(String.valueOf(ofFlow.getJsonNumber("abandoned").longValue()));
            assertThat(browser.tableRows(CARTS)).hasSize(2);
        }
    }

    /**
     * The report's example, hand-checked: 40 carts texted of which 9 bought (22.5%), 40 held back of which 4 bought
     * (10%). The control's rate predicts 4 of the texted 40, so the texts caused about 5 sales, with the interval
     * 5 ± 1.96·40·√(0.225·0.775/40 + 0.1·0.9/40) = 5 ± 6.37, whole sales −1 to 11. The carts are written straight to
     * the tables (as the recovery server would have, with every purchase €50), since the control arm is drawn at
     * random from the checkouts' event ids.
     */
    @Test
    void withAControlGroupThePageSaysWhatTheTextsReallyCaused() throws Exception {
        TestTenant shop = API.createTenant("Cart recovery control shop", ZoneId.of("UTC"), "EUR",
                "checkout_started:MICRO:EVERY:0");
        API.addAgencyAdmin(shop.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String admin = Keycloak.automationTokens().accessToken();
        ApiResponse created = API.postJson("api/v1/recovery-flows", admin, shop.id(), """
                {"name":"Held back","trigger_action":"checkout_started","wait_minutes":30,
                 "steps":[{"after_minutes":30,"message":"Your cart: {link}"}],
                 "webhook_url":"https://sms.example/hooks/tracker","webhook_secret":"%s","control_percent":50}
                """.formatted(SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long flowId = created.json().getJsonNumber("id").longValue();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("insert into recovery_cart (tenant_id, flow_id, conversion_id, "
                     + "event_id, visitor_id, triggered_at, abandoned_at, value, currency, state, eligibility, arm, "
                     + "first_due_at, texted_at, outcome_at, outcome_value, recovered_at, recovered_value) "
                     + "select ?, ?, i, 'ctl-' || i, 'ctl-v-' || i, now() - interval '2 days', "
                     + "now() - interval '2 days' + interval '30 minutes', 80, 'EUR', 'ABANDONED', 'ELIGIBLE', "
                     + "case when i <= 40 then 'TEXT' else 'CONTROL' end, now() - interval '2 days' + interval '30 minutes', "
                     + "case when i <= 40 then now() - interval '2 days' + interval '30 minutes' end, "
                     + "case when i <= 9 or i between 41 and 44 then now() - interval '1 day' end, "
                     + "case when i <= 9 or i between 41 and 44 then 50 end, "
                     + "case when i <= 9 then now() - interval '1 day' end, case when i <= 9 then 50 end "
                     + "from generate_series(1, 80) i")) {
            ps.setString(1, shop.id());
            ps.setLong(2, flowId);
            assertThat(ps.executeUpdate()).isEqualTo(80);
        }
        JsonObject report = report(shop);
        assertThat(report.getJsonObject("control").getJsonNumber("carts").longValue()).isEqualTo(40);
        JsonObject incremental = report.getJsonObject("incremental");
        assertThat(incremental.getJsonNumber("recovered").bigDecimalValue()).isEqualByComparingTo("5");

        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");
        browser.signIn(DemoUser.ANALYST);
        browser.open("app/cart-recovery.xhtml");
        assertThat(browser.text(By.id("kpi-texted"))).isEqualTo("40");
        assertThat(browser.text(By.id("kpi-recovered"))).isEqualTo("9");
        assertThat(browser.text(By.id("kpi-recovery-rate"))).isEqualTo("22.50%");
        assertThat(browser.text(By.id("kpi-recovered-revenue"))).isEqualTo("€450.00");
        assertThat(browser.text(By.id("text-arm-rate"))).isEqualTo("22.50%");
        assertThat(browser.text(By.id("control-rate"))).isEqualTo("10.00%");
        assertThat(browser.text(By.id("incremental-recovered"))).isEqualTo("5.00");
        assertThat(browser.pageText()).contains("95% interval " + signed(incremental.getJsonArray("ci95").get(0))
                + " to " + signed(incremental.getJsonArray("ci95").get(1)));
        assertThat(browser.text(By.id("incremental-revenue"))).isEqualTo("€250.00");
        assertThat(browser.text(By.id("incremental-explanation"))).isEqualTo("Of 9 recovered sales in the text group, "
                + "about 5 (95% interval −1 to 11) would not have happened without the texts.");
        assertThat(browser.isPresent(By.id("control-note"))).isFalse();
        browser.fullPageScreenshot("71-cart-recovery-control-group");
    }

    /** A figure of the report with two decimals and a typographic minus, as the page writes it. */
    private static String signed(JsonValue number) {
        String text = String.format(Locale.US, "%,.2f", ((JsonNumber) number).bigDecimalValue());
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }

    private static JsonObject report(TestTenant shop) {
        return ok(API.get("api/v1/reports/cart-recovery", shop.apiKey()));
    }

    private static JsonObject ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** A fraction of the report as the page writes it ({@code 0.25} → {@code 25.00%}), null as {@code —}. */
    private static String percent(JsonValue fraction) {
        return fraction == null || fraction == JsonValue.NULL ? "—" : String.format(Locale.US, "%,.2f%%",
                ((JsonNumber) fraction).bigDecimalValue().multiply(BigDecimal.valueOf(100)));
    }

    /** An amount of the report in US dollars as the page writes it ({@code 812.4} → {@code $812.40}). */
    private static String dollars(JsonValue amount) {
        return String.format(Locale.US, "$%,.2f", ((JsonNumber) amount).bigDecimalValue());
    }
}
