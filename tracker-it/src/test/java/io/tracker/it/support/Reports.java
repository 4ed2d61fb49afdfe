package io.tracker.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ReferenceAttribution.Expected;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assertions on report JSON from {@code GET /api/v1/reports/attribution}. */
public final class Reports {

    /** Credited conversions are reported with 6 decimals. */
    public static final double CONVERSIONS_TOLERANCE = 0.000_001;
    /** Revenue is reported in cents, summed from per-credit values with 6 decimals. */
    public static final double REVENUE_TOLERANCE = 0.005;

    private Reports() {
    }

    /** The report's rows, in report order, keyed by the dimension value. */
    public static Map<String, Expected> rows(JsonObject report) {
        String dimension = report.getString("dimension");
        Map<String, Expected> rows = new LinkedHashMap<>();
        for (JsonObject row : report.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            String key = row.getString(dimension);
            assertThat(rows).as("row keys are unique").doesNotContainKey(key);
            rows.put(key, new Expected(row.getJsonNumber("conversions").doubleValue(),
                    row.getJsonNumber("revenue").doubleValue()));
        }
        return rows;
    }

    /**
     * Asserts the rows (same keys, each within the tolerances), that they come most conversions first,
     * and that the totals are the sums of the expected rows.
     */
    public static void assertReport(JsonObject report, Map<String, Expected> expected) {
        Map<String, Expected> actual = rows(report);
        assertThat(actual.keySet()).as("rows of %s", report).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, e) -> {
            Expected a = actual.get(key);
            assertThat(a.conversions()).as("conversions of '%s' in %s", key, report)
                    .isCloseTo(e.conversions(), within(CONVERSIONS_TOLERANCE));
            assertThat(a.revenue()).as("revenue of '%s' in %s", key, report)
                    .isCloseTo(e.revenue(), within(REVENUE_TOLERANCE));
        });
        List<Double> order = actual.values().stream().map(Expected::conversions).toList();
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i)).as("rows come most conversions first: %s", report)
                    .isLessThanOrEqualTo(order.get(i - 1) + CONVERSIONS_TOLERANCE);
        }
        double conversions = expected.values().stream().mapToDouble(Expected::conversions).sum();
        double revenue = expected.values().stream().mapToDouble(Expected::revenue).sum();
        JsonObject totals = report.getJsonObject("totals");
        assertThat(totals.getJsonNumber("conversions").doubleValue()).as("total conversions of %s", report)
                .isCloseTo(conversions, within(CONVERSIONS_TOLERANCE * Math.max(1, expected.size())));
        assertThat(totals.getJsonNumber("revenue").doubleValue()).as("total revenue of %s", report)
                .isCloseTo(revenue, within(REVENUE_TOLERANCE * Math.max(1, expected.size())));
    }

    /** Asserts a report with no rows and zero totals. */
    public static void assertEmpty(JsonObject report) {
        JsonArray rows = report.getJsonArray("rows");
        assertThat(rows).as("rows of %s", report).isEmpty();
        assertThat(report.getJsonObject("totals").getJsonNumber("conversions").doubleValue()).isZero();
        assertThat(report.getJsonObject("totals").getJsonNumber("revenue").doubleValue()).isZero();
    }
}
