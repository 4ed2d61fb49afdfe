package io.tracker.application.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV export of an attribution report: what {@code GET /api/v1/reports/attribution.csv} answers and
 * the dashboard's "Export CSV" button downloads, so the two are the same bytes for the same report.
 *
 * <p>RFC 4180 (Commons CSV's default format: comma, {@code "} quotes where needed, CRLF line ends), UTF-8
 * without a byte order mark. A header row, then one row per row of the report in the report's order
 * (most credited conversions first, then by key):
 *
 * <pre>
 * from,to,time_zone,model,channel,conversions,revenue,currency,cost,cpa,roas,roi
 * 2026-09-07,2026-09-07,America/Chicago,last_touch,Display,1,40,USD,20,20,2,1
 * </pre>
 *
 * {@code from} and {@code to} are the report's days in the tenant's time zone ({@code time_zone}, an IANA
 * id), both included. The fifth column is named after the dimension ({@code channel}, {@code campaign},
 * {@code source_medium} or {@code conversion_action}, which holds the action's key and is followed by a
 * {@code name} column with its name). Figures are those of the JSON report ({@link ReportNumbers}:
 * conversions with up to 6 decimals, revenue in cents, plain decimals such as {@code 80} or
 * {@code 0.333333}; cost and CPA in cents, ROAS and ROI with 4 decimals, see {@link CostFigures}; the
 * four cost cells are empty where no cost is known, and the conversion action dimension has no cost columns).
 * No totals row: the JSON report's {@code totals} are the rounded sums of the unrounded
 * rows.
 *
 * <p>Text cells that a spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return; campaign names come from senders) get a leading {@code '}, as OWASP
 * advises against CSV injection; such a cell then differs from the JSON report by that character.
 */
public final class AttributionReportCsv {

    /** The media type of the export. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private AttributionReportCsv() {
    }

    /**
     * The report as CSV.
     *
     * @param report   the report, its period in the tenant's time zone
     * @param currency the tenant's reporting currency (ISO 4217 code), which the revenue is in
     */
    public static String of(AttributionReport report, String currency) {
        StringBuilder out = new StringBuilder(128 + 64 * report.rows().size());
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header(report.dimension()));
            ReportPeriod period = report.period();
            for (AttributionRow row : report.rows()) {
                List<Object> cells = new ArrayList<>(List.of(period.from(), period.to(), period.zone().getId(),
                        report.model().apiName(), safe(row.key())));
                if (report.dimension() == ReportDimension.CONVERSION_ACTION) {
                    cells.add(safe(row.name()));
                }
                cells.add(ReportNumbers.conversions(row.conversions()).toPlainString());
                cells.add(ReportNumbers.revenue(row.revenue()).toPlainString());
                cells.add(currency);
                if (report.dimension() != ReportDimension.CONVERSION_ACTION) {
                    CostFigures cost = row.cost();
                    cells.add(cost == null ? "" : ReportNumbers.revenue(cost.cost()).toPlainString());
                    cells.add(cost == null || cost.cpa() == null ? "" : ReportNumbers.revenue(cost.cpa()).toPlainString());
                    cells.add(cost == null || cost.roas() == null ? ""
                            : ReportNumbers.plain(cost.roas(), CostFigures.RATIO_DECIMALS).toPlainString());
                    cells.add(cost == null || cost.roi() == null ? ""
                            : ReportNumbers.plain(cost.roi(), CostFigures.RATIO_DECIMALS).toPlainString());
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /** {@link #of} as UTF-8 bytes. */
    public static byte[] bytes(AttributionReport report, String currency) {
        return of(report, currency).getBytes(StandardCharsets.UTF_8);
    }

    /** A file name that says what is in it: {@code attribution-last_touch-channel-2026-09-01-2026-09-30.csv}. */
    public static String fileName(AttributionReport report) {
        return "attribution-" + report.model().apiName() + "-" + report.dimension().field() + "-"
                + report.period().from() + "-" + report.period().to() + ".csv";
    }

    private static List<String> header(ReportDimension dimension) {
        List<String> names = new ArrayList<>(List.of("from", "to", "time_zone", "model", dimension.field()));
        if (dimension == ReportDimension.CONVERSION_ACTION) {
            names.add("name");
        }
        names.addAll(List.of("conversions", "revenue", "currency"));
        if (dimension != ReportDimension.CONVERSION_ACTION) {
            names.addAll(List.of("cost", "cpa", "roas", "roi"));
        }
        return names;
    }

    /** The text, with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
