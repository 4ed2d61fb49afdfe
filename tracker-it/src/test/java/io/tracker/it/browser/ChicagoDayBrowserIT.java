package io.tracker.it.browser;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Problems;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.Reports;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The field case of issue #8: a tenant in America/Chicago (CDT, UTC−5, in September 2026) with
 * conversions at 2026-09-07T14:00:00Z, 2026-09-08T02:23:34Z, 2026-09-08T04:59:59Z and
 * 2026-09-08T05:00:00Z. Chicago's 7 September runs from 05:00Z on the 7th to 05:00Z on the 8th, so a
 * report for 2026-09-07 counts the first three and the fourth falls on the 8th. The dashboard, the
 * report API, the model comparison, the summary and the CSV export (the API's {@code attribution.csv}
 * and the dashboard's "Export CSV") must agree.
 *
 * <pre>
 * visitor  touch (UTC)            Chicago             conversion (UTC)        Chicago            value
 * c1       09-07 13:50 Email      09-07 08:50         09-07 14:00:00          09-07 09:00        10.00
 * c2       09-08 02:00 Paid Search 09-07 21:00        09-08 02:23:34          09-07 21:23:34     20.00
 * c3       09-08 04:59 Display    09-07 23:59         09-08 04:59:59          09-07 23:59:59     40.00
 * c4       09-08 04:59:30 Referral 09-07 23:59:30     09-08 05:00:00          09-08 00:00:00     80.00
 * c5       09-07 20:00 Affiliates 09-07 15:00         (none)
 * </pre>
 *
 * 2026-09-07: 5 visits, 3 conversions worth 70.00; converted visits: c1's, c2's and c3's (c4's visit is
 * on the 7th but its conversion on the 8th, outside the report), so the conversion rate is 3 / 5 = 60%.
 * 2026-09-08: no visit, 1 conversion (80.00), rate 0. Every touch is the only one of its journey, so
 * every rule-based model gives the whole conversion to that touch's channel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChicagoDayBrowserIT extends KnownEventsBrowserTest {

    private static final String DAY = "2026-09-07";
    private static final String NEXT_DAY = "2026-09-08";
    private static final List<String> RULE_BASED = List.of("last_touch", "first_touch", "linear", "position_based",
            "time_decay");
    private static final Map<String, Expected> SEPTEMBER_7 = Map.of(
            "Email", new Expected(1, 10), "Paid Search", new Expected(1, 20), "Display", new Expected(1, 40));

    private static final String CHICAGO = "America/Chicago";
    private static final List<String> CSV_HEADER = List.of("from", "to", "time_zone", "model", "channel", "conversions",
            "revenue", "currency", "cost", "cpa", "roas", "roi");

    private static TestTenant shop;

    @BeforeAll
    static void chicagoTenant() {
        shop = API.createTenantWithEvents("Chicago shop", ZoneId.of("America/Chicago"), "USD", batch(
                touch("c1-t", "c1", "2026-09-07T13:50:00Z", "channel", "Email"),
                conversion("c1-c", "c1", "2026-09-07T14:00:00Z", "purchase", "10.00", "o1"),
                touch("c2-t", "c2", "2026-09-08T02:00:00Z", "channel", "Paid Search"),
                conversion("c2-c", "c2", "2026-09-08T02:23:34Z", "purchase", "20.00", "o2"),
                touch("c3-t", "c3", "2026-09-08T04:59:00Z", "channel", "Display"),
                conversion("c3-c", "c3", "2026-09-08T04:59:59Z", "purchase", "40.00", "o3"),
                touch("c4-t", "c4", "2026-09-08T04:59:30Z", "channel", "Referral"),
                conversion("c4-c", "c4", "2026-09-08T05:00:00Z", "purchase", "80.00", "o4"),
                touch("c5-t", "c5", "2026-09-07T20:00:00Z", "channel", "Affiliates")));
    }

    @Test
    void theReportApiCountsTheFirstThreeOnSeptember7AndTheFourthOnSeptember8() {
        for (String model : RULE_BASED) {
            Reports.assertReport(API.attribution(shop, model, DAY, DAY, "channel"), SEPTEMBER_7);
            Reports.assertReport(API.attribution(shop, model, NEXT_DAY, NEXT_DAY, "channel"),
                    Map.of("Referral", new Expected(1, 80)));
            Reports.assertReport(API.attribution(shop, model, DAY, DAY, "conversion_action"),
                    Map.of("purchase", new Expected(3, 70)));
        }
        JsonObject summary = API.summary(shop, DAY, DAY);
        assertThat(summary.getJsonNumber("visits").longValue()).isEqualTo(5);
        assertThat(summary.getJsonNumber("conversions").longValue()).isEqualTo(3);
        assertThat(summary.getJsonNumber("converted_visits").longValue()).isEqualTo(3);
        assertThat(summary.getJsonNumber("conversion_rate").doubleValue()).isCloseTo(0.6, within(1e-9));
        assertThat(summary.getJsonNumber("revenue").doubleValue()).isCloseTo(70, within(0.001));
        JsonObject next = API.summary(shop, NEXT_DAY, NEXT_DAY);
        assertThat(next.getJsonNumber("visits").longValue()).isZero();
        assertThat(next.getJsonNumber("conversions").longValue()).isEqualTo(1);
        assertThat(next.getJsonNumber("conversion_rate").doubleValue()).isZero();
    }

    /**
     * The export of each rule-based model for 2026-09-07, by hand: a header, then Display 1 / 40, Email 1 / 10
     * and Paid Search 1 / 20 (one each, so by name), in Chicago's days; and the same rows as the JSON report.
     */
    @Test
    void theCsvExportAgreesWithTheReportApi() {
        for (String model : RULE_BASED) {
            ApiResponse r = API.get("api/v1/reports/attribution.csv?" + TrackerClient.query(
                    Map.of("model", model, "from", DAY, "to", DAY)), shop.apiKey());
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("text/csv");
            assertThat(r.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"attribution-" + model + "-channel-" + DAY + "-" + DAY + ".csv\"");
            assertThat(r.body()).endsWith("\r\n");
            List<List<String>> csv = records(r.body());
            assertThat(csv).containsExactly(CSV_HEADER,
                    List.of(DAY, DAY, CHICAGO, model, "Display", "1", "40", "USD", "", "", "", ""),
                    List.of(DAY, DAY, CHICAGO, model, "Email", "1", "10", "USD", "", "", "", ""),
                    List.of(DAY, DAY, CHICAGO, model, "Paid Search", "1", "20", "USD", "", "", "", ""));
            assertAgrees(csv, API.attribution(shop, model, DAY, DAY, "channel"));
        }
        ApiResponse next = API.get("api/v1/reports/attribution.csv?model=last_touch&from=" + NEXT_DAY + "&to="
                + NEXT_DAY, shop.apiKey());
        assertThat(records(next.body())).containsExactly(CSV_HEADER,
                List.of(NEXT_DAY, NEXT_DAY, CHICAGO, "last_touch", "Referral", "1", "80", "USD", "", "", "", ""));
        ApiResponse byAction = API.get("api/v1/reports/attribution.csv?model=linear&dimension=conversion_action&from="
                + DAY + "&to=" + DAY, shop.apiKey());
        assertThat(records(byAction.body())).containsExactly(
                List.of("from", "to", "time_zone", "model", "conversion_action", "name", "conversions", "revenue",
                        "currency"),
                List.of(DAY, DAY, CHICAGO, "linear", "purchase", "Purchase", "3", "70", "USD"));

        ApiResponse unknown = API.get("api/v1/reports/attribution.csv?model=last_touch&utm_source=x", shop.apiKey());
        assertThat(Problems.assertProblem(unknown, 400)).contains("unknown parameter 'utm_source'");
        assertThat(Problems.assertProblem(API.get("api/v1/reports/attribution.csv?model=last_touch&from=2026-09-31",
                shop.apiKey()), 400)).contains("'from'");
    }

    @Test
    void theModelComparisonAgrees() {
        ApiResponse r = API.get("api/v1/reports/model-comparison?from=" + DAY + "&to=" + DAY, shop.apiKey());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonObject totals = r.json().getJsonObject("totals");
        for (String model : RULE_BASED) {
            assertThat(totals.getJsonObject(model).getJsonNumber("conversions").doubleValue()).isCloseTo(3, within(1e-6));
            assertThat(totals.getJsonObject(model).getJsonNumber("revenue").doubleValue()).isCloseTo(70, within(0.001));
        }
        assertThat(r.json().getJsonArray("rows").getValuesAs(JsonObject.class))
                .extracting(row -> row.getString("channel"))
                .containsExactly("Display", "Email", "Paid Search"); // one each: by name
    }

    @Test
    void theDashboardShowsTheSameDay() {
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");
        browser.signIn(DemoUser.ANALYST);
        browser.open("app/dashboard.xhtml");
        assertThat(browser.selectedTenant()).isEqualTo(shop.name());
        assertThat(browser.text(By.cssSelector(".filter-note .muted"))).contains("America/Chicago");

        browser.setDates(DAY, DAY);
        browser.waitForText(By.id("kpi-touchpoints"), "5");
        assertThat(browser.text(By.id("kpi-conversions"))).isEqualTo("3");
        assertThat(browser.text(By.id("kpi-conversion-rate"))).isEqualTo("60.00%");
        assertThat(browser.text(By.id("kpi-revenue"))).isEqualTo("$70.00");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("Display", "1", "$40.00", "33.33%"),
                List.of("Email", "1", "$10.00", "33.33%"),
                List.of("Paid Search", "1", "$20.00", "33.33%"));
        assertThat(browser.tableFooter("attribution-table")).containsExactly("Total", "3", "$70.00", "100.00%");
        assertExportAgrees("last_touch");
        browser.chooseModel("Time decay");
        assertThat(browser.tableFooter("attribution-table")).containsExactly("Total", "3", "$70.00", "100.00%");
        assertExportAgrees("time_decay");
        browser.screenshot("chicago-2026-09-07");

        browser.setDates(NEXT_DAY, NEXT_DAY);
        browser.waitForText(By.id("kpi-touchpoints"), "0");
        assertThat(browser.text(By.id("kpi-conversions"))).isEqualTo("1");
        assertThat(browser.text(By.id("kpi-conversion-rate"))).isEqualTo("0.00%");
        assertThat(browser.tableRows("attribution-table")).containsExactly(
                List.of("Referral", "1", "$80.00", "100.00%"));
    }

    /**
     * Downloads the dashboard's export for 2026-09-07 under the model on screen and checks it: the rows
     * worked out by hand (as in {@link #theCsvExportAgreesWithTheReportApi}); each row what the dashboard's
     * table shows for its channel, in the same order; the same bytes as the report API's CSV; the same
     * figures as its JSON.
     */
    private void assertExportAgrees(String model) {
        Path file = browser.download(By.id("export:export-csv"));
        String downloaded;
        try {
            downloaded = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(file.getFileName().toString()).isEqualTo("attribution-" + model + "-channel-" + DAY + "-" + DAY + ".csv");
        List<List<String>> csv = records(downloaded);
        assertThat(csv).containsExactly(CSV_HEADER,
                List.of(DAY, DAY, CHICAGO, model, "Display", "1", "40", "USD", "", "", "", ""),
                List.of(DAY, DAY, CHICAGO, model, "Email", "1", "10", "USD", "", "", "", ""),
                List.of(DAY, DAY, CHICAGO, model, "Paid Search", "1", "20", "USD", "", "", "", ""));

        // The dashboard shows the same rows in the same order: whole credits as counts, others with 2 decimals;
        // revenue in dollars.
        List<List<String>> shown = browser.tableRows("attribution-table");
        assertThat(shown).hasSize(csv.size() - 1);
        for (int i = 1; i < csv.size(); i++) {
            List<String> row = csv.get(i);
            assertThat(shown.get(i - 1).subList(0, 3)).containsExactly(row.get(4),
                    credits(new BigDecimal(row.get(5))),
                    String.format(Locale.US, "$%,.2f", new BigDecimal(row.get(6))));
        }

        ApiResponse api = API.get("api/v1/reports/attribution.csv?" + TrackerClient.query(
                Map.of("model", model, "from", DAY, "to", DAY)), shop.apiKey());
        assertThat(downloaded).isEqualTo(api.body());
        assertAgrees(csv, API.attribution(shop, model, DAY, DAY, "channel"));
    }

    /** Credited conversions as the dashboard writes them: {@code 1} → "1", {@code 0.333333} → "0.33". */
    private static String credits(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0 ? value.toBigInteger().toString()
                : String.format(Locale.US, "%.2f", value);
    }

    /** The CSV's rows (after its header) are the JSON report's, in its order, with the same figures. */
    private static void assertAgrees(List<List<String>> csv, JsonObject report) {
        List<JsonObject> rows = report.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(csv).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            List<String> line = csv.get(i + 1);
            JsonObject row = rows.get(i);
            assertThat(line.get(0)).isEqualTo(report.getString("from"));
            assertThat(line.get(1)).isEqualTo(report.getString("to"));
            assertThat(line.get(3)).isEqualTo(report.getString("model"));
            assertThat(line.get(4)).isEqualTo(row.getString("channel"));
            assertThat(new BigDecimal(line.get(5))).isEqualTo(row.getJsonNumber("conversions").bigDecimalValue());
            assertThat(new BigDecimal(line.get(6))).isEqualTo(row.getJsonNumber("revenue").bigDecimalValue());
            assertThat(line.get(7)).isEqualTo(report.getString("currency"));
        }
    }

    /** Every record of a CSV text, as lists of cells (read with Commons CSV, RFC 4180). */
    private static List<List<String>> records(String text) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.RFC4180).get()) {
            return parser.getRecords().stream().map(r -> List.of(r.values())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
