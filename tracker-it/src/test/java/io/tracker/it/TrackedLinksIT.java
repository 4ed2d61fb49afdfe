package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tracked links from outside: made through {@code /api/v1/links} with an agency admin's token (the
 * {@code tracker-automation} service account), opened as {@code GET /c/{code}} like a phone opens an SMS
 * link (a desktop Chrome user agent; no redirect followed), the stored rows read back through the
 * fixture's tenant state. The landing page's hits go through the collection core as the tag's beacon
 * endpoint hands them over ({@code /it-fixtures/tenants/<id>/tag-hits}).
 *
 * <p>Expected values are written down from the field case and the documented rules (the link's
 * UTM values win, every other opening parameter kept in order, decoded once, {@code trk} last).
 */
@ExtendWith(ArquillianExtension.class)
class TrackedLinksIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String LANDING = "https://shop.example/landing?utm_source=sms&utm_campaign=spring";
    /** Where {@code /c/} sends the visitor: the rest checked exactly, the click id captured. */
    private static final String CLICK_ID = "([0-9A-Za-z]{22})";

    private static TestTenant a;
    private static TestTenant b;
    private static long aCampaign;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(TrackedLinksIT.class);
    }

    @BeforeAll
    static void twoClients() {
        a = API.createTenant("Links A", java.time.ZoneId.of("UTC"), "EUR");
        b = API.createTenant("Links B", java.time.ZoneId.of("UTC"), "EUR");
        API.addAgencyAdmin(a.agencyId(), Keycloak.AUTOMATION_EMAIL);
        API.addAgencyAdmin(b.agencyId(), Keycloak.AUTOMATION_EMAIL);
        API.addSite(a.id(), "shop.example");
        API.addSite(b.id(), "b-shop.example");
        ApiResponse campaign = API.postJson("api/v1/campaigns", admin(), a.id(),
                "{\"name\":\"spring\",\"channel\":\"SMS\",\"utm_source\":\"sms\",\"utm_campaign\":\"spring\"}");
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        aCampaign = campaign.json().getJsonNumber("id").longValue();
    }

    @Test
    void theFieldCaseKeepsTheLinksUtmAndEveryOtherOpeningParameterInOrder() {
        JsonObject link = createLink(a, LANDING);
        assertThat(link.getString("destination")).isEqualTo(LANDING);
        assertThat(link.getString("url")).isEqualTo(TrackerClient.BASE_URL.resolve("/c/" + link.getString("code")).toString());
        assertThat(link.getString("channel")).isEqualTo("SMS");

        ApiResponse r = open(link.getString("code") + "?gclid=TEST123&utm_source=ads&foo=BAR", CHROME);

        String clickId = clickId(r, "https://shop.example/landing?utm_source=sms&utm_campaign=spring&gclid=TEST123&foo=BAR&trk=");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        JsonObject click = onlyRow(a, "touchpoint", "trk", clickId);
        assertThat(click.getString("way_in")).isEqualTo("LINK");
        assertThat(click.getString("event_id")).isEqualTo(clickId);
        assertThat(click.getString("visitor_id")).isEqualTo(clickId);
        assertThat(click.getString("url")).isEqualTo(r.header("Location"));
        assertThat(click.getString("utm_source")).isEqualTo("sms");
        assertThat(click.getString("utm_campaign")).isEqualTo("spring");
        assertThat(click.getString("gclid")).isEqualTo("TEST123");
        JsonObject linkClick = onlyRow(a, "link_click", "click_id", clickId);
        assertThat(linkClick.getJsonNumber("link_id").longValue()).isEqualTo(linkId(a, link.getString("code")));
        assertThat(listed(a, link.getString("code")).getInt("clicks")).isEqualTo(1);
    }

    @Test
    void openingParametersAreDecodedOnceAndEncodedCorrectly() {
        JsonObject link = createLink(a, "https://shop.example/p#reviews");
        // "+" is a space, %2B a plus, %2520 the three characters "%20"; the link carries no utm_term or
        // utm_content, so the opening's pass through.
        ApiResponse r = open(link.getString("code")
                + "?q=a+b&p=1%2B1&utm_term=no%2520code&utm_content=Android%20App&trk=forged", CHROME);

        String clickId = clickId(r, "https://shop.example/p?utm_source=sms&utm_campaign=spring"
                + "&q=a%20b&p=1%2B1&utm_term=no%2520code&utm_content=Android%20App&trk=", "#reviews");
        assertThat(clickId).isNotEqualTo("forged");
        JsonObject click = onlyRow(a, "touchpoint", "trk", clickId);
        assertThat(click.getString("utm_term")).isEqualTo("no%20code");
        assertThat(click.getString("utm_content")).isEqualTo("Android App");
        assertThat(rows(a, "touchpoint").stream().filter(t -> "forged".equals(text(t, "trk")))).isEmpty();
    }

    @Test
    void anSmsLinksLandingAndPurchaseAreAttributedToSmsAndTheCampaign() {
        TestTenant t = API.createTenant("Links SMS", java.time.ZoneId.of("UTC"), "EUR");
        API.addAgencyAdmin(t.agencyId(), Keycloak.AUTOMATION_EMAIL);
        API.addSite(t.id(), "shop.example");
        long campaign = API.postJson("api/v1/campaigns", admin(), t.id(),
                "{\"name\":\"spring\",\"channel\":\"SMS\",\"utm_source\":\"sms\",\"utm_campaign\":\"spring\"}")
                .json().getJsonNumber("id").longValue();
        JsonObject link = createLink(t, campaign, "https://shop.example/landing", "{}");
        assertThat(link.getString("destination")).isEqualTo(LANDING);

        ApiResponse r = open(link.getString("code"), CHROME);
        String clickId = clickId(r, LANDING + "&trk=");
        // The phone's browser lands; the shop's tag (its own visitor id) sends the page view with the URL
        // as it arrived, then the purchase.
        assertThat(API.tagHit(t.id(), Map.of("type", "page_view", "event_id", "lp-1", "vid", "shop-visitor",
                "url", r.header("Location"), "user_agent", CHROME))).isEqualTo("STORED");
        assertThat(API.tagHit(t.id(), Map.of("type", "conversion", "event_id", "buy-1", "vid", "shop-visitor",
                "action", "purchase", "value", "49.90", "order_id", "SMS-1", "user_agent", CHROME))).isEqualTo("STORED");
        API.awaitAttribution(t);

        JsonObject landing = onlyRow(t, "touchpoint", "event_id", "lp-1");
        assertThat(landing.getString("trk")).isEqualTo(clickId);
        assertThat(landing.getString("channel")).isEqualTo("SMS");
        assertThat(landing.getString("campaign")).isEqualTo("spring");
        assertThat(identityLinks(t)).containsExactlyInAnyOrder(clickId + " trk:" + clickId, "shop-visitor trk:" + clickId);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String model : List.of("last_touch", "first_touch", "linear")) {
            assertThat(rowsOf(API.attribution(t, model, today, today, "channel"), "channel"))
                    .as(model).containsExactly(Map.entry("SMS", 1.0));
            assertThat(rowsOf(API.attribution(t, model, today, today, "campaign"), "campaign"))
                    .as(model).containsExactly(Map.entry("spring", 1.0));
        }
    }

    @Test
    void aLandingThatLostTheUtmValuesIsStillAttributedThroughTrk() {
        // The shop redirects its landing pages to clean URLs and keeps only trk: the landing alone is
        // Direct, so SMS can only come from the click the trk joins to this visitor.
        TestTenant t = API.createTenant("Links trk join", java.time.ZoneId.of("UTC"), "EUR");
        API.addAgencyAdmin(t.agencyId(), Keycloak.AUTOMATION_EMAIL);
        API.addSite(t.id(), "shop.example");
        long campaign = API.postJson("api/v1/campaigns", admin(), t.id(),
                "{\"name\":\"spring\",\"channel\":\"SMS\",\"utm_source\":\"sms\",\"utm_campaign\":\"spring\"}")
                .json().getJsonNumber("id").longValue();
        JsonObject link = createLink(t, campaign, LANDING, "{}");
        String clickId = clickId(open(link.getString("code"), CHROME), LANDING + "&trk=");

        assertThat(API.tagHit(t.id(), Map.of("type", "page_view", "event_id", "lp-2", "vid", "clean-visitor",
                "url", "https://shop.example/welcome?trk=" + clickId, "user_agent", CHROME))).isEqualTo("STORED");
        assertThat(API.tagHit(t.id(), Map.of("type", "conversion", "event_id", "buy-2", "vid", "clean-visitor",
                "action", "purchase", "value", "10", "order_id", "SMS-2", "user_agent", CHROME))).isEqualTo("STORED");
        API.awaitAttribution(t);

        assertThat(onlyRow(t, "touchpoint", "event_id", "lp-2").getString("channel")).isEqualTo("Direct");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(rowsOf(API.attribution(t, "last_touch", today, today, "channel"), "channel"))
                .containsExactly(Map.entry("SMS", 1.0));
        assertThat(rowsOf(API.attribution(t, "first_touch", today, today, "campaign"), "campaign"))
                .containsExactly(Map.entry("spring", 1.0));
    }

    @Test
    void anOpenRedirectIsRefusedWhenTheLinkIsMade() {
        int before = list(a, admin()).size();
        for (String destination : List.of("https://evil.example/landing", "//evil.example/landing",
                "javascript:alert(1)", "https://shop.example.evil.example/", "https://shop.example@evil.example/",
                "/landing", "ftp://shop.example/x")) {
            ApiResponse r = API.postJson("api/v1/links", admin(), a.id(), Json.createObjectBuilder()
                    .add("campaign", aCampaign).add("destination", destination).build().toString());
            assertProblem(r, 400);
        }
        // B's domain is not A's either.
        assertProblem(API.postJson("api/v1/links", admin(), a.id(), Json.createObjectBuilder()
                .add("campaign", aCampaign).add("destination", "https://b-shop.example/").build().toString()), 400);
        // Nor is A's campaign B's.
        assertProblem(API.postJson("api/v1/links", admin(), b.id(), Json.createObjectBuilder()
                .add("campaign", aCampaign).add("destination", "https://b-shop.example/").build().toString()), 400);
        assertThat(list(a, admin())).hasSize(before);
    }

    @Test
    void anUnknownOrArchivedCodeIsNotFound() {
        assertProblem(open("zzzzzzzz", CHROME), 404);
        assertProblem(open("not-a-code!", CHROME), 404);
        assertProblem(open("", CHROME), 404);

        JsonObject link = createLink(a, LANDING);
        String code = link.getString("code");
        assertThat(open(code, CHROME).status()).isEqualTo(302);
        ApiResponse archived = API.delete("api/v1/links/" + code, admin(), a.id());
        assertThat(archived.status()).as(archived.toString()).isEqualTo(204);
        assertProblem(open(code, CHROME), 404);
        JsonObject listed = listed(a, code);
        assertThat(listed.getBoolean("active")).isFalse();
        assertThat(listed.getInt("clicks")).isEqualTo(1);
        assertThat(API.delete("api/v1/links/" + code, admin(), a.id()).status()).as("again").isEqualTo(204);
    }

    @Test
    void aBotOrAPrefetchIsRedirectedButNoClickIsStored() {
        JsonObject link = createLink(a, LANDING);
        String code = link.getString("code");
        for (String agent : List.of("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")) {
            String clickId = clickId(open(code, agent), LANDING + "&trk=");
            assertThat(rows(a, "touchpoint").stream().filter(t -> clickId.equals(text(t, "trk")))).as(agent).isEmpty();
            assertThat(rows(a, "link_click").stream().filter(t -> clickId.equals(text(t, "click_id")))).as(agent).isEmpty();
        }
        ApiResponse prefetched = API.send(API.request("c/" + code).header("User-Agent", CHROME)
                .header("Sec-Purpose", "prefetch").GET());
        String clickId = clickId(prefetched, LANDING + "&trk=");
        assertThat(rows(a, "touchpoint").stream().filter(t -> clickId.equals(text(t, "trk")))).isEmpty();
        assertThat(listed(a, code).getInt("clicks")).isZero();
    }

    @Test
    void anotherClientCannotListOrArchiveTheLink() {
        JsonObject link = createLink(a, LANDING);
        String code = link.getString("code");
        // B's member (the same agency admin acting for B) and B's API key see none of A's links. (The
        // snapshot after the admin's first call for B, which may bind the admin's subject.)
        assertThat(codes(list(b, admin()))).doesNotContain(code);
        JsonObject bStateBefore = withoutKeyUse(API.tenantState(b.id()));
        List<JsonObject> aLinksBefore = rows(a, "tracked_link");
        assertThat(codes(ok(API.get("api/v1/links", b.apiKey())).jsonArray())).doesNotContain(code);
        assertProblem(API.delete("api/v1/links/" + code, admin(), b.id()), 404);
        // An API key cannot change set-up at all, A's own neither.
        assertProblem(API.delete("api/v1/links/" + code, b.apiKey(), null), 403);
        assertProblem(API.delete("api/v1/links/" + code, a.apiKey(), null), 403);
        assertThat(codes(ok(API.get("api/v1/links", a.apiKey())).jsonArray())).contains(code);

        assertThat(listed(a, code).getBoolean("active")).isTrue();
        assertThat(open(code, CHROME).status()).isEqualTo(302);
        assertThat(withoutKeyUse(API.tenantState(b.id()))).isEqualTo(bStateBefore);
        assertThat(rows(a, "tracked_link")).isEqualTo(aLinksBefore);
    }

    // ------------------------------------------------------------------ helpers

    private static String admin() {
        return Keycloak.automationTokens().accessToken();
    }

    private static JsonObject createLink(TestTenant t, String destination) {
        return createLink(t, aCampaign, destination, "{}");
    }

    private static JsonObject createLink(TestTenant t, long campaign, String destination, String utmJson) {
        var body = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(utmJson)).readObject())
                .add("campaign", campaign).add("destination", destination).build();
        ApiResponse r = API.postJson("api/v1/links", admin(), t.id(), body.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject link = r.json();
        assertThat(link.getString("code")).matches("[0-9A-Za-z]{8}");
        assertThat(r.header("Location")).endsWith("/api/v1/links/" + link.getString("code"));
        return link;
    }

    private static ApiResponse open(String codeAndQuery, String userAgent) {
        return API.send(API.request("c/" + codeAndQuery).header("User-Agent", userAgent).GET());
    }

    /** Checks a redirect to exactly {@code prefix + <click id> + suffix} and answers the click id. */
    private static String clickId(ApiResponse r, String prefix) {
        return clickId(r, prefix, "");
    }

    private static String clickId(ApiResponse r, String prefix, String suffix) {
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        String location = r.header("Location");
        Matcher m = Pattern.compile(Pattern.quote(prefix) + CLICK_ID + Pattern.quote(suffix)).matcher(location);
        assertThat(m.matches()).as("Location %s is %s<click id>%s", location, prefix, suffix).isTrue();
        return m.group(1);
    }

    private static JsonArray list(TestTenant t, String bearer) {
        return ok(API.get("api/v1/links", bearer, t.id())).jsonArray();
    }

    private static JsonObject listed(TestTenant t, String code) {
        return list(t, admin()).getValuesAs(JsonObject.class).stream().filter(l -> code.equals(l.getString("code")))
                .findFirst().orElseThrow(() -> new AssertionError("link " + code + " is not listed"));
    }

    private static List<String> codes(JsonArray links) {
        return links.getValuesAs(JsonObject.class).stream().map(l -> l.getString("code")).toList();
    }

    private static long linkId(TestTenant t, String code) {
        return onlyRow(t, "tracked_link", "code", code).getJsonNumber("id").longValue();
    }

    private static List<JsonObject> rows(TestTenant t, String table) {
        JsonArray rows = API.tenantState(t.id()).getJsonArray(table);
        return rows == null ? List.of() : rows.getValuesAs(JsonObject.class);
    }

    private static JsonObject onlyRow(TestTenant t, String table, String column, String value) {
        List<JsonObject> found = rows(t, table).stream().filter(r -> value.equals(text(r, column))).toList();
        assertThat(found).as("%s rows with %s = %s", table, column, value).hasSize(1);
        return found.get(0);
    }

    private static List<String> identityLinks(TestTenant t) {
        return rows(t, "identity_link").stream().map(r -> r.getString("visitor_id") + " " + r.getString("person_key"))
                .toList();
    }

    private static String text(JsonObject row, String column) {
        JsonValue v = row.get(column);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : row.getString(column);
    }

    /** A tenant's state without its API keys' {@code last_used_at} (using a key to read sets it). */
    private static JsonObject withoutKeyUse(JsonObject state) {
        var keys = Json.createArrayBuilder();
        for (JsonObject key : state.getJsonArray("api_key").getValuesAs(JsonObject.class)) {
            keys.add(Json.createObjectBuilder(key).remove("last_used_at"));
        }
        return Json.createObjectBuilder(state).add("api_key", keys).build();
    }

    /** A report's rows as (dimension value, conversions). */
    private static List<Map.Entry<String, Double>> rowsOf(JsonObject report, String dimension) {
        return report.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(r -> Map.entry(r.getString(dimension), r.getJsonNumber("conversions").doubleValue())).toList();
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }
}
