package io.tracker.it;

import static io.tracker.it.support.ReferenceAttribution.Converted;
import static io.tracker.it.support.ReferenceAttribution.TimedTouch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ReferenceAttribution;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.Reports;
import io.tracker.it.support.SharedData;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * File imports through {@code POST /api/v1/imports/...}: the Google Analytics 360 sample export of
 * the Google Merchandise Store ({@code shared/data/ga_merch_store_sessions/all_sessions.csv}) and a
 * touchpoint CSV built here. Expected numbers come from reading the files in the test, with code
 * of its own, never from the product.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportIT {

    private static final String GA_FILE = "ga_merch_store_sessions/all_sessions.csv";
    /**
     * The GA sample's {@code date} column is the day in the Merchandise Store view's zone, US Pacific
     * ({@code visitId}, the session start in POSIX seconds, falls on that local day for all but a
     * handful of sessions), so the tenant reports in that zone and the file's first and last days,
     * 2016-08-01 and 2017-08-01, hold every session.
     */
    private static final ZoneId GA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate GA_FROM = LocalDate.of(2016, 8, 1);
    private static final LocalDate GA_TO = LocalDate.of(2017, 8, 1);
    private static final Duration LOOKBACK = Duration.ofDays(30);
    private static final List<String> MODELS = List.of("last_touch", "first_touch", "linear", "position_based");

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    // ------------------------------------------------------------------ Google Analytics sessions

    /** One GA session as the test reads it: the first row of each (fullVisitorId, visitId). */
    private record Session(String visitor, Instant start, String channel) {
    }

    /** A transaction: the session's revenue (micros / 10^6) at its start plus the first revenue row's {@code time}. */
    private record Purchase(String visitor, Instant at, BigDecimal value) {
    }

    /** What the test reads from the GA file by itself. */
    private record GaFile(long rows, List<Session> sessions, List<Purchase> purchases) {
    }

    @Test
    void googleAnalyticsSessionsImportAndReportAsComputedFromTheFile() throws IOException {
        Path file = SharedData.file(GA_FILE);
        GaFile ga = readGaFile(file);
        // Facts of the file, checked once by hand (see shared/data/ga_merch_store_sessions/SOURCE.md).
        assertThat(ga.rows()).isEqualTo(15_134);
        assertThat(ga.sessions()).hasSize(14_561);
        assertThat(ga.purchases()).hasSize(80);
        assertThat(sum(ga.purchases())).isEqualByComparingTo("14157.31");

        TestTenant tenant = api.createTenant("ga import", GA_ZONE, "USD");
        byte[] body = Files.readAllBytes(file);

        ApiResponse first = api.post("api/v1/imports/ga-sessions", tenant.apiKey(), "text/csv", body);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonObject report = first.json();
        assertThat(report.getJsonNumber("rows").longValue()).isEqualTo(ga.rows());
        assertThat(report.getJsonNumber("touchpoints").longValue()).isEqualTo(ga.sessions().size());
        assertThat(report.getJsonNumber("conversions").longValue()).isEqualTo(ga.purchases().size());
        assertThat(report.getJsonNumber("duplicates").longValue()).isZero();
        assertThat(report.getJsonArray("errors")).isEmpty();

        assertGaReports(tenant, ga);

        // The same file again: every session and transaction is already there.
        ApiResponse second = api.post("api/v1/imports/ga-sessions", tenant.apiKey(), "text/csv", body);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        JsonObject again = second.json();
        assertThat(again.getJsonNumber("rows").longValue()).isEqualTo(ga.rows());
        assertThat(again.getJsonNumber("touchpoints").longValue()).isZero();
        assertThat(again.getJsonNumber("conversions").longValue()).isZero();
        assertThat(again.getJsonNumber("duplicates").longValue())
                .isEqualTo(ga.sessions().size() + ga.purchases().size());
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(ga.sessions().size());
        assertThat(api.storedCounts(tenant).conversions()).isEqualTo(ga.purchases().size());
        assertGaReports(tenant, ga);
    }

    private void assertGaReports(TestTenant tenant, GaFile ga) {
        api.awaitAttribution(tenant);
        Instant from = GA_FROM.atStartOfDay(GA_ZONE).toInstant();
        Instant to = GA_TO.plusDays(1).atStartOfDay(GA_ZONE).toInstant();
        List<Converted> converted = journeys(ga, from, to);

        JsonObject summary = api.summary(tenant, GA_FROM.toString(), GA_TO.toString());
        long sessionsInPeriod = ga.sessions().stream().filter(s -> inPeriod(s.start(), from, to)).count();
        assertThat(summary.getJsonNumber("touchpoints").longValue()).isEqualTo(sessionsInPeriod);
        assertThat(summary.getJsonNumber("conversions").longValue()).isEqualTo(converted.size());
        assertThat(summary.getJsonNumber("revenue").bigDecimalValue())
                .isEqualByComparingTo(converted.stream().map(Converted::value).reduce(BigDecimal.ZERO, BigDecimal::add));

        for (String model : MODELS) {
            JsonObject r = api.attribution(tenant, model, GA_FROM.toString(), GA_TO.toString(), "channel");
            assertThat(r.getString("currency")).isEqualTo("USD");
            Reports.assertReport(r, ReferenceAttribution.byChannel(model, converted));
        }
    }

    /**
     * The journey of each purchase in [from, to), built by the test's reference rule
     * ({@link ReferenceAttribution#journey}): the visitor's sessions that started at or before the
     * purchase and no more than 30 days before it, whatever the visitor bought before.
     */
    private static List<Converted> journeys(GaFile ga, Instant from, Instant to) {
        Map<String, List<TimedTouch>> sessionsByVisitor = new HashMap<>();
        ga.sessions().forEach(s -> sessionsByVisitor.computeIfAbsent(s.visitor(), v -> new ArrayList<>())
                .add(new TimedTouch(s.start(), s.channel(), "")));
        List<Converted> converted = new ArrayList<>();
        for (Purchase p : ga.purchases()) {
            if (inPeriod(p.at(), from, to)) {
                converted.add(new Converted(p.value(),
                        ReferenceAttribution.journey(sessionsByVisitor.get(p.visitor()), p.at(), LOOKBACK)));
            }
        }
        return converted;
    }

    private static GaFile readGaFile(Path file) throws IOException {
        Map<String, Session> sessions = new LinkedHashMap<>();
        Map<String, Purchase> purchases = new LinkedHashMap<>();
        Set<String> orderIds = new HashSet<>();
        long rows = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : csv) {
                rows++;
                String visitor = r.get("fullVisitorId");
                String visitId = r.get("visitId");
                String key = visitor + "/" + visitId;
                Instant start = Instant.ofEpochSecond(Long.parseLong(visitId));
                sessions.putIfAbsent(key, new Session(visitor, start, r.get("channelGrouping")));
                String revenue = r.get("totalTransactionRevenue");
                if (!revenue.isBlank() && !purchases.containsKey(key)) {
                    // A repeated transaction id would be the same order; the sample has none, and the
                    // assertion keeps the expected numbers honest if the file ever changes.
                    String orderId = r.get("transactionId");
                    assertThat(orderId.isBlank() || orderIds.add(orderId)).as("order id %s repeated", orderId).isTrue();
                    long millisIntoSession = r.get("time").isBlank() ? 0 : Long.parseLong(r.get("time"));
                    purchases.put(key, new Purchase(visitor, start.plusMillis(millisIntoSession),
                            new BigDecimal(revenue).movePointLeft(6).setScale(2, RoundingMode.HALF_UP)));
                }
            }
        }
        return new GaFile(rows, List.copyOf(sessions.values()), new ArrayList<>(purchases.values()));
    }

    // ------------------------------------------------------------------ touchpoint CSV

    /**
     * Rows out of time order, local times read in the tenant's zone (America/New_York, UTC-5 in
     * February) next to an ISO time with Z, and one bad row (line 6) that must be reported by line
     * and skipped while the others are kept.
     */
    private static final String TOUCHPOINT_CSV = """
            customer_id,time,interaction,conversion,conversion_value,channel
            c2,2025-02-03 10:00:00,click,0,,Email
            c1,2025-02-05 09:00:00,click,1,80.00,Paid Search
            c1,2025-02-01 09:00:00,click,0,,Facebook
            c1,2025-02-03 12:00:00,click,0,,Email
            c2,not-a-time,click,0,,Display
            c1,2025-02-02 09:00:00,click,0,,Organic Search
            c2,2025-02-06T15:00:00Z,click,1,30,Paid Search
            c2,2025-02-01 08:00:00,click,0,,Facebook
            c3,2025-02-10 23:30:00,click,1,12.5,Instagram
            """;

    /**
     * GA repeats a session's revenue on every hit row: a revenue the tenant cannot take (dollars for a euro
     * tenant) refuses the purchase, but the visit still arrives as a touchpoint.
     */
    @Test
    void gaSessionWhoseRevenueIsRefusedStillBecomesATouchpoint() {
        TestTenant tenant = api.createTenant("ga refused revenue", ZoneId.of("UTC"), "EUR");
        String csv = """
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                7,Referral,0,5000000,1490046065,USD,T1
                7,Referral,9000,5000000,1490046065,USD,T1
                8,Email,0,,1490050000,,
                """;

        JsonObject report = importGa(tenant, csv);

        assertThat(counts(report)).as("rows, touchpoints, conversions, rejected").containsExactly(3L, 2L, 0L, 2L);
        List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).extracting(e -> e.getInt("line")).containsExactly(2, 3);
        assertThat(errors.get(0).getString("error")).contains("differs from the tenant's reporting currency EUR")
                .contains("touchpoint was imported");
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(2);
        assertThat(api.storedCounts(tenant).conversions()).isZero();
    }

    /**
     * The GA revenue is a conversion of the tenant's default action, under its settings as the events API
     * applies them: paused, the visits arrive and no conversion; the first revenue row of each session says so.
     */
    @Test
    void gaRevenueOfAPausedDefaultActionRecordsNoConversion() throws SQLException {
        TestTenant tenant = api.createTenant("ga paused action", ZoneId.of("UTC"), "EUR");
        TestDatabase.setAction(tenant.id(), "purchase", "status", "PAUSED");
        String csv = """
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                7,Referral,0,5000000,1490046065,EUR,T1
                7,Referral,9000,5000000,1490046065,EUR,T1
                8,Email,0,,1490050000,,
                8,Email,3000,2000000,1490050000,EUR,T2
                """;

        JsonObject report = importGa(tenant, csv);

        assertThat(counts(report)).as("rows, touchpoints, conversions, rejected").containsExactly(4L, 2L, 0L, 2L);
        List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).extracting(e -> e.getInt("line")).containsExactly(2, 5);
        assertThat(errors).extracting(e -> e.getString("error")).allSatisfy(e ->
                assertThat(e).startsWith("conversion action 'purchase' is paused: the session's revenue was not recorded"));
        assertThat(errors.get(0).getString("error")).contains("touchpoint was imported");
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(2);
        assertThat(api.storedCounts(tenant).conversions()).isZero();
    }

    /** A fixed-value action in dollars: each GA purchase is worth its fixed value, stored in the action's currency. */
    @Test
    void gaRevenueOfAFixedValueActionIsStoredAtThatValueInTheActionsCurrency() throws SQLException {
        TestTenant tenant = api.createTenant("ga fixed value", ZoneId.of("UTC"), "EUR");
        TestDatabase.setAction(tenant.id(), "purchase", "value_source", "FIXED");
        TestDatabase.setAction(tenant.id(), "purchase", "default_value", new BigDecimal("25.00"));
        TestDatabase.setAction(tenant.id(), "purchase", "currency", "USD");
        String csv = """
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                7,Referral,0,124000000,1490046065,,T1
                8,Email,0,3000000,1490050000,USD,T2
                9,Email,0,3000000,1490060000,EUR,T3
                """;

        JsonObject report = importGa(tenant, csv);

        assertThat(counts(report)).as("rows, touchpoints, conversions, rejected").containsExactly(3L, 3L, 2L, 1L);
        List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).extracting(e -> e.getInt("line")).containsExactly(4);
        assertThat(errors.get(0).getString("error"))
                .contains("currencyCode EUR differs from the currency of conversion action 'purchase', USD");
        assertThat(storedConversions(tenant)).containsExactly("ga:7:1490046065:transaction 25.00 USD",
                "ga:8:1490050000:transaction 25.00 USD");
    }

    private JsonObject importGa(TestTenant tenant, String csv) {
        ApiResponse r = api.post("api/v1/imports/ga-sessions", tenant.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    /** An import report's rows, touchpoints, conversions and rejected rows. */
    private static List<Long> counts(JsonObject report) {
        return List.of("rows", "touchpoints", "conversions", "rejected").stream()
                .map(k -> report.getJsonNumber(k).longValue()).toList();
    }

    /** The tenant's conversions, "event id, value, currency", by event id. */
    private static List<String> storedConversions(TestTenant tenant) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select event_id, value, currency from conversion "
                     + "where tenant_id = ? order by event_id")) {
            ps.setString(1, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getString(3).trim());
                }
            }
        }
        return lines;
    }

    @Test
    void touchpointCsvWithRowsOutOfOrderAndABadRow() {
        TestTenant tenant = api.createTenant("csv import", ZoneId.of("America/New_York"), "USD");
        byte[] csv = TOUCHPOINT_CSV.getBytes(StandardCharsets.UTF_8);

        ApiResponse first = api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv", csv);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonObject r = first.json();
        assertThat(r.getJsonNumber("rows").longValue()).isEqualTo(9);
        assertThat(r.getJsonNumber("touchpoints").longValue()).isEqualTo(8);
        assertThat(r.getJsonNumber("conversions").longValue()).isEqualTo(3);
        assertThat(r.getJsonNumber("duplicates").longValue()).isZero();
        assertBadRowReported(r);
        api.awaitAttribution(tenant);

        // Journeys in time order (file order does not matter), worked out by hand:
        //   c1 (80.00):  Facebook 02-01, Organic Search 02-02, Email 02-03, Paid Search 02-05 (the converting row)
        //   c2 (30.00):  Facebook 02-01, Email 02-03, Paid Search 02-06 (the Display row is the bad one)
        //   c3 (12.50):  Instagram 02-10 23:30 New York time (02-11 04:30 UTC)
        // linear:         c1 a quarter each, c2 a third each, c3 all.
        // position_based: c1 0.4 / 0.1 / 0.1 / 0.4, c2 0.4 / 0.2 / 0.4, c3 1.
        Reports.assertReport(api.attribution(tenant, "linear", "2025-02-01", "2025-02-28", "channel"), Map.of(
                "Facebook", new Expected(0.25 + 1.0 / 3, 20 + 10),
                "Organic Search", new Expected(0.25, 20),
                "Email", new Expected(0.25 + 1.0 / 3, 20 + 10),
                "Paid Search", new Expected(0.25 + 1.0 / 3, 20 + 10),
                "Instagram", new Expected(1, 12.50)));
        Reports.assertReport(api.attribution(tenant, "position_based", "2025-02-01", "2025-02-28", "channel"), Map.of(
                "Facebook", new Expected(0.8, 32 + 12),
                "Organic Search", new Expected(0.1, 8),
                "Email", new Expected(0.3, 8 + 6),
                "Paid Search", new Expected(0.8, 32 + 12),
                "Instagram", new Expected(1, 12.50)));
        // c3's purchase belongs to February 10 in New York, not to the UTC date.
        Reports.assertReport(api.attribution(tenant, "last_touch", "2025-02-10", "2025-02-10", "channel"),
                Map.of("Instagram", new Expected(1, 12.50)));
        Reports.assertEmpty(api.attribution(tenant, "last_touch", "2025-02-11", "2025-02-11", "channel"));

        // The same file again stores nothing new and reports the same bad line.
        ApiResponse second = api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv", csv);
        JsonObject again = second.json();
        assertThat(again.getJsonNumber("rows").longValue()).isEqualTo(9);
        assertThat(again.getJsonNumber("touchpoints").longValue()).isZero();
        assertThat(again.getJsonNumber("conversions").longValue()).isZero();
        assertThat(again.getJsonNumber("duplicates").longValue()).isEqualTo(11);
        assertBadRowReported(again);
        // Credits: one row per credited channel per model. last_touch and first_touch credit one touch,
        // linear, position_based and time_decay every touch: c1 1 + 1 + 4 + 4 + 4, c2 1 + 1 + 3 + 3 + 3, c3 5 × 1.
        assertThat(api.storedCounts(tenant)).isEqualTo(new StoredCounts(8, 3, 11, 10 + 8 + 4 + 8));
        JsonObject summary = api.summary(tenant, "2025-02-01", "2025-02-28");
        assertThat(summary.getJsonNumber("touchpoints").longValue()).isEqualTo(8);
        assertThat(summary.getJsonNumber("conversions").longValue()).isEqualTo(3);
        assertThat(summary.getJsonNumber("revenue").doubleValue()).isCloseTo(122.50, within(0.001));
    }

    private static void assertBadRowReported(JsonObject importReport) {
        assertThat(importReport.getJsonArray("errors")).hasSize(1);
        JsonObject error = importReport.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getInt("line")).isEqualTo(6);
        assertThat(error.getString("error")).contains("time").contains("not-a-time");
    }

    @Test
    void fileWithoutTheRequiredColumnsIsRejectedWhole() {
        TestTenant tenant = api.createTenant("csv bad header", ZoneId.of("UTC"), "EUR");
        ApiResponse missingColumn = api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv",
                "customer_id,time,interaction,conversion,conversion_value\nc1,2025-02-01 09:00:00,click,1,5\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(missingColumn.status()).as("%s", missingColumn).isEqualTo(400);
        assertThat(missingColumn.contentType()).isEqualTo("application/problem+json");
        assertThat(missingColumn.json().getString("detail")).contains("lacks the columns").contains("channel");

        ApiResponse empty = api.post("api/v1/imports/ga-sessions", tenant.apiKey(), "text/csv", new byte[0]);
        assertThat(empty.status()).as("%s", empty).isEqualTo(400);
        assertThat(empty.json().getString("detail")).contains("empty");

        ApiResponse noKey = api.post("api/v1/imports/touchpoints", null, "text/csv",
                TOUCHPOINT_CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    private static boolean inPeriod(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static BigDecimal sum(List<Purchase> purchases) {
        return purchases.stream().map(Purchase::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
