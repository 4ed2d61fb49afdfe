package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ExpiringToken;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.KeycloakLogin;
import io.tracker.it.support.OidcTokens;
import io.tracker.it.support.Problems;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation through the API, with every kind of credential Tracker accepts, against a real
 * Keycloak: agency A has the clients A1 and A2, agency B the client B1, which B's admin (the
 * {@code tracker-automation} service account) fills with a campaign, a conversion action, a key, a
 * member and a tracked conversion. Then A1's API key, the access token of A's agency admin, and
 * the tokens of A1's analyst and viewer each try to read and change B1's campaigns, conversion
 * actions, conversions, reports, keys, members and audit log: by B1's ids inside their own tenant,
 * by naming B1 ({@code X-Tracker-Tenant} header or {@code tenant} parameter), by B1's id in
 * management URLs and by B's agency id in a JSON body. Every attempt must answer the exact 403 or
 * 404 problem worked out below, show nothing of B1, and leave every row B1 owns as it was
 * (compared column by column with a snapshot from the fixture), which B's own credentials confirm.
 *
 * <p>Expected status: naming a tenant one is not a member of is 404 (its existence is not
 * revealed); B1's ids within one's own tenant are 404 once the role allows the operation at all,
 * else 403 (the permission is checked first); API keys on the management API are 403.
 *
 * <p>Also: role limits within one's own tenant, tenant ids in JSON bodies, and tokens Tracker must
 * refuse (401): garbage, a tampered signature, another realm's token, an ID token (wrong audience)
 * and an expired token ({@link ExpiringToken}, minted when the test run starts).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String DAY = "2025-07-01";
    private static final String PERIOD = "from=" + DAY + "&to=" + DAY;
    private static final String B_MEMBER = "b-analyst@b-agency.example";

    private static TestTenant a1;
    private static TestTenant a2;
    private static TestTenant b1;
    private static long aCampaign;
    private static long bCampaign;
    private static long bAction;
    private static long bConversion;
    private static long bKey;
    /** B1's summary for {@link #DAY}, as B's admin read it after setting B1 up. */
    private static JsonObject bSummary;
    /** Every row B1 owns, read by the fixture after setting B1 up. */
    private static JsonObject bState;

    /** The kinds of credential, with what A1 grants them. */
    enum Kind {
        API_KEY, AGENCY_ADMIN, ANALYST, VIEWER;

        boolean isKey() {
            return this == API_KEY;
        }

        /** May change campaigns (EDIT_SETUP): agency admins and analysts, never keys. */
        boolean editsSetup() {
            return this == AGENCY_ADMIN || this == ANALYST;
        }
    }

    /** One request of an attacker and the status it must get. */
    record Attempt(String what, String method, String path, String tenant, String contentType, String body,
                   int expected) {
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(IsolationIT.class);
    }

    @BeforeAll
    static void twoAgencies() {
        a1 = API.createTenant("Agency A client 1", ZoneId.of("UTC"), "EUR");
        a2 = API.createTenantInAgency(a1.agencyId(), "Agency A client 2", "READ,WRITE");
        b1 = API.createTenant("Agency B client 1", ZoneId.of("UTC"), "EUR");
        API.addAgencyAdmin(a1.agencyId(), DemoUser.AGENCY_ADMIN.email());
        API.addAgencyAdmin(b1.agencyId(), Keycloak.AUTOMATION_EMAIL);
        API.invite(a1.id(), DemoUser.ANALYST.email(), "ANALYST");
        API.invite(a1.id(), DemoUser.VIEWER.email(), "VIEWER");

        String b = bAdmin();
        bCampaign = id(API.postJson("api/v1/campaigns", b, b1.id(),
                "{\"name\":\"B secret sale\",\"channel\":\"Email\",\"utm_source\":\"b-news\"}"));
        bAction = id(API.postJson("api/v1/conversion-actions", b, b1.id(),
                "{\"key\":\"b_signup\",\"name\":\"B signup\",\"category\":\"micro\",\"default_value\":3,\"counting\":\"one\"}"));
        bKey = id(API.postJson("api/v1/tenants/" + b1.id() + "/keys", b, null,
                "{\"name\":\"B backend\",\"scopes\":[\"read\"]}"));
        ApiResponse member = API.postJson("api/v1/tenants/" + b1.id() + "/members", b, null,
                "{\"email\":\"" + B_MEMBER + "\",\"role\":\"analyst\"}");
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        ApiResponse events = API.postEvents(b1.apiKey(), batch(
                touch("b-1", "b-visitor", DAY + "T10:00:00Z", "utm_source", "b-news", "utm_medium", "email"),
                conversion("b-2", "b-visitor", DAY + "T10:30:00Z", "purchase", "99.00", "b-order-1")));
        assertThat(events.status()).as(events.toString()).isEqualTo(202);
        // Attribution settles first (off the request path), so that B1's snapshot below stays true.
        API.awaitAttribution(b1);
        JsonArray conversions = ok(API.get("api/v1/conversions?" + PERIOD, b, b1.id())).jsonArray();
        assertThat(conversions).hasSize(1);
        bConversion = conversions.getJsonObject(0).getJsonNumber("id").longValue();
        bSummary = ok(API.get("api/v1/reports/summary?" + PERIOD, b, b1.id())).json();
        assertThat(bSummary.getInt("conversions")).isEqualTo(1);

        aCampaign = id(API.postJson("api/v1/campaigns", token(Kind.AGENCY_ADMIN), a1.id(),
                "{\"name\":\"A own sale\",\"channel\":\"Display\"}"));

        bState = API.tenantState(b1.id());
        assertThat(bState.getJsonArray("campaign")).hasSize(1);
        assertThat(bState.getJsonArray("conversion_action")).hasSize(2);
        assertThat(bState.getJsonArray("api_key")).hasSize(2);
        assertThat(bState.getJsonArray("tenant_member")).hasSize(1);
        assertThat(bState.getJsonArray("conversion")).hasSize(1);
    }

    // ------------------------------------------------------------------ A's credentials against B1

    @Test
    @Order(1)
    void apiKeyOfA1CannotReadOrChangeB1() {
        attack(Kind.API_KEY);
    }

    @Test
    @Order(2)
    void accessTokenOfAgencyAsAdminCannotReadOrChangeB1() {
        attack(Kind.AGENCY_ADMIN);
    }

    @Test
    @Order(3)
    void accessTokenOfA1sAnalystCannotReadOrChangeB1() {
        attack(Kind.ANALYST);
    }

    @Test
    @Order(4)
    void accessTokenOfA1sViewerCannotReadOrChangeB1() {
        attack(Kind.VIEWER);
    }

    @Test
    @Order(5)
    void eachCallerSeesOnlyTheClientsItMayOpen() {
        List<String> adminsClients = ids(ok(API.get("api/v1/tenants", token(Kind.AGENCY_ADMIN), null)).jsonArray());
        assertThat(adminsClients).contains(a1.id(), a2.id()).doesNotContain(b1.id());
        assertThat(ok(API.get("api/v1/campaigns", token(Kind.AGENCY_ADMIN), a2.id())).jsonArray()).isEmpty();

        // Analyst and viewer of A1 are no agency admins: no clients to manage, and not even A2 to open.
        for (Kind kind : List.of(Kind.ANALYST, Kind.VIEWER)) {
            assertThat(ids(ok(API.get("api/v1/tenants", token(kind), null)).jsonArray()))
                    .doesNotContain(a1.id(), a2.id(), b1.id());
            assertProblem(API.get("api/v1/campaigns", token(kind), a2.id()), 404);
            assertProblem(API.get("api/v1/tenants/" + a1.id(), token(kind), null), 404);
        }

        // B1 answers those who may see it: the platform admin, and B's admin.
        JsonObject seenByPlatform = ok(API.get("api/v1/tenants/" + b1.id(),
                KeycloakLogin.accessToken(DemoUser.PLATFORM_ADMIN), null)).json();
        assertThat(seenByPlatform.getString("name")).isEqualTo(b1.name());
        assertThat(ids(ok(API.get("api/v1/tenants", bAdmin(), null)).jsonArray())).contains(b1.id())
                .doesNotContain(a1.id(), a2.id());
        assertB1Unchanged();
    }

    @Test
    @Order(6)
    void rolesLimitWhatEachCallerMayDoInItsOwnTenant() {
        String admin = token(Kind.AGENCY_ADMIN);
        String analyst = token(Kind.ANALYST);
        String viewer = token(Kind.VIEWER);
        String campaigns = "api/v1/campaigns";

        assertThat(assertProblem(API.postJson(campaigns, viewer, a1.id(), "{\"name\":\"Viewer sale\",\"channel\":\"Email\"}"), 403))
                .isEqualTo("your role in this client does not allow changing campaigns, conversion actions or tracking numbers");
        assertThat(assertProblem(API.postJson(campaigns, a1.apiKey(), null, "{\"name\":\"Key sale\",\"channel\":\"Email\"}"), 403))
                .isEqualTo("your role in this client does not allow changing campaigns, conversion actions or tracking numbers");
        long analystsCampaign = id(API.postJson(campaigns, analyst, a1.id(), "{\"name\":\"Analyst sale\",\"channel\":\"Email\"}"));
        JsonObject seenByViewer = ok(API.get(campaigns + "/" + analystsCampaign, viewer, a1.id())).json();
        assertThat(seenByViewer.getString("name")).isEqualTo("Analyst sale");
        assertThat(seenByViewer.getString("channel")).isEqualTo("Email");
        assertThat(names(ok(API.get(campaigns, viewer, a1.id())).jsonArray())).containsExactly("A own sale", "Analyst sale");
        assertThat(assertProblem(API.putJson(campaigns + "/" + analystsCampaign, viewer, a1.id(), "{\"channel\":\"Display\"}"), 403))
                .startsWith("your role in this client does not allow");
        assertThat(ok(API.putJson(campaigns + "/" + analystsCampaign, analyst, a1.id(), "{\"channel\":\"Display\"}"))
                .json().getString("channel")).isEqualTo("Display");

        // Keys, members and the audit log are the agency admin's: an analyst is not one (404).
        for (String path : List.of("keys", "members", "audit")) {
            assertProblem(API.get("api/v1/tenants/" + a1.id() + "/" + path, analyst, null), 404);
            assertProblem(API.get("api/v1/tenants/" + a1.id() + "/" + path, viewer, null), 404);
        }
        assertProblem(API.postJson("api/v1/tenants/" + a1.id() + "/keys", analyst, null,
                "{\"name\":\"Analyst key\",\"scopes\":[\"read\",\"write\"]}"), 404);

        // Ingestion: analysts may send events, viewers may not; a key needs the write scope to send
        // and the read scope to read reports.
        StoredCounts before = API.storedCounts(a1);
        assertThat(assertProblem(API.postJson("api/v1/events", viewer, a1.id(), batch(touch("v-1", "v", DAY + "T08:00:00Z"))), 403))
                .isEqualTo("your role in this client does not allow sending or importing data");
        assertThat(ok202(API.postJson("api/v1/events", analyst, a1.id(), batch(touch("an-1", "an", DAY + "T08:00:00Z")))))
                .isEqualTo(1);
        String readKey = secret(API.postJson("api/v1/tenants/" + a1.id() + "/keys", admin, null,
                "{\"name\":\"Dashboard\",\"scopes\":[\"read\"]}"));
        String writeKey = secret(API.postJson("api/v1/tenants/" + a1.id() + "/keys", admin, null,
                "{\"name\":\"Shop\",\"scopes\":[\"write\"]}"));
        assertThat(assertProblem(API.postEvents(readKey, batch(touch("r-1", "r", DAY + "T09:00:00Z"))), 403))
                .isEqualTo("this API key lacks the 'write' scope");
        assertThat(assertProblem(API.get("api/v1/reports/summary?" + PERIOD, writeKey), 403))
                .isEqualTo("this API key lacks the 'read' scope");
        assertThat(assertProblem(API.get("api/v1/campaigns", writeKey), 403))
                .isEqualTo("this API key lacks the 'read' scope");
        assertThat(ok202(API.postEvents(writeKey, batch(touch("w-1", "w", DAY + "T09:00:00Z"))))).isEqualTo(1);
        assertThat(ok(API.get("api/v1/reports/summary?" + PERIOD, readKey)).json().getInt("touchpoints")).isEqualTo(2);
        API.awaitAttribution(a1);
        assertThat(API.storedCounts(a1)).isEqualTo(new StoredCounts(before.touchpoints() + 2, before.conversions(),
                before.eventReceipts() + 2, before.attributionCredits()));
        assertB1Unchanged();
    }

    @Test
    @Order(7)
    void tenantIdsInJsonBodiesDoNotSelectATenant() {
        String analyst = token(Kind.ANALYST);
        // A body naming B1 still creates in the tenant the credential acts for.
        JsonObject made = ok201(API.postJson("api/v1/campaigns", analyst, a1.id(),
                "{\"name\":\"Body says B\",\"channel\":\"Email\",\"tenant_id\":\"" + b1.id() + "\",\"tenantId\":\""
                        + b1.id() + "\",\"tenant\":\"" + b1.id() + "\"}")).json();
        assertThat(ok(API.get("api/v1/campaigns/" + made.getJsonNumber("id").longValue(), analyst, a1.id()))
                .json().getString("name")).isEqualTo("Body says B");
        StoredCounts a1Before = API.storedCounts(a1);
        assertThat(ok202(API.postEvents(a1.apiKey(), batch(Json.createObjectBuilder(
                touch("body-1", "body-visitor", DAY + "T11:00:00Z")).add("tenant_id", b1.id()).build())))).isEqualTo(1);
        assertThat(API.storedCounts(a1).touchpoints()).isEqualTo(a1Before.touchpoints() + 1);
        // A new client for B's agency, asked for by A's admin: no agency B as far as A knows.
        assertThat(assertProblem(API.postJson("api/v1/tenants", token(Kind.AGENCY_ADMIN), null,
                "{\"name\":\"Planted client\",\"time_zone\":\"UTC\",\"currency\":\"EUR\",\"agency_id\":\""
                        + b1.agencyId() + "\"}"), 404)).isEqualTo("no agency " + b1.agencyId());
        assertThat(names(ok(API.get("api/v1/tenants", bAdmin(), null)).jsonArray())).doesNotContain("Planted client");
        assertB1Unchanged();
    }

    @Test
    @Order(8)
    void tokensTrackerMustNotTrustAre401() {
        String analyst = token(Kind.ANALYST);
        OidcTokens analystTokens = KeycloakLogin.signIn(DemoUser.ANALYST.email(), DemoUser.ANALYST.password());
        OidcTokens master = Keycloak.masterAdminTokens();
        assertThat(OidcTokens.claims(master.accessToken()).getString("iss")).isEqualTo(Keycloak.BASE_URL.resolve("realms/master").toString());
        assertThat(OidcTokens.claims(analystTokens.idToken()).getString("aud")).isEqualTo(Keycloak.WEB_CLIENT_ID);

        List<String> refused = List.of("not-a-token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                OidcTokens.withTamperedSignature(analyst), master.accessToken(), analystTokens.idToken());
        for (String bearer : refused) {
            ApiResponse tenantApi = API.get("api/v1/campaigns", bearer, a1.id());
            assertThat(assertProblem(tenantApi, 401)).isEqualTo("the access token is not valid (signature, issuer, audience or expiry)");
            assertThat(tenantApi.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tracker\"");
            assertProblem(API.get("api/v1/tenants", bearer, null), 401);
            assertProblem(API.get("api/v1/tenants/" + b1.id() + "/keys", bearer, null), 401);
        }
        assertProblem(API.get("api/v1/campaigns", null, a1.id()), 401);
        // The genuine token still works.
        assertThat(ok(API.get("api/v1/campaigns/" + aCampaign, analyst, a1.id())).json().getString("name")).isEqualTo("A own sale");
        assertB1Unchanged();
    }

    /** Last, in case the expiring token (see {@link ExpiringToken}) still has to age. */
    @Test
    @Order(9)
    void anExpiredTokenIs401() throws InterruptedException {
        String expired = ExpiringToken.expired();
        assertThat(assertProblem(API.get("api/v1/tenants", expired, null), 401))
                .isEqualTo("the access token is not valid (signature, issuer, audience or expiry)");
        assertProblem(API.get("api/v1/campaigns", expired, a1.id()), 401);
        // A fresh token of the same client is trusted: a valid caller without clients or tenants.
        String fresh = ExpiringToken.fresh();
        assertThat(ok(API.get("api/v1/tenants", fresh, null)).jsonArray()).isEmpty();
        assertProblem(API.get("api/v1/campaigns", fresh, a1.id()), 404);
    }

    // ------------------------------------------------------------------ the attacks

    private void attack(Kind kind) {
        String bearer = kind.isKey() ? a1.apiKey() : token(kind);
        String own = kind.isKey() ? null : a1.id();

        // Control: the credential works on its own tenant's campaign.
        assertThat(ok(API.get("api/v1/campaigns/" + aCampaign, bearer, own)).json().getString("name")).isEqualTo("A own sale");

        SoftAssertions softly = new SoftAssertions();
        for (Attempt attempt : attempts(kind)) {
            ApiResponse r = send(attempt, bearer);
            String as = kind + " " + attempt.what() + ": " + attempt.method() + " " + attempt.path()
                    + (attempt.tenant() == null ? "" : " [X-Tracker-Tenant " + attempt.tenant() + "]") + " -> " + r;
            softly.assertThat(r.status()).as(as).isEqualTo(attempt.expected());
            softly.assertThat(r.contentType()).as(as).isEqualTo(Problems.MEDIA_TYPE);
            // Nothing of B1 in the answer, except what the request itself said (an id, an address).
            String asked = attempt.path() + " " + attempt.body();
            softly.assertThat(r.body()).as(as).doesNotContain(List.of("B secret sale", "b_signup", "B signup", "B backend",
                    B_MEMBER, b1.name(), "b-visitor", "b-order-1").stream().filter(s -> !asked.contains(s)).toList());
        }
        softly.assertAll();
        assertB1Unchanged();
    }

    /** What each kind of A1 credential tries against B1, with the status it must get. */
    private static List<Attempt> attempts(Kind kind) {
        String own = kind.isKey() ? null : a1.id();
        int changeByBId = kind.editsSetup() ? 404 : 403;
        int management = kind.isKey() ? 403 : 404;
        String campaign = "{\"name\":\"Planted\",\"channel\":\"Display\"}";
        String b = b1.id();
        List<Attempt> list = new ArrayList<>();

        // B1's ids inside the credential's own tenant.
        list.add(json("B1 campaign by id", "GET", "api/v1/campaigns/" + bCampaign, own, null, 404));
        list.add(json("B1 campaign changed by id", "PUT", "api/v1/campaigns/" + bCampaign, own, campaign, changeByBId));
        list.add(json("B1 campaign deleted by id", "DELETE", "api/v1/campaigns/" + bCampaign, own, null, changeByBId));
        list.add(json("B1 conversion action by id", "GET", "api/v1/conversion-actions/" + bAction, own, null, 404));
        list.add(json("B1 conversion by id", "GET", "api/v1/conversions/" + bConversion, own, null, 404));

        // B1 named as the tenant to act for: by header, and by query parameter.
        for (boolean byHeader : List.of(true, false)) {
            String how = byHeader ? " (B1 in header)" : " (B1 in ?tenant)";
            String header = byHeader ? b : null;
            List<String[]> named = List.of(
                    new String[] {"GET", "api/v1/campaigns", null},
                    new String[] {"GET", "api/v1/campaigns/" + bCampaign, null},
                    new String[] {"PUT", "api/v1/campaigns/" + bCampaign, campaign},
                    new String[] {"DELETE", "api/v1/campaigns/" + bCampaign, null},
                    new String[] {"POST", "api/v1/campaigns", campaign},
                    new String[] {"GET", "api/v1/conversion-actions", null},
                    new String[] {"GET", "api/v1/conversion-actions/" + bAction, null},
                    new String[] {"POST", "api/v1/conversion-actions", "{\"key\":\"planted\",\"category\":\"macro\"}"},
                    new String[] {"GET", "api/v1/conversions?" + PERIOD, null},
                    new String[] {"GET", "api/v1/conversions/" + bConversion, null},
                    new String[] {"GET", "api/v1/reports/summary?" + PERIOD, null},
                    new String[] {"GET", "api/v1/reports/attribution?model=last_touch&dimension=channel&" + PERIOD, null},
                    new String[] {"POST", "api/v1/events", batch(touch("planted-1", "b-visitor", DAY + "T12:00:00Z"))});
            for (String[] n : named) {
                String path = byHeader ? n[1] : n[1] + (n[1].contains("?") ? "&" : "?") + "tenant=" + b;
                list.add(json("B1 named" + how, n[0], path, header, n[2], 404));
            }
            String csv = "customer_id,time,interaction,conversion,conversion_value,channel\n"
                    + "planted,2025-07-01 12:00:00,click,1,500,Email\n";
            String importPath = "api/v1/imports/touchpoints" + (byHeader ? "" : "?tenant=" + b);
            list.add(new Attempt("B1 import" + how, "POST", importPath, header, "text/csv", csv, 404));
        }

        // B1's management API, and B1's ids in the management URLs of the credential's own tenant.
        String tenants = "api/v1/tenants/";
        list.add(json("B1 client", "GET", tenants + b, null, null, management));
        list.add(json("B1 keys", "GET", tenants + b + "/keys", null, null, management));
        list.add(json("B1 key created", "POST", tenants + b + "/keys", null, "{\"name\":\"Planted\",\"scopes\":[\"read\",\"write\"]}", management));
        list.add(json("B1 key revoked", "DELETE", tenants + b + "/keys/" + bKey, null, null, management));
        list.add(json("B1 members", "GET", tenants + b + "/members", null, null, management));
        list.add(json("B1 member invited", "POST", tenants + b + "/members", null,
                "{\"email\":\"" + DemoUser.VIEWER.email() + "\",\"role\":\"analyst\"}", management));
        list.add(json("B1 member's role changed", "PUT", tenants + b + "/members/" + B_MEMBER, null, "{\"role\":\"viewer\"}", management));
        list.add(json("B1 member removed", "DELETE", tenants + b + "/members/" + B_MEMBER, null, null, management));
        list.add(json("B1 audit log", "GET", tenants + b + "/audit", null, null, management));
        list.add(json("client in agency B", "POST", "api/v1/tenants", null,
                "{\"name\":\"Planted\",\"time_zone\":\"UTC\",\"currency\":\"EUR\",\"agency_id\":\"" + b1.agencyId() + "\"}", management));
        list.add(json("B1 key revoked through A1", "DELETE", tenants + a1.id() + "/keys/" + bKey, null, null, management));
        list.add(json("B1 member changed through A1", "PUT", tenants + a1.id() + "/members/" + B_MEMBER, null, "{\"role\":\"viewer\"}", management));
        list.add(json("B1 member removed through A1", "DELETE", tenants + a1.id() + "/members/" + B_MEMBER, null, null, management));
        return list;
    }

    private static Attempt json(String what, String method, String path, String tenant, String body, int expected) {
        return new Attempt(what, method, path, tenant, body == null ? null : "application/json", body, expected);
    }

    private static ApiResponse send(Attempt a, String bearer) {
        HttpRequest.Builder b = API.request(a.path());
        b.header("Authorization", "Bearer " + bearer);
        if (a.tenant() != null) {
            b.header("X-Tracker-Tenant", a.tenant());
        }
        if (a.body() != null) {
            b.header("Content-Type", a.contentType());
        }
        HttpRequest.BodyPublisher body = a.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(a.body());
        return API.send(b.method(a.method().toUpperCase(Locale.ROOT), body));
    }

    /**
     * Every row of B1 is as it was after the set-up (fixture snapshot, column by column), and B's
     * admin sees B1 as it was made. Reads only with B's admin token, which changes no row.
     */
    private static void assertB1Unchanged() {
        assertThat(API.tenantState(b1.id())).isEqualTo(bState);
        assertThat(API.storedCounts(b1)).isEqualTo(new StoredCounts(1, 1, 2, 5));

        String b = bAdmin();
        JsonArray campaigns = ok(API.get("api/v1/campaigns", b, b1.id())).jsonArray();
        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(bCampaign);
        assertThat(campaigns.getJsonObject(0).getString("name")).isEqualTo("B secret sale");
        assertThat(campaigns.getJsonObject(0).getString("channel")).isEqualTo("Email");
        assertThat(campaigns.getJsonObject(0).getString("utm_source")).isEqualTo("b-news");
        assertThat(names(ok(API.get("api/v1/conversion-actions", b, b1.id())).jsonArray())).containsExactly("B signup", "Purchase");
        assertThat(ok(API.get("api/v1/conversions/" + bConversion, b, b1.id())).json()
                .getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("99.00");
        assertThat(ok(API.get("api/v1/reports/summary?" + PERIOD, b, b1.id())).json()).isEqualTo(bSummary);
        JsonArray keys = ok(API.get("api/v1/tenants/" + b1.id() + "/keys", b, null)).jsonArray();
        assertThat(names(keys)).containsExactly("B backend", "integration test key");
        assertThat(keys.getValuesAs(JsonObject.class)).allSatisfy(k -> assertThat(k.isNull("revoked_at")).isTrue());
        JsonArray members = ok(API.get("api/v1/tenants/" + b1.id() + "/members", b, null)).jsonArray();
        assertThat(members).hasSize(1);
        assertThat(members.getJsonObject(0).getString("email")).isEqualTo(B_MEMBER);
        assertThat(members.getJsonObject(0).getString("role")).isEqualTo("analyst");
    }

    // ------------------------------------------------------------------ helpers

    private static String token(Kind kind) {
        return switch (kind) {
            case API_KEY -> a1.apiKey();
            case AGENCY_ADMIN -> KeycloakLogin.accessToken(DemoUser.AGENCY_ADMIN);
            case ANALYST -> KeycloakLogin.accessToken(DemoUser.ANALYST);
            case VIEWER -> KeycloakLogin.accessToken(DemoUser.VIEWER);
        };
    }

    /** A fresh access token of B's admin, the automation service account. */
    private static String bAdmin() {
        return Keycloak.automationTokens().accessToken();
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static ApiResponse ok201(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    /** Asserts a 202 without rejections; the number of accepted events. */
    private static int ok202(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getJsonArray("rejected")).isEmpty();
        return r.json().getInt("accepted");
    }

    private static long id(ApiResponse r) {
        return ok201(r).json().getJsonNumber("id").longValue();
    }

    private static String secret(ApiResponse r) {
        return ok201(r).json().getString("secret");
    }

    private static List<String> ids(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    private static List<String> names(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList();
    }
}
