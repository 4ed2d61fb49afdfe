package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Problems;
import io.tracker.it.support.ReferenceAttribution;
import io.tracker.it.support.ReferenceAttribution.Converted;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.ReferenceAttribution.Touch;
import io.tracker.it.support.Reports;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attribution report for every model and every dimension, the model comparison, and bad input,
 * against expectations worked out by hand (rule-based models through {@link ReferenceAttribution},
 * time decay with its formula below).
 *
 * <p>The tenant reports in UTC, in EUR, with the default macro action {@code purchase} ("Purchase"), a
 * second macro action {@code lead} and a micro action {@code newsletter}. Its events (explicit channels
 * and campaigns, so the test does not depend on the channel grouping):
 *
 * <pre>
 * visitor  touches (UTC, April 2026)                          conversion                        journey
 * V1       04-01 10:00 Email "spring", 04-02 10:00 Paid       purchase 04-03 10:00  100.00      Email, Paid Search
 *          Search "brand"
 * V2       04-05 08:00 Display                                purchase 04-05 09:00   50.00      Display
 * V3       04-06 10:00 Email "spring", 04-07 06:00 Paid       lead 04-07 12:00       20.00      Email, Paid Social,
 *          Social "launch", 04-07 11:00 Direct                                                  Direct
 * V4       (none)                                             purchase 04-08 10:00   30.00      (Direct)
 * V5       04-09 10:00 Email "spring"                         newsletter 04-09 10:05  0 (micro, not in the default)
 * </pre>
 *
 * Time decay with the default half-life of 7 days = 168 h: a touch Δ hours before its conversion weighs
 * 2^(−Δ/168), normalised per conversion.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsModelsIT {

    private static final String FROM = "2026-04-01";
    private static final String TO = "2026-04-30";
    private static final List<String> MODELS = List.of("last_touch", "first_touch", "linear", "position_based",
            "time_decay", "markov", "shapley");
    private static final List<String> RULE_BASED = List.of("last_touch", "first_touch", "linear", "position_based");

    private static final List<Converted> MACRO = List.of(
            Converted.of("100.00", new Touch("Email", "spring"), new Touch("Paid Search", "brand")),
            Converted.of("50.00", Touch.of("Display")),
            Converted.of("20.00", new Touch("Email", "spring"), new Touch("Paid Social", "launch"), Touch.of("Direct")),
            Converted.of("30.00"));

    private static final TrackerClient API = new TrackerClient();
    private static TestTenant tenant;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void tenantWithAprilTraffic() {
        tenant = tenantWithAprilTraffic("reports models");
        API.awaitAttribution(tenant);
    }

    /** A new tenant (UTC, EUR, the actions above) holding the events of the table above. */
    private static TestTenant tenantWithAprilTraffic(String label) {
        TestTenant t = API.createTenant(label, ZoneId.of("UTC"), "EUR", "lead:MACRO:EVERY:0",
                "newsletter:MICRO:EVERY:0");
        ApiResponse r = API.postEvents(t.apiKey(), batch(
                touch("v1-t1", "V1", "2026-04-01T10:00:00Z", "channel", "Email", "campaign", "spring"),
                touch("v1-t2", "V1", "2026-04-02T10:00:00Z", "channel", "Paid Search", "campaign", "brand"),
                conversion("v1-c", "V1", "2026-04-03T10:00:00Z", "purchase", "100.00", "p1"),
                touch("v2-t1", "V2", "2026-04-05T08:00:00Z", "channel", "Display"),
                conversion("v2-c", "V2", "2026-04-05T09:00:00Z", "purchase", "50.00", "p2"),
                touch("v3-t1", "V3", "2026-04-06T10:00:00Z", "channel", "Email", "campaign", "spring"),
                touch("v3-t2", "V3", "2026-04-07T06:00:00Z", "channel", "Paid Social", "campaign", "launch"),
                touch("v3-t3", "V3", "2026-04-07T11:00:00Z", "channel", "Direct"),
                conversion("v3-c", "V3", "2026-04-07T12:00:00Z", "lead", "20.00", "l1"),
                conversion("v4-c", "V4", "2026-04-08T10:00:00Z", "purchase", "30.00", "p4"),
                touch("v5-t1", "V5", "2026-04-09T10:00:00Z", "channel", "Email", "campaign", "spring"),
                conversion("v5-c", "V5", "2026-04-09T10:05:00Z", "newsletter", null, null)));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertThat(r.json().getInt("accepted")).isEqualTo(12);
        return t;
    }

    /** Time decay's expected rows: each conversion's touches weighted 2^(−hours before / 168), normalised. */
    private static Map<String, Expected> timeDecay(boolean byCampaign) {
        Map<String, Expected> rows = new LinkedHashMap<>();
        addDecayed(rows, 100, new double[] {48, 24}, byCampaign ? new String[] {"spring", "brand"}
                : new String[] {"Email", "Paid Search"});
        addDecayed(rows, 50, new double[] {1}, byCampaign ? new String[] {""} : new String[] {"Display"});
        addDecayed(rows, 20, new double[] {26, 6, 1}, byCampaign ? new String[] {"spring", "launch", ""}
                : new String[] {"Email", "Paid Social", "Direct"});
        addDecayed(rows, 30, new double[] {0}, byCampaign ? new String[] {""} : new String[] {"Direct"});
        return rows;
    }

    private static void addDecayed(Map<String, Expected> rows, double value, double[] hoursBefore, String[] keys) {
        double sum = 0;
        for (double h : hoursBefore) {
            sum += Math.pow(2, -h / 168);
        }
        for (int i = 0; i < keys.length; i++) {
            double share = Math.pow(2, -hoursBefore[i] / 168) / sum;
            rows.merge(keys[i], new Expected(share, share * value),
                    (a, b) -> new Expected(a.conversions() + b.conversions(), a.revenue() + b.revenue()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"last_touch", "first_touch", "linear", "position_based"})
    void everyRuleBasedModelByChannelAndByCampaign(String model) {
        JsonObject byChannel = API.attribution(tenant, model, FROM, TO, "channel");
        assertThat(byChannel.getString("model")).isEqualTo(model);
        assertThat(byChannel.getString("dimension")).isEqualTo("channel");
        Reports.assertReport(byChannel, ReferenceAttribution.byChannel(model, MACRO));
        Reports.assertReport(API.attribution(tenant, model, FROM, TO, "campaign"),
                ReferenceAttribution.byCampaign(model, MACRO));
    }

    @Test
    void timeDecayByChannelAndByCampaign() {
        Reports.assertReport(API.attribution(tenant, "time_decay", FROM, TO, "channel"), timeDecay(false));
        Reports.assertReport(API.attribution(tenant, "time_decay", FROM, TO, "campaign"), timeDecay(true));
    }

    /**
     * Reports add the credits' deltas not yet folded to the folded roll-up (V15): the same figures while the
     * worker's fold is held off (a test transaction holds its lock, so every credit is still a delta) and
     * once the deltas are folded.
     */
    @Test
    void aReportIsTheSameWhetherItsCreditsAreFoldedOrNot() throws SQLException {
        TestTenant t;
        Map<String, JsonObject> unfolded = new LinkedHashMap<>();
        try (Connection hold = TestDatabase.connect()) {
            hold.setAutoCommit(false);
            try (Statement s = hold.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('credit_daily_fold'))");
            }
            t = tenantWithAprilTraffic("reports unfolded");
            API.awaitAttribution(t);
            assertThat(rows("credit_daily_delta", t.id())).as("the credits' deltas, not folded").isPositive();
            assertThat(rows("credit_daily", t.id())).as("nothing folded yet").isZero();
            for (String model : RULE_BASED) {
                JsonObject report = API.attribution(t, model, FROM, TO, "channel");
                Reports.assertReport(report, ReferenceAttribution.byChannel(model, MACRO));
                unfolded.put(model, report);
            }
            hold.rollback(); // lets the worker fold
        }
        Waits.until(() -> rows("credit_daily_delta", t.id()) == 0, TrackerClient.ATTRIBUTION_TIMEOUT,
                () -> "the worker did not fold the credits' deltas");
        assertThat(rows("credit_daily", t.id())).as("folded").isPositive();
        for (String model : RULE_BASED) {
            assertThat(API.attribution(t, model, FROM, TO, "channel")).as(model).isEqualTo(unfolded.get(model));
        }
    }

    /** The tenant's rows in a table, read as the superuser. */
    private static long rows(String table, String tenantId) {
        try (Connection db = TestDatabase.connect();
             PreparedStatement ps = db.prepareStatement("select count(*) from " + table + " where tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dataDrivenModelsAreAcceptedAndEmptyBeforeARun() {
        for (String model : List.of("markov", "shapley")) {
            JsonObject report = API.attribution(tenant, model, FROM, TO, "channel");
            assertThat(report.getString("model")).isEqualTo(model);
            Reports.assertEmpty(report);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"last_touch", "first_touch", "linear", "position_based", "time_decay"})
    void byConversionActionEveryModelGivesEachActionItsConversions(String model) {
        // Whatever the model, an action's credits add up to its conversions and their value.
        JsonObject report = API.attribution(tenant, model, FROM, TO, "conversion_action");
        assertThat(report.getString("dimension")).isEqualTo("conversion_action");
        Reports.assertReport(report, Map.of("purchase", new Expected(3, 180), "lead", new Expected(1, 20)));
        Map<String, String> names = new LinkedHashMap<>();
        report.getJsonArray("rows").getValuesAs(JsonObject.class)
                .forEach(row -> names.put(row.getString("conversion_action"), row.getString("name")));
        assertThat(names).containsExactly(Map.entry("purchase", "Purchase"), Map.entry("lead", "lead"));

        Reports.assertReport(API.attribution(tenant, Map.of("model", model, "from", FROM, "to", TO,
                "dimension", "conversion_action", "action", "newsletter")), Map.of("newsletter", new Expected(1, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"last_touch", "first_touch", "linear", "position_based", "time_decay"})
    void bySourceMediumEveryModelAddsUpToTheSameConversions(String model) {
        JsonObject report = API.attribution(tenant, model, FROM, TO, "source_medium");
        assertThat(report.getString("dimension")).isEqualTo("source_medium");
        Map<String, Expected> rows = Reports.rows(report);
        assertThat(rows).isNotEmpty();
        assertThat(rows.values().stream().mapToDouble(Expected::conversions).sum()).isCloseTo(4, within(1e-6));
        assertThat(rows.values().stream().mapToDouble(Expected::revenue).sum()).isCloseTo(200, within(0.02));
    }

    @Test
    void modelComparisonPutsEveryModelSideBySideWithItsDifferenceFromLastTouch() {
        JsonObject comparison = ok(API.get("api/v1/reports/model-comparison?"
                + TrackerClient.query(Map.of("from", FROM, "to", TO, "dimension", "channel")), tenant.apiKey()));
        assertThat(comparison.getString("dimension")).isEqualTo("channel");
        assertThat(comparison.getString("currency")).isEqualTo("EUR");
        assertThat(comparison.getJsonArray("models").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactlyElementsOf(MODELS);

        Map<String, Map<String, Expected>> expected = new LinkedHashMap<>();
        RULE_BASED.forEach(m -> expected.put(m, ReferenceAttribution.byChannel(m, MACRO)));
        expected.put("time_decay", timeDecay(false));
        expected.put("markov", Map.of());
        expected.put("shapley", Map.of());
        List<String> channels = expected.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();

        List<JsonObject> rows = comparison.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(rows).extracting(r -> r.getString("channel")).containsExactlyInAnyOrderElementsOf(channels);
        for (JsonObject row : rows) {
            String channel = row.getString("channel");
            Expected lastTouch = expected.get("last_touch").getOrDefault(channel, new Expected(0, 0));
            for (String model : MODELS) {
                Expected e = expected.get(model).getOrDefault(channel, new Expected(0, 0));
                JsonObject figures = row.getJsonObject(model);
                assertThat(figures.getJsonNumber("conversions").doubleValue()).as("%s %s", channel, model)
                        .isCloseTo(e.conversions(), within(1e-6));
                assertThat(figures.getJsonNumber("revenue").doubleValue()).as("%s %s", channel, model)
                        .isCloseTo(e.revenue(), within(0.005));
                JsonObject difference = figures.getJsonObject("difference_from_last_touch");
                assertThat(difference.getJsonNumber("conversions").doubleValue()).as("%s %s", channel, model)
                        .isCloseTo(e.conversions() - lastTouch.conversions(), within(1e-6));
                assertThat(difference.getJsonNumber("revenue").doubleValue()).as("%s %s", channel, model)
                        .isCloseTo(e.revenue() - lastTouch.revenue(), within(0.011));
            }
        }
        // Rows by last-touch conversions, most first.
        List<Double> order = rows.stream().map(r -> r.getJsonObject("last_touch").getJsonNumber("conversions")
                .doubleValue()).toList();
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i)).isLessThanOrEqualTo(order.get(i - 1));
        }
        JsonObject totals = comparison.getJsonObject("totals");
        for (String model : List.of("last_touch", "first_touch", "linear", "position_based", "time_decay")) {
            assertThat(totals.getJsonObject(model).getJsonNumber("conversions").doubleValue()).isCloseTo(4, within(1e-6));
            assertThat(totals.getJsonObject(model).getJsonNumber("revenue").doubleValue()).isCloseTo(200, within(0.02));
            assertThat(totals.getJsonObject(model).getJsonObject("difference_from_last_touch")
                    .getJsonNumber("conversions").doubleValue()).isCloseTo(0, within(1e-6));
        }
        assertThat(totals.getJsonObject("markov").getJsonObject("difference_from_last_touch")
                .getJsonNumber("conversions").doubleValue()).isCloseTo(-4, within(1e-6));
    }

    @Test
    void modelComparisonByConversionActionAndForOneAction() {
        JsonObject byAction = ok(API.get("api/v1/reports/model-comparison?" + TrackerClient.query(Map.of(
                "from", FROM, "to", TO, "dimension", "conversion_action")), tenant.apiKey()));
        List<JsonObject> rows = byAction.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(rows).extracting(r -> r.getString("conversion_action")).containsExactly("purchase", "lead");
        assertThat(rows.get(0).getString("name")).isEqualTo("Purchase");
        for (String model : List.of("last_touch", "first_touch", "linear", "position_based", "time_decay")) {
            assertThat(rows.get(0).getJsonObject(model).getJsonNumber("conversions").doubleValue()).isCloseTo(3, within(1e-6));
            assertThat(rows.get(1).getJsonObject(model).getJsonNumber("revenue").doubleValue()).isCloseTo(20, within(0.005));
        }

        JsonObject newsletter = ok(API.get("api/v1/reports/model-comparison?" + TrackerClient.query(Map.of(
                "from", FROM, "to", TO, "action", "newsletter")), tenant.apiKey()));
        assertThat(newsletter.getString("dimension")).isEqualTo("channel");
        List<JsonObject> lines = newsletter.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(lines).extracting(r -> r.getString("channel")).containsExactly("Email");
        assertThat(lines.get(0).getJsonObject("linear").getJsonNumber("conversions").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void badInputIsA400ProblemSayingWhatIsWrong() {
        assertProblem("api/v1/reports/attribution?model=u_shaped&from=" + FROM + "&to=" + TO, "u_shaped");
        assertProblem("api/v1/reports/attribution?from=" + FROM, "'model' is required");
        assertProblem("api/v1/reports/attribution?model=linear&dimension=medium", "dimension must be one of channel, "
                + "campaign, source_medium or conversion_action, not 'medium'");
        assertProblem("api/v1/reports/model-comparison?dimension=source", "dimension must be one of");
        assertProblem("api/v1/reports/model-comparison?model=linear", "unknown parameter 'model'");
        assertProblem("api/v1/reports/model-comparison?utm_source=x", "unknown parameter 'utm_source'");
        assertProblem("api/v1/reports/model-comparison?from=2026-04-31", "'from' must be a date");
        assertProblem("api/v1/reports/model-comparison?from=2026-04-10&to=2026-04-01", "is after 'to'");
        assertProblem("api/v1/reports/model-comparison?action=nope", "unknown conversion action 'nope'");
        assertProblem("api/v1/reports/attribution?model=markov&dimension=conversion_action&action=nope",
                "unknown conversion action 'nope'");
    }

    private static void assertProblem(String pathAndQuery, String detailContains) {
        ApiResponse r = API.get(pathAndQuery, tenant.apiKey());
        assertThat(Problems.assertProblem(r, 400)).as("%s → %s", pathAndQuery, r).contains(detailContains);
    }

    private static JsonObject ok(ApiResponse r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }
}
