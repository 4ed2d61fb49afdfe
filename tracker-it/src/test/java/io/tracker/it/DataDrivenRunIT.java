package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Problems;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A data-driven run asked for through {@code POST /api/v1/attribution/data-driven} happens in the
 * background and ends with markov and shapley credits for every counted conversion, each conversion's
 * credits adding up to 1 (read straight from the database).
 *
 * <p>The tenant (UTC, EUR) has, in May 2026 (C = converts, N = does not):
 * <pre>
 * p1 C  Email, Paid Search → purchase 60      p6 C  (no touch) → purchase 10
 * p2 C  Email → purchase 40                    n1 N  Display
 * p3 C  Paid Search, Display → purchase 30     n2 N  Paid Search
 * p4 C  Display, Email, Direct → purchase 20   n3 N  Email, Display
 * p5 C  Email, Paid Search → purchase 50,      n4 N  Display
 *       then Display after it (a null path)
 * </pre>
 * so 6 conversions, 5 converting paths with touches, and 5 non-converting paths (n1–n4 and p5's tail).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataDrivenRunIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String RUNS = "api/v1/attribution/data-driven";
    private static TestTenant tenant;
    private static TestTenant other;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void tenantWithJourneys() {
        tenant = API.createTenant("data-driven", ZoneId.of("UTC"), "EUR");
        other = API.createTenant("data-driven other", ZoneId.of("UTC"), "EUR");
        ApiResponse r = API.postEvents(tenant.apiKey(), batch(
                touch("p1-1", "p1", "2026-05-01T10:00:00Z", "channel", "Email"),
                touch("p1-2", "p1", "2026-05-02T10:00:00Z", "channel", "Paid Search"),
                conversion("p1-c", "p1", "2026-05-02T11:00:00Z", "purchase", "60.00", "o1"),
                touch("p2-1", "p2", "2026-05-03T10:00:00Z", "channel", "Email"),
                conversion("p2-c", "p2", "2026-05-03T11:00:00Z", "purchase", "40.00", "o2"),
                touch("p3-1", "p3", "2026-05-04T10:00:00Z", "channel", "Paid Search"),
                touch("p3-2", "p3", "2026-05-05T10:00:00Z", "channel", "Display"),
                conversion("p3-c", "p3", "2026-05-05T11:00:00Z", "purchase", "30.00", "o3"),
                touch("p4-1", "p4", "2026-05-06T10:00:00Z", "channel", "Display"),
                touch("p4-2", "p4", "2026-05-06T11:00:00Z", "channel", "Email"),
                touch("p4-3", "p4", "2026-05-06T12:00:00Z", "channel", "Direct"),
                conversion("p4-c", "p4", "2026-05-06T13:00:00Z", "purchase", "20.00", "o4"),
                touch("p5-1", "p5", "2026-05-07T10:00:00Z", "channel", "Email"),
                touch("p5-2", "p5", "2026-05-07T11:00:00Z", "channel", "Paid Search"),
                conversion("p5-c", "p5", "2026-05-07T12:00:00Z", "purchase", "50.00", "o5"),
                touch("p5-3", "p5", "2026-05-09T10:00:00Z", "channel", "Display"),
                conversion("p6-c", "p6", "2026-05-08T12:00:00Z", "purchase", "10.00", "o6"),
                touch("n1-1", "n1", "2026-05-10T10:00:00Z", "channel", "Display"),
                touch("n2-1", "n2", "2026-05-10T10:00:00Z", "channel", "Paid Search"),
                touch("n3-1", "n3", "2026-05-10T10:00:00Z", "channel", "Email"),
                touch("n3-2", "n3", "2026-05-11T10:00:00Z", "channel", "Display"),
                touch("n4-1", "n4", "2026-05-12T10:00:00Z", "channel", "Display")));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertThat(r.json().getInt("accepted")).isEqualTo(22);
        API.awaitAttribution(tenant);
    }

    @Test
    void aRunOnDemandCreditsEveryConversionWithSharesAddingUpToOne() throws SQLException {
        ApiResponse asked = post(tenant);
        assertThat(asked.status()).as("%s", asked).isEqualTo(202);
        long id = asked.json().getJsonNumber("id").longValue();
        assertThat(asked.json().getString("reason")).isEqualTo("on_demand");
        assertThat(asked.json().getString("status")).isIn("queued", "running");
        assertThat(asked.header("Location")).endsWith("/" + RUNS + "/" + id);

        // Asking again while it is open gives the same run; a different id only once the first has ended.
        ApiResponse again = post(tenant);
        assertThat(again.status()).isEqualTo(202);
        long secondId = again.json().getJsonNumber("id").longValue();
        if (secondId != id) {
            assertThat(status(tenant, id).getString("status")).isIn("succeeded", "failed");
        }

        JsonObject run = awaitEnd(tenant, secondId);
        assertThat(run.getString("status")).as("%s", run).isEqualTo("succeeded");
        assertThat(run.getInt("conversions")).isEqualTo(6);
        assertThat(run.getJsonNumber("converting_paths").longValue()).isEqualTo(5);
        assertThat(run.getJsonNumber("null_paths").longValue()).isEqualTo(5);
        assertThat(run.getInt("channels")).isEqualTo(4);
        assertThat(run.getString("started_at")).isNotBlank();
        assertThat(run.getString("finished_at")).isNotBlank();

        Map<String, Map<Long, Double>> sums = creditSums(tenant.id());
        long conversions = countConversions(tenant.id());
        assertThat(conversions).isEqualTo(6);
        for (String model : new String[] {"markov", "shapley"}) {
            Map<Long, Double> perConversion = sums.getOrDefault(model, Map.of());
            assertThat(perConversion).as(model).hasSize((int) conversions);
            perConversion.forEach((conversion, sum) -> assertThat(sum).as("%s credits of conversion %s", model, conversion)
                    .isCloseTo(1.0, within(1e-9)));
        }

        // The report API reads them: every conversion and its value once, whatever the split.
        for (String model : new String[] {"markov", "shapley"}) {
            JsonObject report = API.attribution(tenant, model, "2026-05-01", "2026-05-31", "channel");
            assertThat(report.getJsonObject("totals").getJsonNumber("conversions").doubleValue()).isCloseTo(6, within(1e-6));
            assertThat(report.getJsonObject("totals").getJsonNumber("revenue").doubleValue()).isCloseTo(210, within(0.02));
        }
    }

    /**
     * The data-driven paths are the rule-based journeys. Purchase with a 7-day lookback, counting "one":
     * <pre>
     * a: Paid Search (google / cpc) 1 May 10:00, Email (newsletter / email) 8 May 09:00, purchase 100 on 9 May
     *    10:00 (Paid Search is 8 days old: not in its journey), and again at 11:00 (same last touch: not counted)
     * b: Email 10 May 10:00, Paid Search 11:00, purchase 50 at 12:00
     * </pre>
     * Paths: Email (converts), Email &gt; Paid Search (converts), Paid Search (null: a's touch in no journey).
     *
     * <p>Markov by hand: start→Email 2, start→Paid Search 1; Email→conversion 1, Email→Paid Search 1;
     * Paid Search→conversion 1, Paid Search→null 1. x(PS) = 1/2, x(E) = 1/2 + 1/2·1/2 = 3/4,
     * P = 2/3·3/4 + 1/3·1/2 = 2/3. Without Email: P = 1/3·1/2 = 1/6, RE(E) = 1 − (1/6)/(2/3) = 3/4. Without
     * Paid Search: x(E) = 1/2, P = 2/3·1/2 = 1/3, RE(PS) = 1/2. So b: Email 0.75/1.25 = 0.6 (30.00), Paid
     * Search 0.4 (20.00); a: Email 1 (100.00). (On 30-day journeys a's path would be Paid Search &gt; Email.)
     *
     * <p>Shapley by hand: v({E}) = 1/1, v({PS}) = 0/1, v({E, PS}) = 1/1; φ(E) = 1/2·1 + 1/2·(1 − 0) = 1,
     * φ(PS) = 1/2·0 + 1/2·(1 − 1) = 0: all of a and b to Email.
     */
    @Test
    void aRunFitsTheActionsOwnJourneysAndCreditsOnlyCountedConversionsBySourceMedium() throws SQLException {
        TestTenant t = API.createTenant("data-driven journeys", ZoneId.of("UTC"), "EUR");
        TestDatabase.setAction(t.id(), "purchase", "lookback_days", 7);
        TestDatabase.setAction(t.id(), "purchase", "counting", "ONE");
        String[] search = {"utm_source", "google", "utm_medium", "cpc"};
        String[] email = {"utm_source", "newsletter", "utm_medium", "email"};
        ApiResponse r = API.postEvents(t.apiKey(), batch(
                touch("a-1", "a", "2026-05-01T10:00:00Z", search),
                touch("a-2", "a", "2026-05-08T09:00:00Z", email),
                conversion("a-c1", "a", "2026-05-09T10:00:00Z", "purchase", "100.00", null),
                conversion("a-c2", "a", "2026-05-09T11:00:00Z", "purchase", "100.00", null),
                touch("b-1", "b", "2026-05-10T10:00:00Z", email),
                touch("b-2", "b", "2026-05-10T11:00:00Z", search),
                conversion("b-c", "b", "2026-05-10T12:00:00Z", "purchase", "50.00", null)));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertThat(r.json().getJsonArray("rejected")).as("%s", r).isEmpty();
        API.awaitAttribution(t);

        JsonObject run = awaitEnd(t, post(t).json().getJsonNumber("id").longValue());
        assertThat(run.getString("status")).as("%s", run).isEqualTo("succeeded");
        assertThat(run.getInt("conversions")).isEqualTo(2);
        assertThat(run.getJsonNumber("converting_paths").longValue()).isEqualTo(2);
        assertThat(run.getJsonNumber("null_paths").longValue()).isEqualTo(1);
        assertThat(run.getInt("channels")).isEqualTo(2);

        assertThat(credits(t.id(), "markov")).containsExactlyInAnyOrder(
                "a-c1 Email newsletter / email 1.000000 100.00",
                "b-c Email newsletter / email 0.600000 30.00",
                "b-c Paid Search google / cpc 0.400000 20.00");
        assertThat(credits(t.id(), "shapley")).containsExactlyInAnyOrder(
                "a-c1 Email newsletter / email 1.000000 100.00",
                "b-c Email newsletter / email 1.000000 50.00");
        // The repeat is kept, not counted, and credited by no model.
        assertThat(credits(t.id(), "last_touch")).containsExactlyInAnyOrder(
                "a-c1 Email newsletter / email 1.000000 100.00",
                "b-c Paid Search google / cpc 1.000000 50.00");
    }

    @Test
    void aRunIsTheTenantsOwnAndItsIdMustBeANumber() {
        ApiResponse asked = post(tenant);
        long id = asked.json().getJsonNumber("id").longValue();
        Problems.assertProblem(API.get(RUNS + "/" + id, other.apiKey()), 404);
        Problems.assertProblem(API.get(RUNS + "/999999999", tenant.apiKey()), 404);
        assertThat(Problems.assertProblem(API.get(RUNS + "/abc", tenant.apiKey()), 400)).contains("'abc'");
        Problems.assertProblem(API.send(API.request(RUNS)
                .POST(HttpRequest.BodyPublishers.noBody())), 401);
        awaitEnd(tenant, id);
    }

    /**
     * A run under way holds nothing else up: the attribution worker's lanes and the runs have executors of
     * their own (on the server's default scheduled executor, one thread for every periodic job, attribution
     * stopped for as long as a run took). The test holds a run on a lock of its credit table while another
     * tenant's events are attributed.
     */
    @Test
    void attributionGoesOnWhileARunIsUnderWay() throws SQLException {
        TestTenant held = API.createTenant("data-driven held", ZoneId.of("UTC"), "EUR");
        TestTenant busy = API.createTenant("data-driven meanwhile", ZoneId.of("UTC"), "EUR");
        assertThat(API.postEvents(held.apiKey(), batch(
                touch("h-1", "h", "2026-05-20T10:00:00Z", "channel", "Email"),
                conversion("h-c", "h", "2026-05-20T11:00:00Z", "purchase", "5.00", "oh"))).status()).isEqualTo(202);
        API.awaitAttribution(held);
        long id;
        try (Connection hold = TestDatabase.connect()) {
            hold.setAutoCommit(false);
            try (PreparedStatement lock = hold.prepareStatement("lock table data_driven_credit in share mode")) {
                lock.execute(); // reads go on; the run's delete of its old credits waits
            }
            ApiResponse asked = post(held);
            assertThat(asked.status()).as("%s", asked).isEqualTo(202);
            id = asked.json().getJsonNumber("id").longValue();
            Waits.until(() -> someoneWaitsFor("data_driven_credit"), Duration.ofMinutes(1),
                    () -> "the run did not come to write its credits: " + status(held, id));

            ApiResponse r = API.postEvents(busy.apiKey(), batch(
                    touch("b-1", "b", "2026-05-21T10:00:00Z", "channel", "Display"),
                    conversion("b-c", "b", "2026-05-21T11:00:00Z", "purchase", "7.00", "ob")));
            assertThat(r.status()).as("%s", r).isEqualTo(202);
            API.awaitAttribution(busy);
            assertThat(API.storedCounts(busy).attributionCredits()).as("5 rule-based models").isEqualTo(5);
            assertThat(status(held, id).getString("status")).as("the run still waits").isEqualTo("running");
            hold.rollback();
        }
        assertThat(awaitEnd(held, id).getString("status")).isEqualTo("succeeded");
    }

    /** Whether a session waits for a lock on the table (pg_locks, read as the superuser). */
    private static boolean someoneWaitsFor(String table) {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select exists (select from pg_locks l where not l.granted "
                     + "and l.relation = to_regclass(?))")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiResponse post(TestTenant t) {
        return API.send(API.request(RUNS).header("Authorization", "Bearer " + t.apiKey())
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonObject status(TestTenant t, long id) {
        ApiResponse r = API.get(RUNS + "/" + id, t.apiKey());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static JsonObject awaitEnd(TestTenant t, long id) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        Waits.until(() -> {
            last.set(status(t, id));
            return !last.get().getString("status").equals("queued") && !last.get().getString("status").equals("running");
        }, Duration.ofMinutes(2), () -> "data-driven run " + id + " did not end: " + last.get());
        return last.get();
    }

    /**
     * The model's stored credits, one line each: "conversion event id, channel, source / medium, credit
     * (6 decimals), revenue (2 decimals)".
     */
    private static List<String> credits(String tenantId, String model) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select v.event_id, a.channel, a.source_medium, a.credit, "
                     + "a.revenue from attribution_credit a join conversion v on v.tenant_id = a.tenant_id "
                     + "and v.id = a.conversion_id where a.tenant_id = ? and a.model = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, model);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(String.format(java.util.Locale.ROOT, "%s %s %s %.6f %.2f", rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getBigDecimal(5)));
                }
            }
        }
        return lines;
    }

    /** Per model, per conversion: the sum of its credits. */
    private static Map<String, Map<Long, Double>> creditSums(String tenantId) throws SQLException {
        Map<String, Map<Long, Double>> sums = new HashMap<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select model, conversion_id, sum(credit) from attribution_credit "
                     + "where tenant_id = ? and model in ('markov', 'shapley') group by model, conversion_id")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sums.computeIfAbsent(rs.getString(1), m -> new HashMap<>()).put(rs.getLong(2), rs.getDouble(3));
                }
            }
        }
        return sums;
    }

    private static long countConversions(String tenantId) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from conversion where tenant_id = ? and counted")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
