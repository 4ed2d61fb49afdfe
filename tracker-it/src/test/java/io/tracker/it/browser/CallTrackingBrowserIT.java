package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.browser.DemoShop.Variant;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.KeycloakLogin;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * Issue #9 (dynamic call tracking), end to end: Tracker's real tag ({@code /t.js} of the server under test) on
 * the demo shop's {@code contact} and {@code call} pages ({@link DemoShop}, another origin) asks
 * {@code /api/v1/dni/number} for the visit's number and swaps the business number {@code +18005550100} for it,
 * in every format and {@code tel:} link; the call webhook ({@code POST /api/v1/calls}) then ties a call to that
 * number within the hold to the visit, and a call outside any hold, or to the business's own number, is logged
 * unattributed. The client is set up through the real API: a pool and its numbers by an analyst (OIDC token,
 * {@code X-Tracker-Tenant}); calls come with the tenant's API key (write scope). Each test has a pool with one
 * number, so the number assigned is known in advance. Holds and the visit's ids are read back in SQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallTrackingBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final DemoShop SHOP = DemoShop.start(DemoShop.tagSource());
    private static final String BUSINESS = DemoShop.BUSINESS_NUMBER;
    private static final String CALLER = "+13125550123";
    /** A one-minute hold ends within a minute of the page's request; the wait allows for a slow machine. */
    private static final Duration HOLD_ENDS = Duration.ofMinutes(3);
    private static final Duration STORED = Duration.ofSeconds(30);

    @RegisterExtension
    final Browser browser = Browser.forEachTestAsDesktop("call-tracking-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @AfterAll
    static void stopShop() {
        SHOP.close();
    }

    /**
     * "A demo page shows the business number in three formats and a tel: 'call now' button; a visit with
     * {@code ?gclid=TEST&utm_source=google&utm_medium=cpc} shows the assigned pool number in every place; a call
     * webhook to that number within the hold time is attributed to that visit's source, campaign and click id; a
     * call after the hold has expired is unattributed."
     */
    @Test
    void adVisitSeesThePoolNumberEverywhereAndOnlyACallWithinTheHoldIsTheVisits() throws SQLException {
        TestTenant t = clientWithPool("Call demo", false, 1, "+18005550142");
        String landing = SHOP.url(Variant.SHOP, "contact", "gclid=TEST&utm_source=google&utm_medium=cpc");

        browser.open(landing);
        browser.waitForText(By.id("phone-paren"), "Call us: (800) 555-0142");
        assertThat(browser.text(By.id("phone-dots"))).isEqualTo("800.555.0142");
        assertThat(browser.text(By.id("phone-intl"))).isEqualTo("+1 800 555 0142 (24/7)");
        assertThat(browser.text(By.id("call-now"))).isEqualTo("Call now");
        assertThat(href("call-now")).isEqualTo("tel:+18005550142");
        assertThat(browser.value(By.id("note"))).as("a form field is the visitor's").isEqualTo("800-555-0100");
        browser.click(By.id("show-hours")); // content added after load
        browser.waitForText(By.id("hours-phone"), "Mon-Fri 9-17: 1-800-555-0142");
        browser.screenshot("call-tracking-01-contact-page");

        String visitor = browser.cookie("_trk_vid").getValue();
        String session = browser.cookie("_trk_sid").getValue().split("\\.")[0];
        assertThat(holders("+18005550142")).containsExactly(visitor + " " + session);

        // Half-way through the one-minute hold, however long the checks above took.
        JsonObject during = call(t, "+18005550142", "demo-during-hold", holdStart("+18005550142").plusSeconds(30), 95);
        assertThat(during.getString("attribution")).isEqualTo("SESSION");
        assertThat(during.getString("utm_source")).isEqualTo("google");
        assertThat(during.getString("utm_medium")).isEqualTo("cpc");
        assertThat(during.getString("channel")).isEqualTo("Paid Search");
        assertThat(during.get("campaign")).as("the landing names no utm_campaign").isEqualTo(JsonValue.NULL);
        assertThat(during.getString("gclid")).isEqualTo("TEST");
        assertThat(during.getString("landing_url")).isEqualTo(landing);
        assertThat(callVisitor("demo-during-hold")).isEqualTo(visitor);

        awaitHoldEnded("+18005550142");
        JsonObject after = call(t, "+18005550142", "demo-after-hold", Instant.now(), 95);
        assertThat(after.getString("attribution")).isEqualTo("UNATTRIBUTED");
        assertThat(after.get("gclid")).isEqualTo(JsonValue.NULL);
        assertThat(after.get("utm_source")).isEqualTo(JsonValue.NULL);
        assertThat(after.get("landing_url")).isEqualTo(JsonValue.NULL);
        assertThat(callVisitor("demo-after-hold")).isNotEqualTo(visitor);
    }

    /**
     * The field case: "a page with {@code <a href="tel:+18005550100">(800) 555-0100</a>},
     * {@code <a class="callnow" href="tel:18005550100">Call</a>} and the text {@code 800.555.0100}; a visitor with
     * {@code ?gclid=G18} is assigned +1 800 555 0199: all three places show it; a 95-second call to it four minutes
     * later is tied to that session, gclid G18 and google/cpc; a call to the business's own number is logged as
     * unattributed." A call to the number from before the visit's hold began is unattributed too.
     */
    @Test
    void gclidVisitorIsAssignedTheNumberAndItsCallFourMinutesLaterIsTiedToTheSession() throws SQLException {
        TestTenant t = clientWithPool("Call field case", false, 30, "+18005550199");
        Instant visit = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String landing = SHOP.url(Variant.SHOP, "call", "gclid=G18");

        browser.open(landing);
        browser.waitForText(By.id("tel-link"), "(800) 555-0199");
        assertThat(href("tel-link")).isEqualTo("tel:+18005550199");
        assertThat(browser.text(By.id("call-button"))).isEqualTo("Call");
        assertThat(href("call-button")).isEqualTo("tel:+18005550199");
        assertThat(browser.text(By.id("footer-phone"))).isEqualTo("800.555.0199");
        browser.screenshot("call-tracking-02-field-case");
        String visitor = browser.cookie("_trk_vid").getValue();
        String session = browser.cookie("_trk_sid").getValue().split("\\.")[0];
        assertThat(holders("+18005550199")).containsExactly(visitor + " " + session);

        JsonObject call = call(t, "+18005550199", "field-95s", visit.plus(Duration.ofMinutes(4)), 95);
        assertThat(call.getString("attribution")).isEqualTo("SESSION");
        assertThat(call.getString("gclid")).isEqualTo("G18");
        assertThat(call.getString("utm_source")).isEqualTo("google");
        assertThat(call.getString("utm_medium")).isEqualTo("cpc");
        assertThat(call.getString("channel")).isEqualTo("Paid Search");
        assertThat(call.getInt("duration_seconds")).isEqualTo(95);
        assertThat(Instant.parse(call.getString("started_at"))).isEqualTo(visit.plus(Duration.ofMinutes(4)));
        assertThat(call.getString("landing_url")).isEqualTo(landing);
        assertThat(callVisitor("field-95s")).isEqualTo(visitor);

        JsonObject own = call(t, BUSINESS, "field-business-number", visit.plus(Duration.ofMinutes(4)), 60);
        assertThat(own.getString("attribution")).isEqualTo("UNATTRIBUTED");
        assertThat(own.get("gclid")).isEqualTo(JsonValue.NULL);
        assertThat(own.get("utm_source")).isEqualTo(JsonValue.NULL);

        JsonObject before = call(t, "+18005550199", "field-before-hold", visit.minus(Duration.ofHours(1)), 95);
        assertThat(before.getString("attribution")).as("no session held the number then").isEqualTo("UNATTRIBUTED");
        assertThat(before.get("gclid")).isEqualTo(JsonValue.NULL);
    }

    /**
     * On a site that requires consent, a visitor who has not answered sees the business's number: the tag asks
     * for none and no number is held. Once they grant consent, the same page swaps it (so the page and the pool
     * were able to all along).
     */
    @Test
    void withoutConsentWhereItIsRequiredNothingIsSwapped() throws SQLException {
        TestTenant t = clientWithPool("Call consent", true, 30, "+18005550177");
        browser.open(SHOP.url(Variant.CONSENT, "contact", "gclid=C1&utm_source=google&utm_medium=cpc"));
        // The cookieless page view has been stored: the tag has run its page view, and with it any request for numbers.
        JsonObject[] state = new JsonObject[1];
        Waits.until(() -> !rows(state[0] = API.tenantState(t.id()), "touchpoint").isEmpty(), STORED,
                () -> "waited for the cookieless page view; stored: " + state[0]);

        assertThat(browser.text(By.id("phone-paren"))).isEqualTo("Call us: (800) 555-0100");
        assertThat(browser.text(By.id("phone-dots"))).isEqualTo("800.555.0100");
        assertThat(browser.text(By.id("phone-intl"))).isEqualTo("+1 800 555 0100 (24/7)");
        assertThat(href("call-now")).isEqualTo("tel:+18005550100");
        assertThat(browser.cookieNames()).noneMatch(name -> name.startsWith("_trk_"));
        assertThat(rows(API.tenantState(t.id()), "number_hold")).isEmpty();
        browser.screenshot("call-tracking-03-no-consent");

        browser.script("tracker('consent', 'granted');");
        browser.waitForText(By.id("phone-paren"), "Call us: (800) 555-0177");
        assertThat(href("call-now")).isEqualTo("tel:+18005550177");
        assertThat(holders("+18005550177")).hasSize(1);
    }

    // ---- set-up through the API ----

    /**
     * A client with a website, whose analyst creates a pool for the business number (hold in minutes) holding
     * these numbers; the demo shop's pages then carry the site's snippet (with {@code consent: 'required'} on the
     * {@link Variant#CONSENT} pages when the site requires consent).
     */
    private static TestTenant clientWithPool(String label, boolean consentRequired, int holdMinutes, String... numbers) {
        TestTenant t = API.createTenant(label, ZoneId.of("UTC"), "USD");
        String siteKey = API.createSite(t.id(), label, List.of("localhost"), consentRequired);
        API.invite(t.id(), DemoUser.ANALYST.email(), "ANALYST");
        String token = KeycloakLogin.accessToken(DemoUser.ANALYST);
        ApiResponse pool = API.postJson("api/v1/number-pools", token, t.id(), Json.createObjectBuilder()
                .add("name", "Website").add("swap_target", BUSINESS).add("hold_minutes", holdMinutes).build().toString());
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        long poolId = pool.json().getJsonNumber("id").longValue();
        for (String number : numbers) {
            ApiResponse made = API.postJson("api/v1/tracking-numbers", token, t.id(), Json.createObjectBuilder()
                    .add("number", number).add("forwards_to", BUSINESS).add("kind", "pool").add("pool", poolId)
                    .build().toString());
            assertThat(made.status()).as(made.toString()).isEqualTo(201);
        }
        String origin = TrackerClient.BASE_URL.toString().replaceAll("/$", "");
        SHOP.install("<script>\n"
                + "  window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};\n"
                + "  tracker('init', {site: '" + siteKey + "', endpoint: '" + origin + "'"
                + (consentRequired ? ", consent: 'required'" : "") + "});\n"
                + "</script>\n"
                + "<script async src=\"" + origin + "/t.js\"></script>");
        return t;
    }

    /** The call webhook as a provider calls it, with the tenant's API key; the stored call (201). */
    private static JsonObject call(TestTenant t, String to, String callId, Instant startedAt, int seconds) {
        String body = Json.createObjectBuilder().add("to", to).add("from", CALLER).add("call_id", callId)
                .add("started_at", startedAt.toString()).add("duration", seconds).add("status", "answered")
                .build().toString();
        ApiResponse r = API.post("api/v1/calls", t.apiKey(), "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    // ---- what the page and the database say ----

    /** The attribute as written in the page (not the resolved URL). */
    private String href(String id) {
        return (String) browser.script("return document.getElementById(arguments[0]).getAttribute('href');", id);
    }

    /** "visitor session" of every hold of the number. */
    private static List<String> holders(String number) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("select h.visitor_id "
                + "|| ' ' || h.session_id from number_hold h join tracking_number n on n.id = h.number_id "
                + "where n.number = ? order by h.id")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> holders = new java.util.ArrayList<>();
                while (rs.next()) {
                    holders.add(rs.getString(1));
                }
                return holders;
            }
        }
    }

    /** When the number's (only) hold began. */
    private static Instant holdStart(String number) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("select h.held_from "
                + "from number_hold h join tracking_number n on n.id = h.number_id where n.number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a hold of " + number).isTrue();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static String callVisitor(String callId) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select visitor_id from call where provider_call_id = ?")) {
            ps.setString(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("call " + callId + " stored").isTrue();
                return rs.getString(1);
            }
        }
    }

    /** Waits (polling the database) until the number's latest hold has ended. */
    private static void awaitHoldEnded(String number) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select held_until < now() from tracking_number where number = ?")) {
            ps.setString(1, number);
            Waits.until(() -> {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, HOLD_ENDS, () -> "the hold of " + number + " did not end within " + HOLD_ENDS.toMinutes() + " minutes");
        }
    }

    private static List<JsonObject> rows(JsonObject state, String table) {
        return state.containsKey(table) ? state.getJsonArray(table).getValuesAs(JsonObject.class) : List.of();
    }
}
