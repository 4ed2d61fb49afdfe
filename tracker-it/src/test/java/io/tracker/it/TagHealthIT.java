package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tracker.it.support.AlertWebhookStandIn;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.MimeMessageText;
import io.tracker.it.support.SmtpStandIn;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tag health and alerts end to end: history sent through the tag's beacon ({@code POST /v1/collect}) with past
 * times, then the report ({@code GET /api/v1/audits/tag-health?at=}) and the checks ({@code POST
 * /api/v1/alerts/check?at=}) at a fixed "now" {@code AT} (the start of the current hour; the last complete hour
 * {@code L} is the hour before). Delivery to a signed-webhook stand-in ({@link AlertWebhookStandIn}) and the
 * stand-in SMTP server; muting; another client; bad input.
 *
 * <pre>
 *   shop.example  10 page views (new visitors) in hour L-d for d = 1..7, none in L     → baseline 70/7 = 10, 0: dropped
 *                 thank-you page /checkout/order-received/1001 viewed by ty1..ty4 at AT-5h; ty4 converts a minute
 *                 later (purchase)                                                    → 4 views, 3 without
 *                 signup conversions of one visitor hourly AT-36h..AT-31h (6)        → usual 1 h, silent 31 h: stopped
 *   blog.example  the same history and 10 page views in L                             → 10 against 10: healthy
 *                 visitor dbl: /post?x=1 twice 300 ms apart at AT-2h                  → double fire
 *                 visitor norm: /about twice 5 minutes apart at AT-2h                 → not reported
 *                 2 cookieless page views of /news 200 ms apart (two people), 4 Googlebot hits at AT-3h
 *                 recent 24 h: hits 10+2+2+2+4 = 20, stored 16, bots 4 (20%), cookieless 2 (12.5%)
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TagHealthIT {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/140.0.0.0 Safari/537.36";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String THANKS = "https://shop.example/checkout/order-received/1001";

    private static SmtpStandIn smtp;
    private static AlertWebhookStandIn webhook;

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void startStandIns() {
        smtp = SmtpStandIn.start();
        webhook = AlertWebhookStandIn.start();
    }

    @AfterAll
    static void stopStandIns() {
        if (smtp != null) {
            smtp.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void aTagThatStopsSendingAndAPageThatLoadsTheTagTwiceRaiseAlertsDeliveredUnlessMuted() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant lastHour = at.minus(Duration.ofHours(1));
        TestTenant t = api.createTenant("Tag Health Shop", ZoneId.of("UTC"), "EUR", "signup:MICRO:EVERY:0");
        String site = api.createSite(t.id(), "Shop", List.of("shop.example", "blog.example", "news.example"), false);
        String admin = admin(t);

        List<String> hits = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            for (int i = 0; i < 10; i++) {
                Instant when = lastHour.minus(Duration.ofDays(d)).plusSeconds(60L * i);
                hits.add(view("s" + d + "-" + i, "https://shop.example/", when, true));
                hits.add(view("b" + d + "-" + i, "https://blog.example/", when, true));
            }
        }
        for (int i = 0; i < 10; i++) {
            hits.add(view("now-" + i, "https://blog.example/", lastHour.plusSeconds(120L * i), true));
        }
        Instant fiveAgo = at.minus(Duration.ofHours(5));
        for (int i = 1; i <= 4; i++) {
            hits.add(view("ty" + i, THANKS + "?key=wc_order_" + i, fiveAgo.plusSeconds(i), true));
        }
        hits.add(conversion("ty4", "purchase", THANKS, fiveAgo.plusSeconds(64)));
        for (int i = 0; i < 6; i++) {
            hits.add(conversion("member", "signup", "https://shop.example/account",
                    at.minus(Duration.ofHours(36 - i))));
        }
        Instant twoAgo = at.minus(Duration.ofHours(2));
        hits.add(view("dbl", "https://blog.example/post?x=1", twoAgo, true));
        hits.add(view("dbl", "https://blog.example/post?x=1", twoAgo.plusMillis(300), false));
        hits.add(view("norm", "https://blog.example/about", twoAgo, true));
        hits.add(view("norm", "https://blog.example/about", twoAgo.plus(Duration.ofMinutes(5)), false));
        Instant threeAgo = at.minus(Duration.ofHours(3));
        // Two people without consent land on the same page from a newsletter 200 ms apart: each a touchpoint without
        // a visitor id; two visitors, not a tag firing twice.
        hits.add(view(null, "https://blog.example/news?utm_source=letter&utm_medium=email", threeAgo, false));
        hits.add(view(null, "https://blog.example/news?utm_source=letter&utm_medium=email", threeAgo.plusMillis(200),
                false));
        send(site, hits, CHROME, 167);
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bots.add(view("bot-" + i, "https://blog.example/", threeAgo.plusSeconds(i), true));
        }
        send(site, bots, GOOGLEBOT, 0);

        // The report.
        JsonObject report = api.get("api/v1/audits/tag-health?at=" + at, admin, t.id()).json();
        JsonObject shop = domain(report, "shop.example");
        JsonObject blog = domain(report, "blog.example");
        assertThat(shop.getBoolean("hits_dropped")).isTrue();
        assertThat(shop.getJsonNumber("last_hour_hits").longValue()).isZero();
        assertThat(shop.getJsonNumber("baseline_hits").doubleValue()).isEqualTo(70 / 7.0);
        assertThat(Instant.parse(shop.getString("last_hit_at"))).isEqualTo(fiveAgo.plusSeconds(64));
        assertThat(shop.getJsonNumber("cookieless_share").doubleValue()).isZero();
        assertThat(blog.getBoolean("hits_dropped")).isFalse();
        assertThat(blog.getJsonNumber("last_hour_hits").longValue()).isEqualTo(10);
        assertThat(blog.getJsonNumber("baseline_hits").doubleValue()).isEqualTo(70 / 7.0);
        assertThat(blog.getJsonNumber("recent_hits").longValue()).isEqualTo(20);
        assertThat(blog.getJsonNumber("recent_bots").longValue()).isEqualTo(4);
        assertThat(blog.getJsonNumber("bot_share").doubleValue()).isEqualTo(4 / 20.0);
        assertThat(blog.getJsonNumber("cookieless_share").doubleValue()).isEqualTo(2 / 16.0);
        assertThat(report.getJsonArray("double_fires").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("page"), p -> p.getJsonNumber("double_loads").longValue(),
                        p -> p.getJsonNumber("page_views").longValue())
                .containsExactly(tuple("https://blog.example/post", 1L, 2L));
        assertThat(report.getJsonArray("thank_you_pages").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("domain"), p -> p.getJsonNumber("views").longValue(),
                        p -> p.getJsonNumber("without_conversion").longValue(), p -> p.getString("example"))
                .containsExactly(tuple("shop.example", 4L, 3L, THANKS));
        JsonObject signup = action(report, "signup");
        assertThat(signup.getBoolean("stopped")).isTrue();
        assertThat(signup.getJsonNumber("conversions").longValue()).isEqualTo(6);
        assertThat(signup.getJsonNumber("usual_interval_seconds").longValue()).isEqualTo(3600);
        JsonObject purchase = action(report, "purchase");
        assertThat(purchase.getBoolean("stopped")).isFalse();
        assertThat(purchase.get("usual_interval_seconds")).as("one conversion: too few").isEqualTo(JsonValue.NULL);

        // Delivery settings: the secret is shown once.
        ApiResponse saved = api.putJson("api/v1/alerts/settings", admin, t.id(), "{\"webhook_url\":\"" + webhook.url()
                + "\",\"emails\":[\"ops@client.example\"]}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String secret = saved.json().getString("webhook_secret");
        assertThat(secret).startsWith("whsec_");
        webhook.secret(secret);
        JsonObject settings = api.get("api/v1/alerts/settings", admin, t.id()).json();
        assertThat(settings.get("webhook_secret")).isEqualTo(JsonValue.NULL);
        assertThat(settings.getBoolean("webhook_secret_set")).isTrue();

        // The checks raise exactly the planted problems, delivered signed and by e-mail.
        ApiResponse checked = api.postJson("api/v1/alerts/check?at=" + at, admin, t.id(), null);
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.jsonArray().getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("check"), a -> a.getString("subject"))
                .containsExactlyInAnyOrder(tuple("hits_dropped", "shop.example"), tuple("double_fire", "blog.example"),
                        tuple("thank_you_without_conversion", "shop.example"), tuple("action_stopped", "signup"));
        assertThat(webhook.problems()).isEmpty();
        assertThat(webhook.received()).hasSize(1);
        JsonObject delivered = webhook.received().get(0);
        assertThat(delivered.getString("client")).isEqualTo(t.name());
        assertThat(delivered.getJsonArray("alerts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("check"), a -> a.getString("subject"))
                .containsExactlyInAnyOrder(tuple("hits_dropped", "shop.example"), tuple("double_fire", "blog.example"),
                        tuple("thank_you_without_conversion", "shop.example"), tuple("action_stopped", "signup"));
        assertThat(smtp.received()).hasSize(1);
        assertThat(smtp.received().get(0).rcptTo()).containsExactly("ops@client.example");
        String mailText = MimeMessageText.parse(smtp.received().get(0).data()).parts().get(0).text();
        assertThat(mailText).contains("Hits dropped", "shop.example", "Tag fires twice", "https://blog.example/post");
        assertThat(open(admin, t)).allSatisfy(a -> assertThat(a.getBoolean("notified")).isTrue());

        // An open alert is not raised again, nor delivered again.
        assertThat(api.postJson("api/v1/alerts/check?at=" + at, admin, t.id(), null).jsonArray()).isEmpty();
        assertThat(webhook.received()).hasSize(1);

        // Muted: a new problem is recorded but not delivered; unmuted, it is delivered at the next check.
        assertThat(api.postJson("api/v1/alerts/mute", admin, t.id(), null).json().getBoolean("muted")).isTrue();
        send(site, List.of(view("n1", "https://news.example/a", twoAgo, true),
                view("n1", "https://news.example/a", twoAgo.plusMillis(200), false)), CHROME, 2);
        assertThat(api.postJson("api/v1/alerts/check?at=" + at, admin, t.id(), null).jsonArray()
                .getValuesAs(JsonObject.class)).extracting(a -> a.getString("subject")).containsExactly("news.example");
        assertThat(webhook.received()).hasSize(1);
        assertThat(smtp.received()).hasSize(1);
        assertThat(open(admin, t)).filteredOn(a -> a.getString("subject").equals("news.example")).singleElement()
                .satisfies(a -> assertThat(a.getBoolean("notified")).isFalse());
        assertThat(api.postJson("api/v1/alerts/unmute", admin, t.id(), null).json().getBoolean("muted")).isFalse();
        assertThat(api.postJson("api/v1/alerts/check?at=" + at, admin, t.id(), null).jsonArray()).isEmpty();
        assertThat(webhook.received()).hasSize(2);
        assertThat(webhook.received().get(1).getJsonArray("alerts").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("subject")).containsExactly("news.example");

        // The shop's tag sends again in the last hour: its alert is resolved, the others stay open.
        send(site, List.of(view("back-1", "https://shop.example/", lastHour.plusSeconds(10), true),
                view("back-2", "https://shop.example/", lastHour.plusSeconds(20), true)), CHROME, 2);
        assertThat(api.postJson("api/v1/alerts/check?at=" + at, admin, t.id(), null).jsonArray()).isEmpty();
        JsonArray all = api.get("api/v1/alerts", admin, t.id()).jsonArray();
        assertThat(all.getValuesAs(JsonObject.class)).filteredOn(a -> a.getString("check").equals("hits_dropped"))
                .singleElement().satisfies(a -> assertThat(Instant.parse(a.getString("resolved_at"))).isEqualTo(at));
        assertThat(open(admin, t)).extracting(a -> a.getString("check"), a -> a.getString("subject"))
                .containsExactlyInAnyOrder(tuple("double_fire", "blog.example"), tuple("double_fire", "news.example"),
                        tuple("thank_you_without_conversion", "shop.example"), tuple("action_stopped", "signup"));

        // Another client sees nothing of it, and its own check raises nothing.
        TestTenant other = api.createTenant("Tag Health Other", ZoneId.of("UTC"), "EUR");
        String otherAdmin = admin(other);
        JsonObject otherReport = api.get("api/v1/audits/tag-health?at=" + at, otherAdmin, other.id()).json();
        assertThat(otherReport.getJsonArray("domains")).isEmpty();
        assertThat(otherReport.getJsonArray("double_fires")).isEmpty();
        assertThat(api.get("api/v1/alerts", otherAdmin, other.id()).jsonArray()).isEmpty();
        assertThat(api.postJson("api/v1/alerts/check", otherAdmin, other.id(), null).jsonArray()).isEmpty();
        assertThat(api.get("api/v1/alerts", otherAdmin, other.id()).jsonArray()).isEmpty();
    }

    @Test
    void badParametersAnd403() {
        TestTenant t = api.createTenant("Tag Health Bad Input", ZoneId.of("UTC"), "EUR");
        String admin = admin(t);
        assertThat(assertProblem(api.get("api/v1/audits/tag-health?at=yesterday", admin, t.id()), 400)).contains("at");
        assertThat(assertProblem(api.get("api/v1/audits/tag-health?from=2026-01-01", admin, t.id()), 400))
                .contains("from");
        assertThat(assertProblem(api.postJson("api/v1/alerts/check?at=2026-13-01T00:00:00Z", admin, t.id(), null),
                400)).contains("at");
        assertThat(assertProblem(api.get("api/v1/alerts?open=maybe", admin, t.id()), 400)).contains("open");
        assertThat(assertProblem(api.putJson("api/v1/alerts/settings", admin, t.id(),
                "{\"webhook_url\":\"ftp://hooks.example/x\"}"), 400)).contains("webhook_url");
        assertThat(assertProblem(api.putJson("api/v1/alerts/settings", admin, t.id(),
                "{\"emails\":[\"ops@client.example\",\"nope\"]}"), 400)).contains("emails[1]");
        assertThat(assertProblem(api.putJson("api/v1/alerts/settings", admin, t.id(),
                "{\"thank_you_patterns\":[]}"), 400)).contains("thank_you_patterns");
        // A read key may read, not check.
        assertThat(api.get("api/v1/audits/tag-health", t.apiKey()).status()).isEqualTo(200);
        assertProblem(api.post("api/v1/alerts/check", t.apiKey(), "application/json", new byte[0]), 403);
    }

    private String admin(TestTenant t) {
        api.addAgencyAdmin(t.agencyId(), Keycloak.AUTOMATION_EMAIL);
        return Keycloak.automationTokens().accessToken();
    }

    private List<JsonObject> open(String admin, TestTenant t) {
        return api.get("api/v1/alerts?open=true", admin, t.id()).jsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject domain(JsonObject report, String domain) {
        return report.getJsonArray("domains").getValuesAs(JsonObject.class).stream()
                .filter(d -> domain.equals(d.getString("domain", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + domain + " in " + report));
    }

    private static JsonObject action(JsonObject report, String key) {
        return report.getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                .filter(a -> key.equals(a.getString("action_key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + key + " in " + report));
    }

    /** A page view as the tag sends it; {@code vid} null: cookieless. */
    private static String view(String vid, String url, Instant when, boolean startsVisit) {
        return "{\"type\":\"page_view\",\"id\":\"" + UUID.randomUUID() + "\",\"consent\":\"none\","
                + (vid == null ? "" : "\"vid\":\"" + vid + "\",\"sid\":\"s-" + vid + "\",")
                + "\"ss\":" + (startsVisit && vid != null) + ",\"url\":\"" + url + "\",\"t\":\"" + when + "\"}";
    }

    private static String conversion(String vid, String action, String url, Instant when) {
        return "{\"type\":\"conversion\",\"id\":\"" + UUID.randomUUID() + "\",\"consent\":\"none\",\"vid\":\"" + vid
                + "\",\"sid\":\"s-" + vid + "\",\"action\":\"" + action + "\",\"url\":\"" + url + "\",\"t\":\""
                + when + "\"}";
    }

    /** Sends the hits in beacons of at most 100 and checks how many were stored. */
    private void send(String site, List<String> hits, String userAgent, int expectedStored) {
        int stored = 0;
        for (int from = 0; from < hits.size(); from += 100) {
            String body = "{\"v\":1,\"site\":\"" + site + "\",\"hits\":["
                    + String.join(",", hits.subList(from, Math.min(hits.size(), from + 100))) + "]}";
            ApiResponse r = api.send(api.request("v1/collect").header("User-Agent", userAgent)
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().getJsonArray("rejected")).as(r.toString()).isEmpty();
            stored += r.json().getInt("stored");
        }
        assertThat(stored).isEqualTo(expectedStored);
    }
}
