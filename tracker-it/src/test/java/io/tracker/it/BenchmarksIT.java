package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.KeycloakLogin;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * {@code GET /api/v1/reports/benchmarks} and the benchmark table's API, end to end: clients made through the
 * management API with an industry (each peer in an agency of its own, as real peers are), their visits and
 * purchases sent through the events API, in September 2026 (UTC).
 *
 * <p>The industry is new for each run ({@code Bench peers <random>}), written in varying case and spacing.
 * The client under test ({@code client}) has 10 visits and 2 purchases: rate 0.2. Around it: a client of its
 * own agency in the same industry (never a peer: its agency's clients are not anonymous to it, and could be
 * set up to isolate a real peer), a client of another industry, and one of the same industry whose visits all
 * lie before the period; none of them may count. Peers (visits, purchases → rate): 10, 1 → 0.1; 20, 1 → 0.05;
 * 8, 2 → 0.25; 10, 3 → 0.3; then a fifth 25, 2 → 0.08; then a sixth 5, 1 → 0.2 (a tie with the client).
 * Median and percentile are recomputed here from those rates ({@link #median}, {@link #percentile}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarksIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String FROM = "2026-09-01";
    private static final String TO = "2026-09-14";
    private static final String PERIOD = "from=" + FROM + "&to=" + TO;
    private static final String INDUSTRY = "Bench peers " + UUID.randomUUID().toString().substring(0, 8);

    /** The client under test, with its API key. */
    private static Client client;
    /** A client without an industry. */
    private static TestTenant noIndustry;
    /** A client of another industry (consumer goods), which has visits in the period. */
    private static Client otherIndustry;
    /** The peers' rates so far, as this test computes them from the events it sent. */
    private static final List<BigDecimal> PEER_RATES = new ArrayList<>();

    /** A client made through the management API, with a key holding both scopes. */
    private record Client(String id, String agencyId, String apiKey) {
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(BenchmarksIT.class);
    }

    @BeforeAll
    static void clients() {
        noIndustry = API.createTenant("Bench no industry", ZoneId.of("UTC"), "USD");
        client = clientWithData("  " + INDUSTRY.toUpperCase() + " ", 10, 2, "2026-09-03");
        // The client's own agency: same industry, visits in the period, never a peer.
        Client sibling = client(client.agencyId(), INDUSTRY);
        send(sibling, 10, 9, "2026-09-04");
        otherIndustry = clientWithData(" consumer GOODS", 4, 1, "2026-09-05");
        // Same industry, but visits and purchases only on 31 August: not in the period, not a peer.
        clientWithData(INDUSTRY.toLowerCase(), 10, 5, "2026-08-31");
        peer(INDUSTRY, 10, 1);
        peer(INDUSTRY.toLowerCase(), 20, 1);
        peer(" " + INDUSTRY, 8, 2);
        peer(INDUSTRY, 10, 3);
    }

    @Test
    @Order(1)
    void withFourPeersNoPeerFigureIsShown() {
        JsonObject b = benchmarks(client.apiKey(), PERIOD);

        assertThat(b.getString("industry")).isEqualTo(INDUSTRY.toUpperCase());
        assertThat(b.getJsonNumber("conversion_rate").bigDecimalValue()).isEqualByComparingTo("0.2");
        assertThat(b.get("peers")).isEqualTo(JsonValue.NULL);
        // An unknown industry has no published figure of its own: the general one only.
        assertThat(b.getJsonArray("benchmarks")).hasSize(1);
        assertGeneralRow(b.getJsonArray("benchmarks").getJsonObject(0));
        assertThat(b.keySet()).containsExactlyInAnyOrder("industry", "conversion_rate", "benchmarks", "peers");
    }

    @Test
    @Order(2)
    void withFivePeersTheMedianAndPercentileAreShown() {
        peer(INDUSTRY, 25, 2);
        assertThat(PEER_RATES).hasSize(5);

        JsonObject peers = benchmarks(client.apiKey(), PERIOD).getJsonObject("peers");

        // By hand: 0.05 0.08 0.1 0.25 0.3 → median 0.1; the client's 0.2 is above three → 60.
        assertThat(peers.getInt("count")).isEqualTo(5);
        assertThat(peers.getJsonNumber("median").bigDecimalValue()).isEqualByComparingTo(median(PEER_RATES))
                .isEqualByComparingTo("0.1000");
        assertThat(peers.getInt("percentile")).isEqualTo(percentile(new BigDecimal("0.2"), PEER_RATES)).isEqualTo(60);
        assertThat(peers.keySet()).containsExactlyInAnyOrder("count", "median", "percentile");
    }

    @Test
    @Order(3)
    void aTieCountsHalfAndAnEvenCountAveragesTheMiddleTwo() {
        peer(INDUSTRY, 5, 1);

        JsonObject peers = benchmarks(client.apiKey(), PERIOD).getJsonObject("peers");

        // By hand: 0.05 0.08 0.1 0.2 0.25 0.3 → median (0.1 + 0.2) / 2 = 0.15; three below, one equal → 58.33 → 58.
        assertThat(peers.getInt("count")).isEqualTo(6);
        assertThat(peers.getJsonNumber("median").bigDecimalValue()).isEqualByComparingTo(median(PEER_RATES))
                .isEqualByComparingTo("0.15");
        assertThat(peers.getInt("percentile")).isEqualTo(percentile(new BigDecimal("0.2"), PEER_RATES)).isEqualTo(58);
    }

    @Test
    @Order(4)
    void periodsShorterThanAWeekShowNoPeers() {
        JsonObject sixDays = benchmarks(client.apiKey(), "from=2026-09-01&to=2026-09-06");
        assertThat(sixDays.get("peers")).isEqualTo(JsonValue.NULL);
        // The client's own rate is still there: its 10 visits and 2 purchases are on the 3rd.
        assertThat(sixDays.getJsonNumber("conversion_rate").bigDecimalValue()).isEqualByComparingTo("0.2");

        JsonObject sevenDays = benchmarks(client.apiKey(), "from=2026-09-01&to=2026-09-07");
        // Every peer's data is on the 2nd: the same six.
        assertThat(sevenDays.getJsonObject("peers").getInt("count")).isEqualTo(6);
    }

    @Test
    @Order(5)
    void aClientOfAnotherIndustrySeesItsOwnBenchmarksAndNeverCountsAsAPeer() {
        JsonObject b = benchmarks(otherIndustry.apiKey(), PERIOD);

        assertThat(b.getString("industry")).isEqualTo("consumer GOODS");
        assertThat(b.getJsonNumber("conversion_rate").bigDecimalValue()).isEqualByComparingTo("0.25");
        JsonArray rows = b.getJsonArray("benchmarks");
        assertThat(rows).hasSize(2);
        JsonObject own = rows.getJsonObject(0);
        assertThat(own.getString("metric")).isEqualTo("conversion_rate");
        assertThat(own.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("0.0422");
        assertThat(own.getInt("year")).isEqualTo(2021);
        assertThat(own.getString("region")).isEqualTo("Global");
        assertThat(own.getString("source")).startsWith("IRP Commerce");
        assertGeneralRow(rows.getJsonObject(1));
        // Its visits are in the period, yet the client under test still has exactly its six peers.
        assertThat(benchmarks(client.apiKey(), PERIOD).getJsonObject("peers").getInt("count")).isEqualTo(6);
    }

    @Test
    @Order(6)
    void aClientWithoutIndustryHasNoBenchmarks() {
        JsonObject b = benchmarks(noIndustry.apiKey(), PERIOD);

        assertThat(b.get("industry")).isEqualTo(JsonValue.NULL);
        assertThat(b.getJsonArray("benchmarks")).isEmpty();
        assertThat(b.get("peers")).isEqualTo(JsonValue.NULL);
        assertThat(b.getJsonNumber("conversion_rate").bigDecimalValue()).isEqualByComparingTo("0");
    }

    @Test
    @Order(7)
    void badDatesAreProblems() {
        assertThat(assertProblem(API.get("api/v1/reports/benchmarks?from=2026-13-01&to=2026-09-14", client.apiKey()), 400))
                .contains("from");
        assertThat(assertProblem(API.get("api/v1/reports/benchmarks?from=2026-09-14&to=2026-09-01", client.apiKey()), 400))
                .contains("after");
        assertProblem(API.get("api/v1/reports/benchmarks?" + PERIOD + "&industry=retail", client.apiKey()), 400);
        assertProblem(API.get("api/v1/reports/benchmarks?" + PERIOD, null), 401);
    }

    @Test
    @Order(8)
    void theSeededRowsAreListedWithSourceAndYear() {
        JsonArray rows = API.get("api/v1/benchmarks", Keycloak.automationTokens().accessToken(), null).jsonArray();

        assertThat(row(rows, "All e-commerce").getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("0.026");
        assertThat(row(rows, "All e-commerce").getString("source_url")).startsWith("https://");
        JsonObject goods = row(rows, "Consumer goods");
        assertThat(goods.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("0.0422");
        assertThat(goods.getInt("year")).isEqualTo(2021);
        assertThat(goods.getString("source")).startsWith("IRP Commerce");
        JsonObject home = row(rows, "Home and furniture");
        assertThat(home.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("0.0144");
        assertThat(home.getInt("year")).isEqualTo(2021);
        assertThat(home.getString("source")).startsWith("IRP Commerce");
        assertThat(home.getString("source_url")).startsWith("https://");
    }

    @Test
    @Order(9)
    void onlyAPlatformAdminChangesTheTable() {
        String agencyAdmin = Keycloak.automationTokens().accessToken();
        String before = API.get("api/v1/benchmarks", agencyAdmin, null).body();
        String body = Json.createObjectBuilder().add("industry", INDUSTRY).add("metric", "conversion_rate")
                .add("value", new BigDecimal("0.031")).add("year", 2024).add("region", "EU")
                .add("source", "Bench survey").add("source_url", "https://example.org/bench").build().toString();
        long seeded = row(API.get("api/v1/benchmarks", agencyAdmin, null).jsonArray(), "Home and furniture")
                .getJsonNumber("id").longValue();

        // An agency admin (not a platform admin), and a client's API key: refused, nothing changed.
        assertProblem(API.postJson("api/v1/benchmarks", agencyAdmin, null, body), 403);
        assertProblem(API.putJson("api/v1/benchmarks/" + seeded, agencyAdmin, null, body), 403);
        assertProblem(API.delete("api/v1/benchmarks/" + seeded, agencyAdmin, null), 403);
        assertProblem(API.postJson("api/v1/benchmarks", client.apiKey(), null, body), 403);
        assertThat(API.get("api/v1/benchmarks", agencyAdmin, null).body()).isEqualTo(before);

        // The platform admin adds a figure for the client's industry, which the client then sees first.
        String platform = KeycloakLogin.accessToken(DemoUser.PLATFORM_ADMIN);
        assertProblem(API.postJson("api/v1/benchmarks", platform, null,
                body.replace("0.031", "3.1")), 400);
        ApiResponse added = API.postJson("api/v1/benchmarks", platform, null, body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long id = added.json().getJsonNumber("id").longValue();
        assertThat(added.json().getString("industry")).isEqualTo(INDUSTRY);
        JsonArray rows = benchmarks(client.apiKey(), PERIOD).getJsonArray("benchmarks");
        assertThat(rows).hasSize(2);
        assertThat(rows.getJsonObject(0).getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("0.031");
        assertThat(rows.getJsonObject(0).getInt("year")).isEqualTo(2024);
        assertThat(rows.getJsonObject(0).getString("source")).isEqualTo("Bench survey");
        assertGeneralRow(rows.getJsonObject(1));

        ApiResponse changed = API.putJson("api/v1/benchmarks/" + id, platform, null, body.replace("2024", "2025"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getInt("year")).isEqualTo(2025);
        assertThat(API.delete("api/v1/benchmarks/" + id, platform, null).status()).isEqualTo(204);
        assertProblem(API.delete("api/v1/benchmarks/" + id, platform, null), 404);
        assertThat(benchmarks(client.apiKey(), PERIOD).getJsonArray("benchmarks")).hasSize(1);
    }

    // ------------------------------------------------------------------ the test's own computation

    /** The middle rate, or the mean of the two middle ones, rounded half up to 4 decimals. */
    private static BigDecimal median(List<BigDecimal> rates) {
        List<BigDecimal> sorted = rates.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal middle = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return middle.setScale(4, RoundingMode.HALF_UP);
    }

    /** Percentage of rates strictly below, plus half of those equal, rounded half up. */
    private static int percentile(BigDecimal mine, List<BigDecimal> rates) {
        double below = rates.stream().filter(r -> r.compareTo(mine) < 0).count();
        double equal = rates.stream().filter(r -> r.compareTo(mine) == 0).count();
        return (int) Math.floor(100 * (below + equal / 2) / rates.size() + 0.5);
    }

    // ------------------------------------------------------------------ set-up

    private static void peer(String industry, int visits, int purchases) {
        clientWithData(industry, visits, purchases, "2026-09-02");
        PEER_RATES.add(BigDecimal.valueOf(purchases).divide(BigDecimal.valueOf(visits), 10, RoundingMode.HALF_UP));
    }

    /** A client in an agency of its own, with these visits and purchases on the day (UTC). */
    private static Client clientWithData(String industry, int visits, int purchases, String day) {
        TestTenant seed = API.createTenant("Bench agency seed", ZoneId.of("UTC"), "USD");
        API.addAgencyAdmin(seed.agencyId(), Keycloak.AUTOMATION_EMAIL);
        Client c = client(seed.agencyId(), industry);
        send(c, visits, purchases, day);
        return c;
    }

    /** A client made by the agency's admin through the management API, and a key for it. */
    private static Client client(String agencyId, String industry) {
        String token = Keycloak.automationTokens().accessToken();
        ApiResponse made = API.postJson("api/v1/tenants", token, null, Json.createObjectBuilder()
                .add("name", "Bench client " + UUID.randomUUID().toString().substring(0, 8))
                .add("time_zone", "UTC").add("currency", "USD").add("industry", industry)
                .add("agency_id", agencyId).build().toString());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String id = made.json().getString("id");
        ApiResponse key = API.postJson("api/v1/tenants/" + id + "/keys", token, null,
                "{\"name\":\"bench\",\"scopes\":[\"read\",\"write\"]}");
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return new Client(id, agencyId, key.json().getString("secret"));
    }

    /** One visit per visitor at 10:00 on the day; the first {@code purchases} of them buy at 10:30. */
    private static void send(Client c, int visits, int purchases, String day) {
        List<JsonObject> events = new ArrayList<>();
        for (int i = 0; i < visits; i++) {
            String visitor = "v" + i;
            events.add(touch("t-" + i, visitor, day + "T10:00:00Z", "channel", "Email"));
            if (i < purchases) {
                events.add(conversion("c-" + i, visitor, day + "T10:30:00Z", "purchase", "20", "o-" + i));
            }
        }
        ApiResponse r = API.postEvents(c.apiKey(), batch(events));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getInt("accepted")).as(r.toString()).isEqualTo(events.size());
        API.awaitAttribution(c.id());
    }

    private static JsonObject benchmarks(String apiKey, String query) {
        ApiResponse r = API.get("api/v1/reports/benchmarks?" + query, apiKey);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void assertGeneralRow(JsonObject row) {
        assertThat(row.getString("metric")).isEqualTo("conversion_rate");
        assertThat(row.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("0.026");
        assertThat(row.getInt("year")).isEqualTo(2021);
        assertThat(row.getString("region")).isEqualTo("US");
        assertThat(row.getString("source")).startsWith("Statista");
        assertThat(row.keySet()).containsExactlyInAnyOrder("metric", "value", "year", "region", "source");
    }

    private static JsonObject row(JsonArray rows, String industry) {
        return rows.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("industry").equals(industry))
                .findFirst().orElseThrow(() -> new AssertionError("no benchmark row for " + industry + " in " + rows));
    }
}
