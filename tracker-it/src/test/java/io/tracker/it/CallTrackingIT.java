package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call tracking through the HTTP API: an offline number's calls credited to its campaign, the telephony
 * webhook's bad input (nothing stored, clear 4xx, a repeated call id answered idempotently), Twilio's signed
 * status callback, and number assignment under contention (200 sessions, 50 numbers).
 *
 * <p>Tracking numbers are unique over all tenants, and every IT shares one database: this class uses
 * +1 800 555 0143 to 0146 and 2000 to 2049, the browser ITs others.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallTrackingIT {

    private static final String BUSINESS = "+18005550100";

    private final TrackerClient api = new TrackerClient();
    private TestTenant tenant;
    private String admin;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeEach
    void tenantWithAdmin() {
        tenant = api.createTenant("call tracking", ZoneId.of("UTC"), "USD");
        api.addAgencyAdmin(tenant.agencyId(), Keycloak.AUTOMATION_EMAIL);
        admin = Keycloak.automationTokens().accessToken();
    }

    /**
     * A radio campaign's offline number: a qualifying call (answered, at least 60 s) is a conversion of the
     * call action credited to the radio campaign by every rule-based model; a short call is logged, not a
     * conversion; the caller's second call is not first-time.
     */
    @Test
    void anOfflineNumbersCallsAreCreditedToItsCampaign() {
        long radio = created(api.postJson("api/v1/campaigns", admin, tenant.id(),
                "{\"name\":\"Morning radio\",\"channel\":\"Radio\"}")).getJsonNumber("id").longValue();
        created(api.postJson("api/v1/conversion-actions", admin, tenant.id(), """
                {"key":"qualified_call","name":"Qualified call","category":"macro",
                 "trigger":{"type":"call","min_seconds":60},"value":{"source":"fixed","default":40}}"""));
        JsonObject number = created(api.postJson("api/v1/tracking-numbers", admin, tenant.id(),
                "{\"number\":\"(800) 555-0146\",\"forwards_to\":\"" + BUSINESS + "\",\"kind\":\"offline\",\"campaign\":"
                        + radio + ",\"monthly_cost\":3.5}"));
        assertThat(number.getString("number")).isEqualTo("+18005550146");
        assertThat(number.getString("kind")).isEqualTo("OFFLINE");

        String at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonObject call = created(postCall(json("+18005550146", "+13125550123", "radio-1", at, 95, "answered")));
        assertThat(call.getString("attribution")).isEqualTo("CAMPAIGN");
        assertThat(call.getString("campaign")).isEqualTo("Morning radio");
        assertThat(call.getString("channel")).isEqualTo("Radio");
        assertThat(call.getString("caller_masked")).isEqualTo("+1 ••• 0123");
        assertThat(call.getBoolean("qualified")).isTrue();
        assertThat(call.getBoolean("first_time")).isTrue();
        String later = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonObject shortCall = created(postCall(json("+18005550146", "+1 312 555 0123", "radio-2", later, 30, "answered")));
        assertThat(shortCall.getBoolean("qualified")).as("30 s < 60 s").isFalse();
        assertThat(shortCall.getBoolean("first_time")).as("the same caller again").isFalse();

        api.awaitAttribution(tenant);
        String day = at.substring(0, 10);
        for (String model : List.of("last_touch", "first_touch", "linear", "position_based", "time_decay")) {
            JsonObject report = api.attribution(tenant, model, day, later.substring(0, 10), "campaign");
            JsonArray rows = report.getJsonArray("rows");
            assertThat(rows).as(model + ": " + report).hasSize(1);
            assertThat(rows.getJsonObject(0).getString("campaign")).isEqualTo("Morning radio");
            assertThat(rows.getJsonObject(0).getJsonNumber("conversions").doubleValue()).as(model).isEqualTo(1.0);
            assertThat(rows.getJsonObject(0).getJsonNumber("revenue").doubleValue()).as(model).isEqualTo(40.0);
        }
        JsonArray log = api.get("api/v1/calls?from=" + Instant.now().minus(1, ChronoUnit.DAYS), tenant.apiKey()).jsonArray();
        assertThat(log).hasSize(2);
        assertThat(log.getJsonObject(0).getString("provider_call_id")).isEqualTo("radio-2");
    }

    /** Bad webhook input: a clear 4xx each time, and the tenant's rows exactly as before. */
    @Test
    void badWebhookInputIsRefusedAndStoresNothing() {
        created(api.postJson("api/v1/campaigns", admin, tenant.id(), "{\"name\":\"Print\",\"channel\":\"Print\"}"));
        long print = api.get("api/v1/campaigns", tenant.apiKey()).jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        created(api.postJson("api/v1/tracking-numbers", admin, tenant.id(), "{\"number\":\"+18005550143\",\"forwards_to\":\""
                + BUSINESS + "\",\"kind\":\"offline\",\"campaign\":" + print + "}"));
        String now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        created(postCall(json("+18005550143", "+13125550199", "ok-1", now, 10, "missed")));
        api.awaitAttribution(tenant);
        JsonObject before = api.tenantState(tenant.id());

        assertThat(assertProblem(postCall(json("+18005550177", "+13125550199", "x-1", now, 10, "missed")), 400))
                .contains("+18005550177").contains("not one of the client's tracking numbers");
        assertThat(assertProblem(postCall(json("+18005550143", null, null, now, 10, "missed")), 400)).contains("call_id");
        assertThat(assertProblem(postCall(json(null, "+13125550199", "x-2", now, 10, "missed")), 400)).contains("to");
        assertThat(assertProblem(postCall(json("+18005550143", "+13125550199", "x-3", "yesterday at noon", 10, "missed")),
                400)).contains("started_at");
        assertThat(assertProblem(postCall(json("+18005550143", "+13125550199", "x-4", now, -5, "missed")), 400))
                .contains("duration");
        assertThat(assertProblem(postCall(json("+18005550143", "+13125550199", "x-5", now, 10, "ringing")), 400))
                .contains("status");
        assertThat(assertProblem(postCall(json("+18005550143", "+13125550199", "x-6",
                Instant.now().plus(1, ChronoUnit.DAYS).toString(), 10, "missed")), 400)).contains("future");
        assertProblem(api.post("api/v1/calls", tenant.apiKey(), "application/json",
                "{\"to\":".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(api.post("api/v1/calls", tenant.apiKey(), "application/json",
                "[]".getBytes(StandardCharsets.UTF_8)), 400);
        // no credential, an unknown account, a wrong signature, a stale signature
        assertProblem(api.post("api/v1/calls", null, "application/json", callBody("x-7", now)), 401);
        assertProblem(signedJson("acct_doesnotexist00", "secret-secret-secret-0", callBody("x-8", now),
                Instant.now().getEpochSecond()), 401);
        JsonObject webhook = api.get("api/v1/call-webhook", admin, tenant.id()).json();
        String account = webhook.getString("account_id");
        assertProblem(signedJson(account, "not-the-secret-at-all", callBody("x-9", now), Instant.now().getEpochSecond()), 401);
        assertProblem(signedJson(account, webhook.getString("signing_secret"), callBody("x-10", now),
                Instant.now().getEpochSecond() - 3_600), 401);
        assertThat(api.tenantState(tenant.id())).as("nothing stored by the refused requests").isEqualTo(before);

        ApiResponse again = postCall(json("+18005550143", "+13125550199", "ok-1", now, 10, "missed"));
        assertThat(again.status()).as("a repeated call id: %s", again).isEqualTo(200);
        assertThat(again.json().getString("provider_call_id")).isEqualTo("ok-1");
        ApiResponse changed = postCall(json("+18005550143", "+13125550100", "ok-1", now, 300, "answered"));
        assertThat(changed.status()).as("the first report of a call id stands").isEqualTo(200);
        assertThat(changed.json().getInt("duration_seconds")).isEqualTo(10);
        assertThat(api.tenantState(tenant.id())).as("nothing changed by the repeats").isEqualTo(before);

        ApiResponse signed = signedJson(account, webhook.getString("signing_secret"), callBody("ok-2", now),
                Instant.now().getEpochSecond());
        assertThat(signed.status()).as("a correctly signed JSON call: %s", signed).isEqualTo(201);
    }

    /**
     * Twilio's status callback as Twilio sends it: form fields, signed with the auth token (HMAC-SHA1 of the
     * URL and the sorted parameters, computed here independently); its start is Timestamp minus CallDuration.
     */
    @Test
    void twiliosSignedStatusCallbackIsStored() {
        created(api.postJson("api/v1/campaigns", admin, tenant.id(), "{\"name\":\"Flyer\",\"channel\":\"Print\"}"));
        long flyer = api.get("api/v1/campaigns", tenant.apiKey()).jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        created(api.postJson("api/v1/tracking-numbers", admin, tenant.id(), "{\"number\":\"+18005550144\",\"forwards_to\":\""
                + BUSINESS + "\",\"kind\":\"offline\",\"campaign\":" + flyer + "}"));
        String token = "twilio-auth-token-0123456789abcdef";
        ApiResponse secretSet = api.putJson("api/v1/call-webhook", admin, tenant.id(),
                "{\"signing_secret\":\"" + token + "\"}");
        assertThat(secretSet.status()).as(secretSet.toString()).isEqualTo(200);
        JsonObject webhook = secretSet.json();
        assertThat(webhook.getString("signing_secret")).isEqualTo(token);
        String url = TrackerClient.BASE_URL.resolve("api/v1/calls?account=" + webhook.getString("account_id")).toString();
        Instant ended = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> form = new TreeMap<>(Map.of("To", "+18005550144", "From", "+14155550134",
                "CallSid", "CA0123456789abcdef0123456789abcdef", "CallDuration", "75", "CallStatus", "completed",
                "Timestamp", DateTimeFormatter.RFC_1123_DATE_TIME.format(ended.atOffset(ZoneOffset.UTC)),
                "AccountSid", "AC0123456789abcdef0123456789abcdef"));
        StringBuilder signedText = new StringBuilder(url);
        form.forEach((k, v) -> signedText.append(k).append(v));
        String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", token, signedText.toString()));

        ApiResponse wrong = twilioForm(url, form, Base64.getEncoder().encodeToString(hmac("HmacSHA1", "another-token-0123456789",
                signedText.toString())));
        assertProblem(wrong, 401);
        ApiResponse r = twilioForm(url, form, signature);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject call = r.json();
        assertThat(call.getString("status")).isEqualTo("ANSWERED");
        assertThat(call.getInt("duration_seconds")).isEqualTo(75);
        assertThat(Instant.parse(call.getString("started_at"))).isEqualTo(ended.minusSeconds(75));
        assertThat(call.getString("campaign")).isEqualTo("Flyer");
        assertThat(twilioForm(url, form, signature).status()).as("Twilio retries: the same CallSid").isEqualTo(200);
    }

    /**
     * Another tenant can neither see nor use this tenant's numbers and calls: its key and admin find none of
     * them, a call it reports to one is refused as not its number (and stored nowhere), a pool it makes swaps
     * nothing of this tenant's, and deactivating this tenant's number by id is "not found".
     */
    @Test
    void anotherTenantCannotSeeOrUseTheseNumbersAndCalls() {
        long ads = created(api.postJson("api/v1/campaigns", admin, tenant.id(),
                "{\"name\":\"Billboard\",\"channel\":\"Outdoor\"}")).getJsonNumber("id").longValue();
        long mine = created(api.postJson("api/v1/tracking-numbers", admin, tenant.id(), "{\"number\":\"+18005550145\","
                + "\"forwards_to\":\"" + BUSINESS + "\",\"kind\":\"offline\",\"campaign\":" + ads + "}")).getJsonNumber("id").longValue();
        String at = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS).toString();
        created(postCall(json("+18005550145", "+13125550111", "mine-1", at, 80, "answered")));
        api.awaitAttribution(tenant);
        JsonObject before = api.tenantState(tenant.id());

        TestTenant other = api.createTenant("call tracking other", ZoneId.of("UTC"), "USD");
        api.addAgencyAdmin(other.agencyId(), Keycloak.AUTOMATION_EMAIL);
        assertThat(api.get("api/v1/tracking-numbers", other.apiKey()).jsonArray()).isEmpty();
        assertThat(api.get("api/v1/calls", other.apiKey()).jsonArray()).isEmpty();
        assertThat(api.get("api/v1/number-pools", admin, other.id()).jsonArray()).isEmpty();
        assertThat(assertProblem(api.post("api/v1/calls", other.apiKey(), "application/json",
                json("+18005550145", "+13125550111", "theirs-1", at, 80, "answered").getBytes(StandardCharsets.UTF_8)), 400))
                .contains("not one of the client's tracking numbers");
        assertProblem(api.delete("api/v1/tracking-numbers/" + mine, admin, other.id()), 404);
        assertProblem(api.postJson("api/v1/tracking-numbers", admin, other.id(), "{\"number\":\"+18005550145\","
                + "\"kind\":\"offline\",\"campaign\":" + ads + ",\"forwards_to\":\"" + BUSINESS + "\"}"), 400);
        String theirSite = api.createSite(other.id(), "their shop", List.of("their.example"), false);
        JsonObject noPools = api.get("api/v1/dni/number?site=" + theirSite + "&vid=visitor-x1&sid=session-x1&consent=granted",
                null).json();
        assertThat(noPools.getJsonArray("numbers")).as("the other tenant has no pool").isEmpty();
        assertThat(api.tenantState(tenant.id())).as("this tenant's rows after the other's attempts").isEqualTo(before);
    }

    /**
     * 200 sessions ask for a number at once against a pool of 50: exactly 50 distinct numbers are held, 150
     * sessions get the fallback, and no number is ever held by two sessions at overlapping times.
     */
    @Test
    void twoHundredSessionsAgainstFiftyNumbers() throws Exception {
        String siteKey = api.createSite(tenant.id(), "shop", List.of("shop.example"), false);
        long pool = created(api.postJson("api/v1/number-pools", admin, tenant.id(), "{\"name\":\"Website\",\"swap_target\":\""
                + BUSINESS + "\",\"fallback_number\":\"+18005550101\"}")).getJsonNumber("id").longValue();
        for (int i = 0; i < 50; i++) {
            created(api.postJson("api/v1/tracking-numbers", admin, tenant.id(), "{\"number\":\"+1800555" + (2000 + i)
                    + "\",\"kind\":\"pool\",\"pool\":" + pool + "}"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(40);
        List<CompletableFuture<JsonObject>> answers = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        try {
            for (int i = 0; i < 200; i++) {
                String session = "session-" + i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    ApiResponse r = api.get("api/v1/dni/number?site=" + siteKey + "&vid=visitor-" + session + "&sid="
                            + session + "&consent=granted&url=" + URLEncoder.encode("https://shop.example/?utm_source=google"
                            + "&utm_medium=cpc", StandardCharsets.UTF_8), null);
                    if (r.status() != 200) {
                        failures.incrementAndGet();
                        throw new AssertionError(r.toString());
                    }
                    return r.json().getJsonArray("numbers").getJsonObject(0);
                }, threads));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
        assertThat(failures).hasValue(0);
        Set<String> held = new HashSet<>();
        int fallbacks = 0;
        for (CompletableFuture<JsonObject> a : answers) {
            JsonObject n = a.get();
            assertThat(n.getString("swap_target")).isEqualTo(BUSINESS);
            if (n.getString("kind").equals("fallback")) {
                assertThat(n.getString("number")).isEqualTo("+18005550101");
                fallbacks++;
            } else {
                assertThat(n.getString("kind")).isEqualTo("pool");
                assertThat(held.add(n.getString("number"))).as("number given to two sessions: %s", n).isTrue();
            }
        }
        assertThat(held).hasSize(50);
        assertThat(fallbacks).isEqualTo(150);
        assertThat(scalar("select count(*) from pool_exhaustion where tenant_id = ?")).isEqualTo(150);
        assertThat(scalar("select count(*) from number_hold a join number_hold b on a.tenant_id = b.tenant_id "
                + "and a.number_id = b.number_id and a.id < b.id and a.held_from < b.held_until and b.held_from < a.held_until "
                + "where a.tenant_id = ?")).as("overlapping holds").isZero();
        JsonObject figures = api.get("api/v1/number-pools", tenant.apiKey()).jsonArray().getJsonObject(0);
        assertThat(figures.getInt("held_now")).isEqualTo(50);
        assertThat(figures.getInt("exhaustions")).isEqualTo(150);
        // all 200 in one minute: 200; split over a minute's end: the 50 holds plus that minute's exhaustions
        assertThat(figures.getInt("peak_concurrent")).isBetween(51, 200);
        assertThat(figures.getInt("advised_numbers")).isEqualTo((int) Math.ceil(figures.getInt("peak_concurrent") * 1.25));

        // a session asking again keeps its number (heartbeat), one more session still gets the fallback
        JsonObject first = answers.get(0).get();
        if (!first.getString("kind").equals("fallback")) {
            JsonObject again = api.get("api/v1/dni/number?site=" + siteKey + "&vid=visitor-session-0&sid=session-0"
                    + "&consent=granted", null).json().getJsonArray("numbers").getJsonObject(0);
            assertThat(again.getString("number")).isEqualTo(first.getString("number"));
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private ApiResponse postCall(String json) {
        return api.post("api/v1/calls", tenant.apiKey(), "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse signedJson(String account, String secret, byte[] body, long unixSeconds) {
        String signature = "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret,
                unixSeconds + "." + new String(body, StandardCharsets.UTF_8)));
        return api.send(api.request("api/v1/calls?account=" + account).header("Content-Type", "application/json")
                .header("X-Tracker-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private ApiResponse twilioForm(String url, Map<String, String> form, String signature) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return api.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static byte[] callBody(String id, String at) {
        return json("+18005550143", "+13125550199", id, at, 10, "missed").getBytes(StandardCharsets.UTF_8);
    }

    private static String json(String to, String from, String id, String at, int duration, String status) {
        return "{\"to\":" + quoted(to) + ",\"from\":" + quoted(from) + ",\"call_id\":" + quoted(id) + ",\"started_at\":"
                + quoted(at) + ",\"duration\":" + duration + ",\"status\":" + quoted(status) + "}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static JsonObject created(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
