package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.SmsPlatformStandIn;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SMS cart recovery through the API against a stand-in SMS platform ({@link SmsPlatformStandIn}, which checks the
 * signed webhook's documented shape): the flows API and its bad input, quiet hours in the shopper's time zone (a cart
 * abandoned at 22:30 shopper time is texted at 08:00), STOP replies and delivery reports through the signed hook, a
 * platform error kept with its attempt, erasure, another tenant seeing nothing, and the control group's estimate
 * over 2,000 abandoned carts whose true effect the test sets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartRecoveryIT {

    private static final String SECRET = "whsec_cart-recovery-it-0123456789";
    private static final Duration TEXTED = Duration.ofSeconds(90);
    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static SmsPlatformStandIn sms;

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void startStandIn() {
        sms = SmsPlatformStandIn.start(SECRET);
    }

    @AfterAll
    static void stopStandIn() {
        if (sms != null) {
            sms.close();
        }
    }

    @Test
    void flowsApiChecksItsInputAndKeepsSecretsAndTenantsApart() {
        TestTenant t = tenant("recovery flows");
        String admin = admin(t);
        String body = flow("Checkout rescue", 30, "{\"from\":\"21:00\",\"to\":\"08:00\"}", 0, null);

        // Bad input: each a 400 naming the field.
        assertThat(assertProblem(post(admin, t, body.replace("\"name\":\"Checkout rescue\",", "")), 400)).contains("name");
        assertThat(assertProblem(post(admin, t, body.replace("checkout_started", "no_such_action")), 400))
                .contains("trigger_action").contains("no_such_action");
        assertThat(assertProblem(post(admin, t, body.replace("Back to your cart: {link}", "Back to your cart")), 400))
                .contains("steps[0].message").contains("{link}");
        assertThat(assertProblem(post(admin, t, body.replace("\"21:00\"", "\"9pm\"")), 400)).contains("quiet_hours");
        assertThat(assertProblem(post(admin, t, body.replace("\"after_minutes\":30", "\"after_minutes\":5")), 400))
                .contains("steps[0].after_minutes").contains("wait_minutes");
        assertThat(assertProblem(post(admin, t, body.replace("\"control_percent\":0", "\"control_percent\":101")), 400))
                .contains("control_percent");
        assertThat(assertProblem(post(admin, t, body.replace(sms.webhookUrl().toString(), "ftp://sms.example")), 400))
                .contains("webhook_url");
        assertThat(assertProblem(post(admin, t, "[1,2]"), 400)).isNotBlank();
        assertThat(assertProblem(post(admin, t, body.replace("Back to your cart: {link}", "Back\\u0000 {link}")), 400))
                .contains("steps[0].message");
        // An API key may read, not change.
        assertThat(api.post("api/v1/recovery-flows", t.apiKey(), "application/json",
                body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);

        // Created without a secret: one is generated and shown this once.
        ApiResponse created = post(admin, t, body.replace("\"webhook_secret\":\"" + SECRET + "\",", ""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject flow = created.json();
        String generated = flow.getString("webhook_secret");
        assertThat(generated).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(flow.getJsonObject("quiet_hours").getString("from")).isEqualTo("21:00");
        assertThat(flow.getString("purchase_action")).isEqualTo("purchase");
        assertThat(flow.getString("campaign")).isEqualTo("Cart recovery: Checkout rescue");
        assertThat(flow.getString("hook_path")).matches("/api/v1/recovery/hooks/[0-9A-Za-z_-]{24}");
        long id = flow.getJsonNumber("id").longValue();
        ApiResponse read = api.get("api/v1/recovery-flows/" + id, t.apiKey());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(generated);
        assertThat(read.json().getBoolean("webhook_secret_set")).isTrue();
        assertThat(assertProblem(post(admin, t, body), 409)).contains("Checkout rescue");

        // PUT replaces the settings and keeps the secret left out.
        ApiResponse changed = api.putJson("api/v1/recovery-flows/" + id, admin, t.id(),
                flow("Checkout rescue", 45, null, 20, null).replace("\"webhook_secret\":\"" + SECRET + "\",", ""));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getInt("wait_minutes")).isEqualTo(45);
        assertThat(changed.json().getInt("control_percent")).isEqualTo(20);
        assertThat(changed.json().get("quiet_hours")).isEqualTo(JsonValue.NULL);
        assertThat(changed.json().getBoolean("webhook_secret_set")).isTrue();
        // Switching to Twilio needs Twilio's token.
        assertThat(assertProblem(api.putJson("api/v1/recovery-flows/" + id, admin, t.id(), flow("Checkout rescue", 45,
                null, 20, null).replaceAll("\"webhook_url\":\"[^\"]*\",\"webhook_secret\":\"[^\"]*\",",
                "\"twilio\":{\"account_sid\":\"AC0123456789abcdef0123456789abcdef\",\"from\":\"+15551230000\"},")), 400))
                .contains("twilio.auth_token");

        // Another tenant sees nothing of it.
        TestTenant other = tenant("recovery other");
        assertThat(assertProblem(api.get("api/v1/recovery-flows/" + id, other.apiKey()), 404)).contains(String.valueOf(id));
        assertThat(api.get("api/v1/recovery-flows", other.apiKey()).jsonArray()).isEmpty();
        assertThat(api.delete("api/v1/recovery-flows/" + id, admin(other), other.id()).status()).isEqualTo(404);

        assertThat(api.delete("api/v1/recovery-flows/" + id, admin, t.id()).status()).isEqualTo(204);
        assertThat(api.get("api/v1/recovery-flows/" + id, t.apiKey()).status()).isEqualTo(404);
        assertThat(assertProblem(api.get("api/v1/recovery-flows/abc", t.apiKey()), 404)).contains("abc");
    }

    /**
     * A shopper in a zone where it is now between 09:00 and 10:00 starts checkout at 22:00 yesterday (their time): the
     * cart is abandoned at 22:30, inside the quiet hours 21:00–08:00, so its text is due at 08:00 their time and goes
     * out at the next poll. Its link leads to the restore URL as an SMS click of the flow's campaign.
     */
    @Test
    void aCartAbandonedAt2230ShopperTimeIsTextedAt0800() throws Exception {
        TestTenant t = tenant("recovery quiet hours");
        String admin = admin(t);
        ZoneId shopper = zoneWhereItIsNine();
        ApiResponse created = post(admin, t, flow("Night owls", 30, "{\"from\":\"21:00\",\"to\":\"08:00\"}", 0, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        LocalDate today = LocalDate.now(shopper);
        Instant checkout = today.minusDays(1).atTime(22, 0).atZone(shopper).toInstant();
        String phone = "+18005550111";
        postEvents(t, checkout("night-1", "night-visitor", checkout, "80.00", phone, shopper.getId()));
        JsonObject cart = awaitCart(t, "texted", "night-visitor");

        Instant eight = today.atTime(8, 0).atZone(shopper).toInstant();
        assertThat(Instant.parse(cart.getString("abandoned_at"))).isEqualTo(checkout.plus(30, ChronoUnit.MINUTES));
        assertThat(Instant.parse(cart.getString("first_due_at"))).isEqualTo(eight);
        JsonObject text = cart.getJsonArray("texts").getJsonObject(0);
        assertThat(Instant.parse(text.getString("due_at"))).isEqualTo(eight);
        assertThat(text.getString("status")).isEqualTo("sent");
        SmsPlatformStandIn.Received received = received(text.getString("message_id"));
        assertThat(received.to()).isEqualTo(phone);
        assertThat(received.body()).isEqualTo("Back to your cart: " + received.link());
        assertThat(received.link()).startsWith(TrackerClient.BASE_URL.toString().replaceAll("/$", "") + "/c/");
        assertThat(sms.problems()).isEmpty();

        // The link: a 302 to the restore URL with the flow's campaign and a click id.
        HttpResponse<String> opened = NO_REDIRECTS.send(HttpRequest.newBuilder(URI.create(received.link())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://shop.example/cart?id=night-1").contains("utm_source=sms")
                .contains("utm_medium=sms").containsPattern("utm_campaign=Night(\\+|%20)owls").contains("utm_content=step-1")
                .containsPattern("trk=[0-9A-Za-z]{22}");
    }

    /**
     * The hook: a signed STOP puts the number on the suppression list (its next cart is not texted), a signed delivery
     * report marks a text delivered, unsigned or wrongly signed requests are refused; a platform error is kept with the
     * attempt and the text is scheduled again; erasure removes the number.
     */
    @Test
    void stopRepliesDeliveryReportsErrorsAndErasure() throws Exception {
        TestTenant t = tenant("recovery stop");
        String admin = admin(t);
        JsonObject flow = post(admin, t, flow("Stop flow", 1, null, 0, null)).json();
        String hook = TrackerClient.BASE_URL.resolve(flow.getString("hook_path").substring(1)).toString();
        Instant recent = Instant.now().minus(3, ChronoUnit.MINUTES);

        postEvents(t, checkout("stop-1", "stop-v1", recent, "30.00", "+18005550121", null));
        JsonObject first = awaitCart(t, "texted", "stop-v1");
        String messageId = first.getJsonArray("texts").getJsonObject(0).getString("message_id");

        // Refused: no signature, a wrong one, an unknown hook.
        String stop = "{\"type\":\"reply\",\"from\":\"+1 800-555-0121\",\"body\":\" Stop \"}";
        assertThat(hookCall(hook, stop, null).statusCode()).isEqualTo(401);
        assertThat(hookCall(hook, stop, "whsec_not-the-flows-secret-0000").statusCode()).isEqualTo(401);
        assertThat(hookCall(hook.replaceAll("hooks/.*", "hooks/AAAAAAAAAAAAAAAAAAAAAAAA"), stop, SECRET).statusCode())
                .isEqualTo(401);
        HttpResponse<String> delivered = hookCall(hook, "{\"type\":\"status\",\"message_id\":\"" + messageId
                + "\",\"status\":\"delivered\"}", SECRET);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(hookCall(hook, "{\"type\":\"status\",\"message_id\":\"00000000-0000-0000-0000-000000000000\","
                + "\"status\":\"delivered\"}", SECRET).statusCode()).isEqualTo(404);
        HttpResponse<String> stopped = hookCall(hook, stop, SECRET);
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.body()).contains("opted_out");

        // The same number's next cart: abandoned, suppressed, never texted.
        int textsBefore = sms.received().size();
        postEvents(t, checkout("stop-2", "stop-v2", recent.plusSeconds(1), "30.00", "+18005550121", null));
        JsonObject suppressed = awaitCart(t, "suppressed", "stop-v2");
        assertThat(suppressed.getString("eligibility")).isEqualTo("SUPPRESSED");
        assertThat(suppressed.getJsonArray("texts")).isEmpty();

        // A platform error: kept with its attempt, and the text scheduled again.
        sms.failNext(1, 503);
        postEvents(t, checkout("stop-3", "stop-v3", recent.plusSeconds(2), "30.00", "+18005550122", null));
        JsonObject[] retried = new JsonObject[1];
        Waits.until(() -> {
            retried[0] = cart(t, null, "stop-v3");
            return retried[0] != null && !retried[0].getJsonArray("texts").isEmpty()
                    && retried[0].getJsonArray("texts").getJsonObject(0).getInt("attempts") == 1;
        }, TEXTED, () -> "waited for the first attempt of stop-v3's text: " + retried[0]);
        JsonObject text = retried[0].getJsonArray("texts").getJsonObject(0);
        assertThat(text.getString("status")).isEqualTo("scheduled");
        assertThat(text.getString("reason")).contains("503");
        assertThat(sms.received().size()).isEqualTo(textsBefore);

        JsonObject report = api.get("api/v1/reports/cart-recovery", t.apiKey()).json();
        assertThat(report.getInt("abandoned")).isEqualTo(3);
        assertThat(report.getInt("eligible")).isEqualTo(2);
        assertThat(report.getInt("texted")).isEqualTo(1);
        assertThat(report.getInt("delivered")).isEqualTo(1);
        assertThat(report.get("control")).isEqualTo(JsonValue.NULL);

        // Erasure: the number goes, its hash stays suppressed; a bad number is a 400.
        ApiResponse erased = api.postJson("api/v1/recovery/erasures", admin, t.id(), "{\"phone\":\"+18005550122\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().getString("phone_hash")).isEqualTo(sha256("+18005550122"));
        assertThat(assertProblem(api.postJson("api/v1/recovery/erasures", admin, t.id(), "{\"phone\":\"12\"}"), 400))
                .contains("phone");
        assertThat(assertProblem(api.get("api/v1/reports/cart-recovery?from=%2B300000-01-01", t.apiKey()), 400))
                .contains("from");
        // A deleted flow's hook still takes a STOP.
        assertThat(api.delete("api/v1/recovery-flows/" + flow.getJsonNumber("id").longValue(), admin, t.id()).status())
                .isEqualTo(204);
        HttpResponse<String> late = hookCall(hook, "{\"type\":\"reply\",\"from\":\"+18005550123\",\"body\":\"STOP\"}",
                SECRET);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(late.body()).contains("opted_out");
        // The other tenant's key sees none of these carts.
        assertThat(api.get("api/v1/recovery/carts", tenant("recovery stop other").apiKey()).jsonArray()).isEmpty();
    }

    /**
     * 2,000 abandoned carts, half held out (control_percent 50). The test decides who buys: 10% of the control carts and
     * 20% of the texted ones (a fixed seed), so the texts' true effect is 10 points of the texted carts. The report's
     * incremental sales equal the test's own computation, and its 95% interval holds the true effect.
     */
    @Test
    void theControlGroupShowsWhatTheTextsCaused() {
        TestTenant t = tenant("recovery control");
        String admin = admin(t);
        ApiResponse created = post(admin, t, flow("Holdout", 30, null, 50, "\"resend_after_days\":0,\"cost_per_message\":0.01,"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long flowId = created.json().getJsonNumber("id").longValue();

        int carts = 2000;
        Instant base = Instant.now().minus(31, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int from = 0; from < carts; from += 1000) {
            JsonArrayBuilder events = Json.createArrayBuilder();
            for (int i = from; i < from + 1000; i++) {
                events.add(checkout("hold-" + i, "hold-v" + i, base.minusSeconds(i % 240), "50.00",
                        String.format("+1800555%04d", i), null));
            }
            ApiResponse sent = api.postEvents(t.apiKey(), Json.createObjectBuilder().add("events", events).build().toString());
            assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        }
        List<JsonObject>[] decided = new List[1];
        Waits.until(() -> {
            decided[0] = carts(t, "abandoned");
            return decided[0].size() == carts && decided[0].stream().allMatch(c -> !c.isNull("arm")
                    && (c.getString("arm").equals("control") || c.getString("status").equals("texted")));
        }, Duration.ofMinutes(5), () -> "waited for 2,000 carts decided and texted; have "
                + (decided[0] == null ? 0 : decided[0].size()));

        // Who buys, by the test's rule: 20% of the texted arm, 10% of the control arm.
        Random random = new Random(20261206);
        JsonArrayBuilder purchases = Json.createArrayBuilder();
        long textArm = 0;
        long controlArm = 0;
        long textBought = 0;
        long controlBought = 0;
        BigDecimal textRevenue = BigDecimal.ZERO;
        BigDecimal controlRevenue = BigDecimal.ZERO;
        // After every text (the last went out a moment ago): a whole second later than now.
        String now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
        int n = 0;
        for (JsonObject cart : decided[0]) {
            boolean texted = cart.getString("arm").equals("text");
            double p = texted ? 0.20 : 0.10;
            BigDecimal value = BigDecimal.valueOf(20 + random.nextInt(10_001) / 100.0).setScale(2, RoundingMode.HALF_UP);
            boolean buys = random.nextDouble() < p;
            if (texted) {
                textArm++;
            } else {
                controlArm++;
            }
            if (buys) {
                purchases.add(Json.createObjectBuilder().add("event_id", "hold-buy-" + n).add("type", "conversion")
                        .add("visitor_id", cart.getString("visitor_id")).add("timestamp", now).add("action", "purchase")
                        .add("value", value).add("order_id", "HOLD-" + n++));
                if (texted) {
                    textBought++;
                    textRevenue = textRevenue.add(value);
                } else {
                    controlBought++;
                    controlRevenue = controlRevenue.add(value);
                }
            }
        }
        assertThat(textArm + controlArm).isEqualTo(carts);
        assertThat(textArm).isBetween(900L, 1100L);
        assertThat(sms.received().stream().filter(r -> r.body().startsWith("Back to your cart")).count())
                .isGreaterThanOrEqualTo(textArm);
        ApiResponse bought = api.postEvents(t.apiKey(), Json.createObjectBuilder().add("events", purchases).build().toString());
        assertThat(bought.status()).as(bought.toString()).isEqualTo(202);

        long expectedControl = controlBought;
        long expectedText = textBought;
        JsonObject[] report = new JsonObject[1];
        Waits.until(() -> {
            report[0] = api.get("api/v1/reports/cart-recovery?flow=" + flowId, t.apiKey()).json();
            return !report[0].isNull("control") && report[0].getJsonObject("control").getInt("recovered") == expectedControl
                    && report[0].getJsonObject("text_arm").getInt("recovered") == expectedText;
        }, Duration.ofMinutes(2), () -> "waited for the report to count the purchases: " + report[0]);

        JsonObject r = report[0];
        assertThat(r.getInt("abandoned")).isEqualTo(carts);
        assertThat(r.getInt("eligible")).isEqualTo(carts);
        assertThat(r.getInt("texted")).isEqualTo((int) textArm);
        assertThat(r.getInt("recovered")).isEqualTo((int) textBought);
        assertThat(r.getJsonNumber("recovered_revenue").bigDecimalValue()).isEqualByComparingTo(textRevenue);
        assertThat(r.getJsonNumber("text_cost").bigDecimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(textArm).multiply(new BigDecimal("0.01")));
        JsonObject control = r.getJsonObject("control");
        assertThat(control.getInt("carts")).isEqualTo((int) controlArm);
        assertThat(control.getJsonNumber("recovery_rate").doubleValue())
                .isCloseTo((double) controlBought / controlArm, within(0.00005));

        // The estimate, computed here on its own: texted purchases minus what the control's rate predicts.
        double controlRate = (double) controlBought / controlArm;
        double textRate = (double) textBought / textArm;
        double incremental = textBought - textArm * controlRate;
        double halfWidth = 1.96 * textArm * Math.sqrt(textRate * (1 - textRate) / textArm
                + controlRate * (1 - controlRate) / controlArm);
        double incrementalRevenue = textRevenue.doubleValue() - textArm * controlRevenue.doubleValue() / controlArm;
        JsonObject estimate = r.getJsonObject("incremental");
        assertThat(estimate.getJsonNumber("recovered").doubleValue()).isCloseTo(incremental, within(0.006));
        assertThat(estimate.getJsonNumber("revenue").doubleValue()).isCloseTo(incrementalRevenue, within(0.006));
        double low = estimate.getJsonArray("ci95").getJsonNumber(0).doubleValue();
        double high = estimate.getJsonArray("ci95").getJsonNumber(1).doubleValue();
        assertThat(low).isCloseTo(incremental - halfWidth, within(0.006));
        assertThat(high).isCloseTo(incremental + halfWidth, within(0.006));
        double trueEffect = textArm * (0.20 - 0.10);
        assertThat(trueEffect).as("the true effect lies in the report's 95%% interval [%s, %s]", low, high)
                .isBetween(low, high);
        // The headline "recovered" (every texted purchase) is larger than what the texts caused.
        assertThat((double) textBought).isGreaterThan(estimate.getJsonNumber("recovered").doubleValue());
    }

    // ---- helpers ----

    private TestTenant tenant(String label) {
        TestTenant t = api.createTenant(label, ZoneId.of("UTC"), "USD", "checkout_started:MICRO:EVERY:0");
        api.addSite(t.id(), "shop.example");
        return t;
    }

    private String admin(TestTenant t) {
        api.addAgencyAdmin(t.agencyId(), Keycloak.AUTOMATION_EMAIL);
        return Keycloak.automationTokens().accessToken();
    }

    private ApiResponse post(String admin, TestTenant t, String json) {
        return api.postJson("api/v1/recovery-flows", admin, t.id(), json);
    }

    /** A flow texting the stand-in once, {@code waitMinutes} after the trigger. */
    private static String flow(String name, int waitMinutes, String quietHours, int controlPercent, String more) {
        return "{\"name\":\"" + name + "\",\"trigger_action\":\"checkout_started\",\"wait_minutes\":" + waitMinutes + ","
                + (quietHours == null ? "" : "\"quiet_hours\":" + quietHours + ",")
                + "\"steps\":[{\"after_minutes\":" + waitMinutes + ",\"message\":\"Back to your cart: {link}\"}],"
                + "\"webhook_url\":\"" + sms.webhookUrl() + "\",\"webhook_secret\":\"" + SECRET + "\","
                + (more == null ? "" : more) + "\"control_percent\":" + controlPercent + "}";
    }

    private static JsonObject checkout(String id, String visitor, Instant at, String value, String phone, String zone) {
        var b = Json.createObjectBuilder().add("event_id", id).add("type", "conversion").add("visitor_id", visitor)
                .add("timestamp", at.toString()).add("action", "checkout_started").add("value", new BigDecimal(value))
                .add("restore_url", "https://shop.example/cart?id=" + id).add("phone", phone).add("sms_consent", true);
        if (zone != null) {
            b.add("time_zone", zone);
        }
        return b.build();
    }

    private void postEvents(TestTenant t, JsonObject... events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject e : events) {
            array.add(e);
        }
        ApiResponse sent = api.postEvents(t.apiKey(), Json.createObjectBuilder().add("events", array).build().toString());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().getInt("accepted")).as(sent.toString()).isEqualTo(events.length);
    }

    private List<JsonObject> carts(TestTenant t, String status) {
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        ApiResponse r = api.get("api/v1/recovery/carts?limit=10000&from=" + from
                + (status == null ? "" : "&status=" + status), t.apiKey());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.jsonArray().getValuesAs(JsonObject.class);
    }

    private JsonObject cart(TestTenant t, String status, String visitor) {
        return carts(t, status).stream().filter(c -> visitor.equals(c.getString("visitor_id", null))).findFirst()
                .orElse(null);
    }

    private JsonObject awaitCart(TestTenant t, String status, String visitor) {
        JsonObject[] found = new JsonObject[1];
        Waits.until(() -> (found[0] = cart(t, status, visitor)) != null, TEXTED,
                () -> "waited " + TEXTED.toSeconds() + " s for " + visitor + "'s cart to be " + status + "; carts: "
                        + carts(t, null) + "; texts received: " + sms.received() + "; problems: " + sms.problems());
        return found[0];
    }

    private static SmsPlatformStandIn.Received received(String messageKey) {
        return sms.received().stream().filter(r -> messageKey.equals(r.messageKey())).findFirst()
                .orElseThrow(() -> new AssertionError("the stand-in received no text " + messageKey + ": " + sms.received()));
    }

    /** A zone with a whole-hour offset in which it is now 09:xx. */
    private static ZoneId zoneWhereItIsNine() {
        int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(9 - hour, 24);
        if (offset > 14) {
            offset -= 24;
        }
        // Etc/GMT zones carry the POSIX sign: Etc/GMT-5 is UTC+5.
        ZoneId zone = ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
        assertThat(ZonedDateTime.now(zone).getHour()).isEqualTo(9);
        return zone;
    }

    private static HttpResponse<String> hookCall(String url, String json, String secret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (secret != null) {
            long t = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + json).getBytes(StandardCharsets.UTF_8)));
            b.header("X-Tracker-Signature", "t=" + t + ",v1=" + v1);
        }
        return NO_REDIRECTS.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
