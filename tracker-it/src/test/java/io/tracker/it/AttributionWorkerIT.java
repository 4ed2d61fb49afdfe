package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.attribution.AttributionQueue;
import io.tracker.application.attribution.PendingAttribution;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attribution worker from outside: its lag in {@code /health}, the claim protocol against a
 * writer marking a visitor whose attribution is running (on the real database, with the product's
 * statements), and a visitor whose attribution fails: deferred and retried, never lost, while the
 * tenant's other visitors are attributed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttributionWorkerIT {

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @Test
    void healthReportsTheAttributionLag() {
        JsonObject check = attributionCheck();
        assertThat(check.getString("status")).isEqualTo("UP");
        JsonObject data = check.getJsonObject("data");
        assertThat(data.keySet()).contains("pending", "lag_seconds", "worker_idle_seconds", "down_after_seconds");
        assertThat(number(data, "down_after_seconds")).isEqualTo(600);
        assertThat(number(data, "pending")).isNotNegative();
        assertThat(number(data, "worker_idle_seconds")).as("the worker polls every 0.5 s").isLessThan(60);
    }

    @Test
    void eventsAreAttributedOffTheRequestPathWithinSeconds() {
        TestTenant t = api.createTenant("worker latency", ZoneId.of("UTC"), "EUR");
        ApiResponse r = api.postEvents(t.apiKey(), batch(
                touch("l-1", "visitor-l", "2025-05-02T10:00:00Z", "utm_source", "newsletter", "utm_medium", "email"),
                conversion("l-2", "visitor-l", "2025-05-02T10:05:00Z", "purchase", "12.00", "order-l")));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        long started = System.nanoTime();
        api.awaitAttribution(t);
        System.out.printf("attribution committed %d ms after the events API answered%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(api.storedCounts(t).attributionCredits())
                .as("one credit per rule-based model: last, first, linear, position based, time decay").isEqualTo(5);
    }

    /**
     * Re-attribution writes only what changed: a touch after the purchase re-attributes the visitor but
     * changes neither the purchase's credits nor its visit, so neither row gets a new version ({@code xmin});
     * a touch before it takes the last touch and rewrites both.
     */
    @Test
    void reAttributionRewritesOnlyWhatChanged() throws Exception {
        TestTenant t = api.createTenant("rewrites", ZoneId.of("UTC"), "EUR");
        assertThat(api.postEvents(t.apiKey(), batch(
                touch("r-1", "visitor-r", "2025-05-02T10:00:00Z", "utm_source", "newsletter", "utm_medium", "email"),
                conversion("r-2", "visitor-r", "2025-05-02T10:05:00Z", "purchase", "12.00", "order-r"))).status())
                .isEqualTo(202);
        api.awaitAttribution(t);
        String first = rowVersions(t.id(), "r-2");
        assertThat(lastTouchChannel(t.id(), "r-2")).isEqualTo("Email");

        assertThat(api.postEvents(t.apiKey(), batch(touch("r-3", "visitor-r", "2025-05-02T11:00:00Z",
                "utm_source", "google", "utm_medium", "cpc"))).status()).isEqualTo(202);
        api.awaitAttribution(t);
        assertThat(rowVersions(t.id(), "r-2")).as("credits and conversion after a later touch").isEqualTo(first);

        assertThat(api.postEvents(t.apiKey(), batch(touch("r-4", "visitor-r", "2025-05-02T10:02:00Z",
                "utm_source", "google", "utm_medium", "cpc"))).status()).isEqualTo(202);
        api.awaitAttribution(t);
        assertThat(rowVersions(t.id(), "r-2")).as("credits and conversion after an earlier touch").isNotEqualTo(first);
        assertThat(lastTouchChannel(t.id(), "r-2")).isNotEqualTo("Email");
    }

    /**
     * Credits keep the keys they were computed for: the worker sends each conversion's credits as array
     * literals (V15's parallel arrays), so quotes, backslashes, commas, braces, the word NULL and non-ASCII
     * letters in a channel or campaign must come back as sent. Deleting the conversion takes its credits
     * and their roll-up sums with it (V17's cascade).
     */
    @Test
    void creditsKeepKeysThatArrayLiteralsQuoteAndGoWithTheirConversion() throws Exception {
        TestTenant t = api.createTenant("quoted keys", ZoneId.of("UTC"), "EUR");
        List<String> campaigns = List.of("Spring \"Sale\", {50%} \\ off", "NULL", "été ✓", "a,b}{\"");
        assertThat(api.postEvents(t.apiKey(), batch(
                touch("q-1", "visitor-q", "2025-05-02T10:00:00Z", "channel", "E\"mail {x}", "campaign", campaigns.get(0)),
                touch("q-2", "visitor-q", "2025-05-02T10:01:00Z", "channel", "Social", "campaign", campaigns.get(1)),
                touch("q-3", "visitor-q", "2025-05-02T10:02:00Z", "channel", "Social", "campaign", campaigns.get(2)),
                touch("q-4", "visitor-q", "2025-05-02T10:03:00Z", "channel", "Social", "campaign", campaigns.get(3)),
                conversion("q-5", "visitor-q", "2025-05-02T10:05:00Z", "purchase", "40.00", "order-q"))).status())
                .isEqualTo(202);
        api.awaitAttribution(t);
        List<String> stored = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        double value = 0;
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "select campaign, channel, revenue from attribution_credit where tenant_id = ? and model = 'linear' "
                        + "order by campaign")) {
            ps.setString(1, t.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                    channels.add(rs.getString(2));
                    value += rs.getDouble(3);
                }
            }
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(campaigns);
        assertThat(channels).containsOnly("E\"mail {x}", "Social");
        assertThat(value).as("linear: 4 × 10.00").isEqualTo(40.0);

        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "delete from conversion where tenant_id = ? and event_id = 'q-5'")) {
            ps.setString(1, t.id());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(api.storedCounts(t).attributionCredits()).as("credits left after the conversion went").isZero();
        assertThat(creditRollupTotal(t.id())).as("the roll-up's credits, folded and not").isZero();
    }

    /** The credits in the tenant's roll-up: its folded rows plus the deltas not yet folded (V15). */
    private static long creditRollupTotal(String tenantId) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "select coalesce((select sum(credits) from credit_daily where tenant_id = ?), 0) "
                        + "+ coalesce((select sum(credits) from credit_daily_delta where tenant_id = ?), 0)")) {
            ps.setString(1, tenantId);
            ps.setString(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The row versions of a conversion and of its rule-based credits, as "conversion xmin/credits xmin". */
    private static String rowVersions(String tenantId, String eventId) throws SQLException {
        return ofConversion("select k.xmin::text || '/' || cc.xmin::text from conversion k join conversion_credit cc "
                + "on cc.tenant_id = k.tenant_id and cc.conversion_id = k.id where k.tenant_id = ? and k.event_id = ?",
                tenantId, eventId);
    }

    private static String lastTouchChannel(String tenantId, String eventId) throws SQLException {
        return ofConversion("select a.channel from attribution_credit a join conversion k on k.tenant_id = a.tenant_id "
                + "and k.id = a.conversion_id where a.tenant_id = ? and k.event_id = ? and a.model = 'last_touch'",
                tenantId, eventId);
    }

    /** The one value a query on a conversion (parameters: tenant, event id) returns, read as the superuser. */
    private static String ofConversion(String sql, String tenantId, String eventId) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("%s for %s", sql, eventId).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aVisitorMarkedWhileItsAttributionRunsIsMarkedAgainNotLost() throws Exception {
        TestTenant t = api.createTenant("claim protocol", ZoneId.of("UTC"), "EUR");
        try (Connection writer0 = TestDatabase.connect(); Connection worker = TestDatabase.connect();
             Connection writer = TestDatabase.connect()) {
            worker.setAutoCommit(false);
            // The worker's claim of a committed mark. The server's own worker may take a mark first (it
            // polls every 0.5 s): then try again with another visitor.
            String visitor = null;
            for (int attempt = 0; attempt < 5 && visitor == null; attempt++) {
                String v = "claimed-" + attempt;
                assertThat(PendingAttribution.mark(writer0, t.id(), List.of(v))).isEqualTo(1);
                if (claim(worker, t.id()).contains(v)) {
                    visitor = v;
                } else {
                    worker.rollback();
                }
            }
            assertThat(visitor).as("a claim of this test's mark (the server's worker took it five times)").isNotNull();

            // A writer marks the claimed visitor again while the claim's transaction is open: it waits...
            int writerPid = pid(writer);
            String claimed = visitor;
            CompletableFuture<Integer> marking = CompletableFuture.supplyAsync(() -> {
                try {
                    return PendingAttribution.mark(writer, t.id(), List.of(claimed));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Waits.until(() -> waitsForALock(writer0, writerPid), Duration.ofSeconds(10),
                    () -> "the writer's mark did not wait for the open claim: " + marking);
            assertThat(marking).isNotDone();

            // ...and once the claim commits, inserts a fresh mark (1 row; a mark only locked, not taken,
            // would have made it insert nothing at once, and the new events would never be attributed).
            worker.commit();
            assertThat(marking.get(10, TimeUnit.SECONDS)).as("new marks").isEqualTo(1);
        }
        api.awaitAttribution(t);
    }

    @Test
    void aVisitorWhoseAttributionFailsIsDeferredAndRetriedWhileTheOthersGoOn() throws Exception {
        TestTenant t = api.createTenant("poisoned visitor", ZoneId.of("UTC"), "EUR");
        // A test-only trigger makes every credit of the campaign "it-poison" fail.
        try (Connection db = TestDatabase.connect(); Statement s = db.createStatement()) {
            s.execute("create function it_poison_credit() returns trigger language plpgsql as $$ begin "
                    + "if 'it-poison' = any(new.campaign) then raise exception 'it: poisoned credit'; end if; return new; end $$");
            s.execute("create trigger it_poison_credit before insert on conversion_credit "
                    + "for each row execute function it_poison_credit()");
            try {
                ApiResponse r = api.postEvents(t.apiKey(), batch(
                        touch("p-1", "poisoned", "2025-05-03T10:00:00Z", "utm_source", "x", "utm_medium", "email",
                                "utm_campaign", "it-poison"),
                        conversion("p-2", "poisoned", "2025-05-03T10:05:00Z", "purchase", "5.00", "order-p"),
                        touch("h-1", "healthy", "2025-05-03T11:00:00Z", "utm_source", "y", "utm_medium", "email"),
                        conversion("h-2", "healthy", "2025-05-03T11:05:00Z", "purchase", "7.00", "order-h")));
                assertThat(r.status()).as("%s", r).isEqualTo(202);

                // The healthy visitor is attributed although it shared the first batch with the poisoned one.
                Waits.until(() -> api.storedCounts(t).attributionCredits() == 5 && deferred(db, t.id(), "poisoned"),
                        TrackerClient.ATTRIBUTION_TIMEOUT, () -> "healthy visitor not attributed or poisoned one not "
                                + "deferred: " + api.storedCounts(t) + ", pending " + api.pendingAttribution(t.id()));
                assertThat(api.pendingAttribution(t.id())).as("the poisoned visitor's mark stays").isEqualTo(1);
                JsonObject health = attributionCheck();
                assertThat(health.getString("status")).as("a failing visitor does not stop the worker").isEqualTo("UP");
                assertThat(number(health.getJsonObject("data"), "pending")).isPositive();
            } finally {
                s.execute("drop trigger if exists it_poison_credit on conversion_credit");
                s.execute("drop function if exists it_poison_credit()");
            }
        }
        // Cured: the retry (after its pause) attributes it.
        api.awaitAttribution(t);
        assertThat(api.storedCounts(t).attributionCredits()).as("5 rule-based models × 2 visitors").isEqualTo(10);
    }

    // ------------------------------------------------------------------ helpers

    private JsonObject attributionCheck() {
        ApiResponse health = api.send(api.request("health").GET());
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        List<JsonObject> checks = health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("attribution")).toList();
        assertThat(checks).as("%s", health).hasSize(1);
        return checks.get(0);
    }

    /** A number of a check's data: Payara writes every data value as a JSON string, the spec allows numbers too. */
    private static long number(JsonObject data, String key) {
        JsonValue v = data.get(key);
        assertThat(v).as("data %s in %s", key, data).isNotNull();
        return Long.parseLong(v instanceof JsonString text ? text.getString() : v.toString());
    }

    private static List<String> claim(Connection c, String tenantId) throws SQLException {
        List<String> claimed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(AttributionQueue.CLAIM_OLDEST)) {
            ps.setString(1, tenantId);
            ps.setString(2, tenantId);
            ps.setInt(3, 10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
        }
        return claimed;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean waitsForALock(Connection c, int pid) {
        try (PreparedStatement ps = c.prepareStatement("select wait_event_type from pg_stat_activity where pid = ?")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "Lock".equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean deferred(Connection c, String tenantId, String visitorId) {
        try (PreparedStatement ps = c.prepareStatement("select attempts, retry_after from attribution_pending "
                + "where tenant_id = ? and visitor_id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, visitorId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) >= 1 && rs.getObject(2) != null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
