package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.KeycloakLogin;
import io.tracker.it.support.OidcTokens;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The management API ({@code /api/v1/tenants…}) as an agency's automation uses it: with a
 * client-credentials access token of Keycloak's {@code tracker-automation} client, whose service
 * account ({@value Keycloak#AUTOMATION_EMAIL}) the fixture makes agency admin of this class's
 * agency. Every test creates its own client through the API, so the audit log it reads holds
 * exactly its own actions; each action's audit entry (actor, action, target) is checked, newest
 * first. People's tokens come from Keycloak's real login page ({@link KeycloakLogin}).
 */
@ExtendWith(ArquillianExtension.class)
class ManagementApiIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String AUTOMATION = Keycloak.AUTOMATION_EMAIL;
    private static final String ANALYST = DemoUser.ANALYST.email();

    /** A client made by the fixture in the agency the automation account administers. */
    private static TestTenant seed;
    /** A client of another agency, which the automation account must never see. */
    private static TestTenant stranger;
    /** Ids of the clients the tests of this class made in the seed agency through the API, so far. */
    private static final Set<String> MADE = new HashSet<>();

    private String token;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(ManagementApiIT.class);
    }

    @BeforeAll
    static void agencyAdministeredByTheAutomationAccount() {
        seed = API.createTenant("Mgmt seed", ZoneId.of("UTC"), "EUR");
        API.addAgencyAdmin(seed.agencyId(), AUTOMATION);
        stranger = API.createTenant("Mgmt stranger", ZoneId.of("UTC"), "EUR");
    }

    @BeforeEach
    void automationToken() {
        OidcTokens tokens = Keycloak.automationTokens();
        assertThat(OidcTokens.claims(tokens.accessToken()).getString("email")).isEqualTo(AUTOMATION);
        token = tokens.accessToken();
    }

    // ------------------------------------------------------------------ clients

    @Test
    void agencyAdminCreatesAClientAndSeesOnlyItsOwnAgencysClients() {
        String name = "Acme Outdoor " + suffix();
        Instant before = Instant.now().minusSeconds(5);
        ApiResponse created = API.postJson("api/v1/tenants", token, null, Json.createObjectBuilder()
                .add("name", "  " + name + " ")
                .add("time_zone", "Europe/Berlin")
                .add("currency", "chf")
                .add("website_domains", Json.createArrayBuilder().add("acme.example").add("shop.acme.example"))
                .add("industry", "Retail")
                .add("agency_id", seed.agencyId())
                .add("phone_region", "ch")
                .build().toString());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject client = created.json();
        String id = client.getString("id");
        MADE.add(id);
        assertThat(created.header("Location")).isEqualTo(TrackerClient.BASE_URL.resolve("api/v1/tenants/" + id).toString());
        assertThat(client.getString("agency_id")).isEqualTo(seed.agencyId());
        assertThat(client.getString("name")).isEqualTo(name);
        assertThat(client.getString("time_zone")).isEqualTo("Europe/Berlin");
        assertThat(client.getString("currency")).isEqualTo("CHF");
        assertThat(strings(client.getJsonArray("website_domains"))).containsExactly("acme.example", "shop.acme.example");
        assertThat(client.getString("industry")).isEqualTo("Retail");
        assertThat(client.getString("phone_region")).isEqualTo("CH");
        assertThat(Instant.parse(client.getString("created_at"))).isBetween(before, Instant.now().plusSeconds(5));

        ApiResponse read = API.get("api/v1/tenants/" + id, token, null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertSameClient(read.json(), client);

        // The list: the agency's clients (the seed and those made here), by name; never another agency's.
        ApiResponse list = API.get("api/v1/tenants", token, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonObject> clients = list.jsonArray().getValuesAs(JsonObject.class);
        Set<String> expected = new HashSet<>(MADE);
        expected.add(seed.id());
        assertThat(clients.stream().filter(c -> c.getString("agency_id").equals(seed.agencyId()))
                .map(c -> c.getString("id"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(clients).extracting(c -> c.getString("id")).doesNotContain(stranger.id());
        // (Names chosen to sort alike in the C and en_US collations.)
        assertThat(clients.stream().filter(c -> c.getString("agency_id").equals(seed.agencyId()))
                .map(c -> c.getString("name")).toList()).isSortedAccordingTo(Comparator.naturalOrder());
        assertSameClient(clients.stream().filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow(), client);

        // A new client starts with the default macro action, and the creator acts there as agency admin.
        ApiResponse actions = API.get("api/v1/conversion-actions", token, id);
        assertThat(actions.status()).as(actions.toString()).isEqualTo(200);
        assertThat(actions.jsonArray()).hasSize(1);
        JsonObject purchase = actions.jsonArray().getJsonObject(0);
        assertThat(purchase.getString("key")).isEqualTo("purchase");
        assertThat(purchase.getString("name")).isEqualTo("Purchase");
        assertThat(purchase.getString("category")).isEqualTo("macro");
        assertThat(purchase.getJsonNumber("default_value").bigDecimalValue()).isEqualByComparingTo("0");
        assertThat(purchase.getString("counting")).isEqualTo("every");

        assertThat(audit(id)).containsExactly(
                new Audit(AUTOMATION, "tenant.created", name, "time zone Europe/Berlin, currency CHF"),
                new Audit(AUTOMATION, "conversion-action.created", "purchase", "macro, counting every, default value 0"));
    }

    @Test
    void badClientDataIs400AndADuplicateNameIs409AndNothingIsCreated() {
        List<String> before = clientIdsOfTheAgency();

        assertThat(assertProblem(createClient(Json.createObjectBuilder().add("time_zone", "UTC").add("currency", "EUR")), 400))
                .isEqualTo("name is required (at most 200 characters)");
        assertThat(assertProblem(createClient(client("   ", "UTC", "EUR")), 400))
                .isEqualTo("name is required (at most 200 characters)");
        assertThat(assertProblem(createClient(client("Bad zone " + suffix(), "Mars/Olympus_Mons", "EUR")), 400))
                .startsWith("time_zone must be an IANA time zone");
        assertThat(assertProblem(createClient(client("No zone " + suffix(), null, "EUR")), 400))
                .startsWith("time_zone must be an IANA time zone");
        assertThat(assertProblem(createClient(client("Bad currency " + suffix(), "UTC", "EURO")), 400))
                .startsWith("currency must be an ISO 4217 code");
        // Codes Java knows that are no country's money today: the Deutsche Mark, gold, the test code.
        for (String noMoney : List.of("DEM", "XAU", "XTS")) {
            assertThat(assertProblem(createClient(client("Old currency " + suffix(), "UTC", noMoney)), 400))
                    .isEqualTo("currency must be an ISO 4217 code of a currency in use today, such as EUR; '"
                            + noMoney + "' is not one");
        }
        assertThat(assertProblem(createClient(client("Bad region " + suffix(), "UTC", "EUR").add("phone_region", "XX")),
                400)).startsWith("phone_region must be a region");
        assertProblem(API.postJson("api/v1/tenants", token, null, null), 400);
        assertThat(assertProblem(API.postJson("api/v1/tenants", token, null, "{\"name\":"), 400))
                .startsWith("malformed JSON body");
        assertThat(assertProblem(createClient(client(seed.name(), "UTC", "EUR")), 409))
                .isEqualTo("the agency already has a client named '" + seed.name() + "'");
        // The same name in another agency is another client; here it is simply unknown (404, nothing created).
        assertProblem(API.postJson("api/v1/tenants", token, null, client("Elsewhere " + suffix(), "UTC", "EUR")
                .add("agency_id", stranger.agencyId()).build().toString()), 404);

        assertThat(clientIdsOfTheAgency()).isEqualTo(before);
        // The seed's log holds only what the fixture did: refusals are not audited.
        assertThat(audit(seed.id())).containsExactly(
                new Audit("system", "api-key.created", "integration test key (" + seed.apiKey().substring(0, 8) + "…)",
                        "scopes [read, write]"),
                new Audit("system", "conversion-action.created", "purchase", "macro, counting every, default value 0"));
    }

    @Test
    void theManagementApiAcceptsOnlyAValidAccessToken() {
        ApiResponse none = API.get("api/v1/tenants", null, null);
        assertProblem(none, 401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tracker\"");
        assertThat(assertProblem(API.get("api/v1/tenants", seed.apiKey(), null), 403))
                .startsWith("API keys belong to one client");
        assertThat(assertProblem(API.get("api/v1/tenants/" + seed.id() + "/keys", seed.apiKey(), null), 403))
                .startsWith("API keys belong to one client");
        assertProblem(API.get("api/v1/tenants", "not-a-token", null), 401);
        assertProblem(API.get("api/v1/tenants", OidcTokens.withTamperedSignature(token), null), 401);
    }

    // ------------------------------------------------------------------ API keys

    @Test
    void aKeyIsShownOnceWorksAndIsRefusedAtOnceWhenRevoked() {
        String client = newClient("Keys shop");
        Instant before = Instant.now().minusSeconds(5);

        ApiResponse created = API.postJson("api/v1/tenants/" + client + "/keys", token, null,
                "{\"name\":\" Shop backend \",\"scopes\":[\"write\",\"READ\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject key = created.json();
        long keyId = key.getJsonNumber("id").longValue();
        String secret = key.getString("secret");
        assertThat(created.header("Location"))
                .isEqualTo(TrackerClient.BASE_URL.resolve("api/v1/tenants/" + client + "/keys/" + keyId).toString());
        assertThat(secret).matches("trk_[A-Za-z0-9_-]{43}");
        assertThat(key.getString("name")).isEqualTo("Shop backend");
        assertThat(key.getString("prefix")).isEqualTo(secret.substring(0, 8));
        assertThat(strings(key.getJsonArray("scopes"))).containsExactly("read", "write");
        assertThat(Instant.parse(key.getString("created_at"))).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(key.isNull("last_used_at")).isTrue();
        assertThat(key.isNull("revoked_at")).isTrue();

        // Listed without its secret, from now on.
        JsonObject listed = onlyKey(client);
        assertThat(listed.getJsonNumber("id").longValue()).isEqualTo(keyId);
        assertThat(listed.isNull("secret")).isTrue();
        assertThat(listed.getString("prefix")).isEqualTo(secret.substring(0, 8));

        // The key works for ingestion and for reports.
        ApiResponse sent = API.postEvents(secret, batch(
                touch("k-1", "visitor-k", "2025-06-10T09:00:00Z", "utm_source", "newsletter", "utm_medium", "email"),
                conversion("k-2", "visitor-k", "2025-06-10T09:30:00Z", "purchase", "25.50", "order-k")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().getInt("accepted")).isEqualTo(2);
        API.awaitAttribution(client);
        ApiResponse summary = API.get("api/v1/reports/summary?from=2025-06-10&to=2025-06-10", secret);
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        assertThat(summary.json().getInt("touchpoints")).isEqualTo(1);
        assertThat(summary.json().getInt("conversions")).isEqualTo(1);
        assertThat(summary.json().getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo("25.50");
        assertThat(summary.json().getString("currency")).isEqualTo("EUR");
        JsonObject used = onlyKey(client);
        assertThat(used.isNull("last_used_at")).isFalse();
        assertThat(Instant.parse(used.getString("last_used_at"))).isBetween(before, Instant.now().plusSeconds(5));

        // As a Segment write key too (which the collection endpoints keep in a cache of their own).
        assertThat(segmentTrack(secret, "k-seg-1").status()).isEqualTo(200);

        ApiResponse revoked = API.delete("api/v1/tenants/" + client + "/keys/" + keyId, token, null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertProblem(segmentTrack(secret, "k-seg-2"), 401);

        // Refused on the very next request, for writing and for reading; nothing more is stored.
        ApiResponse refused = API.postEvents(secret, batch(touch("k-3", "visitor-k", "2025-06-10T10:00:00Z")));
        assertThat(assertProblem(refused, 401)).isEqualTo("the API key is unknown or revoked");
        assertProblem(API.get("api/v1/reports/summary?from=2025-06-10&to=2025-06-10", secret), 401);
        // Receipts: the two events and the Segment call sent before the revocation (k-seg-1).
        assertThat(API.storedCounts(client)).isEqualTo(new StoredCounts(1, 1, 3, 5));

        JsonObject afterRevocation = onlyKey(client);
        assertThat(afterRevocation.isNull("revoked_at")).isFalse();
        assertThat(Instant.parse(afterRevocation.getString("revoked_at"))).isBetween(before, Instant.now().plusSeconds(5));
        // Revoking again changes nothing and is not audited again; an unknown key id is 404.
        assertThat(API.delete("api/v1/tenants/" + client + "/keys/" + keyId, token, null).status()).isEqualTo(204);
        assertProblem(API.delete("api/v1/tenants/" + client + "/keys/" + (keyId + 100000), token, null), 404);

        String target = "Shop backend (" + secret.substring(0, 8) + "…)";
        assertThat(audit(client)).containsExactly(
                new Audit(AUTOMATION, "api-key.revoked", target, null),
                new Audit(AUTOMATION, "api-key.created", target, "scopes [read, write]"),
                new Audit(AUTOMATION, "tenant.created", clientName(client), "time zone UTC, currency EUR"),
                new Audit(AUTOMATION, "conversion-action.created", "purchase", "macro, counting every, default value 0"));
    }

    @Test
    void keyRequestsNeedANameAndKnownScopes() {
        String client = newClient("Bad keys shop");
        String keys = "api/v1/tenants/" + client + "/keys";
        assertThat(assertProblem(API.postJson(keys, token, null, "{\"scopes\":[\"read\"]}"), 400))
                .isEqualTo("name is required (at most 200 characters)");
        assertThat(assertProblem(API.postJson(keys, token, null, "{\"name\":\"k\"}"), 400))
                .startsWith("scopes is required");
        assertThat(assertProblem(API.postJson(keys, token, null, "{\"name\":\"k\",\"scopes\":[\"admin\"]}"), 400))
                .isEqualTo("unknown scope 'admin'; use read or write");
        assertThat(API.get(keys, token, null).jsonArray()).isEmpty();
    }

    // ------------------------------------------------------------------ members

    @Test
    void anInvitedUserSignsInWithTheRoleGivenAndLosesAccessWhenRemoved() {
        String client = newClient("Members shop");
        String analyst = KeycloakLogin.accessToken(DemoUser.ANALYST);
        String members = "api/v1/tenants/" + client + "/members";
        String campaign = "{\"name\":\"Spring sale\",\"channel\":\"Paid Social\"}";

        assertProblem(API.get("api/v1/campaigns", analyst, client), 404);

        ApiResponse invited = API.postJson(members, token, null, "{\"email\":\" Analyst@Demo-Agency.example \",\"role\":\"viewer\"}");
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.header("Location")).isEqualTo(TrackerClient.BASE_URL.resolve(members + "/" + ANALYST).toString());
        assertThat(invited.json().getString("email")).isEqualTo(ANALYST);
        assertThat(invited.json().getString("role")).isEqualTo("viewer");
        assertThat(invited.json().getBoolean("joined")).isFalse();
        assertThat(member(client).getBoolean("joined")).isFalse();

        // As a viewer: reads, cannot change the set-up. The first call binds the invitation.
        ApiResponse read = API.get("api/v1/campaigns", analyst, client);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.jsonArray()).isEmpty();
        assertThat(assertProblem(API.postJson("api/v1/campaigns", analyst, client, campaign), 403))
                .isEqualTo("your role in this client does not allow changing campaigns, conversion actions or tracking numbers");
        assertThat(member(client).getBoolean("joined")).isTrue();

        ApiResponse changed = API.putJson(members + "/" + ANALYST, token, null, "{\"role\":\"ANALYST\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("email")).isEqualTo(ANALYST);
        assertThat(changed.json().getString("role")).isEqualTo("analyst");
        assertThat(changed.json().getBoolean("joined")).isTrue();

        // As an analyst, with the same token: the role is looked up per request.
        ApiResponse made = API.postJson("api/v1/campaigns", analyst, client, campaign);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().getString("name")).isEqualTo("Spring sale");
        assertThat(made.json().getString("channel")).isEqualTo("Paid Social");

        assertThat(API.delete(members + "/" + ANALYST, token, null).status()).isEqualTo(204);
        assertProblem(API.get("api/v1/campaigns", analyst, client), 404);
        assertThat(API.get(members, token, null).jsonArray()).isEmpty();

        assertThat(audit(client)).containsExactly(
                new Audit(AUTOMATION, "member.removed", ANALYST, null),
                new Audit(ANALYST, "campaign.created", "Spring sale", "channel Paid Social"),
                new Audit(AUTOMATION, "member.role-changed", ANALYST, "viewer → analyst"),
                new Audit(AUTOMATION, "member.invited", ANALYST, "role viewer"),
                new Audit(AUTOMATION, "tenant.created", clientName(client), "time zone UTC, currency EUR"),
                new Audit(AUTOMATION, "conversion-action.created", "purchase", "macro, counting every, default value 0"));
    }

    @Test
    void memberRequestsAreCheckedAndRefusalsChangeNothing() {
        String client = newClient("Member errors shop");
        String members = "api/v1/tenants/" + client + "/members";
        String viewer = DemoUser.VIEWER.email();
        assertThat(API.postJson(members, token, null, "{\"email\":\"" + viewer + "\",\"role\":\"viewer\"}").status())
                .isEqualTo(201);

        assertThat(assertProblem(API.postJson(members, token, null, "{\"email\":\"" + viewer + "\",\"role\":\"analyst\"}"), 409))
                .isEqualTo(viewer + " is already a member of this client");
        assertThat(assertProblem(API.postJson(members, token, null, "{\"email\":\"x@example.org\",\"role\":\"agency_admin\"}"), 400))
                .startsWith("role must be 'analyst' or 'viewer'");
        assertThat(assertProblem(API.postJson(members, token, null, "{\"email\":\"not-an-address\",\"role\":\"viewer\"}"), 400))
                .isEqualTo("'not-an-address' is not an e-mail address");
        assertProblem(API.putJson(members + "/nobody@example.org", token, null, "{\"role\":\"analyst\"}"), 404);
        assertProblem(API.delete(members + "/nobody@example.org", token, null), 404);

        JsonArray list = API.get(members, token, null).jsonArray();
        assertThat(list).hasSize(1);
        assertThat(list.getJsonObject(0).getString("email")).isEqualTo(viewer);
        assertThat(list.getJsonObject(0).getString("role")).isEqualTo("viewer");
        assertThat(audit(client)).first().isEqualTo(new Audit(AUTOMATION, "member.invited", viewer, "role viewer"));
        assertThat(audit(client)).hasSize(3);
    }

    // ------------------------------------------------------------------ helpers

    /** An audit entry as the API shows it, without its time (checked for order in {@link #audit}). */
    record Audit(String actor, String action, String target, String details) {
    }

    /** {@code GET /api/v1/tenants/{id}/audit}, checked to be newest first. */
    private List<Audit> audit(String clientId) {
        ApiResponse r = API.get("api/v1/tenants/" + clientId + "/audit", token, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonObject> entries = r.jsonArray().getValuesAs(JsonObject.class);
        assertThat(entries).extracting(e -> Instant.parse(e.getString("at"))).isSortedAccordingTo(Comparator.reverseOrder());
        return entries.stream().map(e -> new Audit(e.getString("actor"), e.getString("action"), e.getString("target"),
                e.isNull("details") ? null : e.getString("details"))).toList();
    }

    /**
     * The same client as the one the POST answered. {@code created_at} is compared to the
     * microsecond: the answer to the POST shows the time as taken in Java (nanoseconds), later
     * reads show it as PostgreSQL stored it (rounded to microseconds).
     */
    private static void assertSameClient(JsonObject read, JsonObject created) {
        assertThat(Instant.parse(read.getString("created_at")))
                .isCloseTo(Instant.parse(created.getString("created_at")), within(1, ChronoUnit.MICROS));
        JsonObject withoutTime = Json.createObjectBuilder(created).remove("created_at").build();
        assertThat(Json.createObjectBuilder(read).remove("created_at").build()).isEqualTo(withoutTime);
    }

    /** A new client of the seed agency, made through the API (time zone UTC, EUR); its id. */
    private String newClient(String label) {
        ApiResponse r = createClient(client(label + " " + suffix(), "UTC", "EUR"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        MADE.add(r.json().getString("id"));
        return r.json().getString("id");
    }

    private String clientName(String clientId) {
        return API.get("api/v1/tenants/" + clientId, token, null).json().getString("name");
    }

    private JsonObject onlyKey(String clientId) {
        ApiResponse r = API.get("api/v1/tenants/" + clientId + "/keys", token, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.jsonArray()).hasSize(1);
        return r.jsonArray().getJsonObject(0);
    }

    private JsonObject member(String clientId) {
        JsonArray list = API.get("api/v1/tenants/" + clientId + "/members", token, null).jsonArray();
        assertThat(list).hasSize(1);
        return list.getJsonObject(0);
    }

    private List<String> clientIdsOfTheAgency() {
        return API.get("api/v1/tenants", token, null).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("agency_id").equals(seed.agencyId())).map(c -> c.getString("id")).toList();
    }

    private ApiResponse createClient(jakarta.json.JsonObjectBuilder body) {
        return API.postJson("api/v1/tenants", token, null, body.add("agency_id", seed.agencyId()).build().toString());
    }

    private static jakarta.json.JsonObjectBuilder client(String name, String zone, String currency) {
        var b = Json.createObjectBuilder().add("name", name).add("currency", currency);
        return zone == null ? b : b.add("time_zone", zone);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonValue::toString).stream().map(s -> s.replace("\"", "")).toList();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** One Segment {@code track} call with the key as HTTP Basic user name, as Segment's libraries send it. */
    private static ApiResponse segmentTrack(String writeKey, String messageId) {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return API.send(API.request("v1/track").header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"track\",\"event\":\"Signed Up\","
                        + "\"anonymousId\":\"visitor-k\",\"messageId\":\"" + messageId + "\"}")));
    }
}
