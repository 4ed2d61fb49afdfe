package io.tracker.application.reporting;

import io.tracker.domain.attribution.AttributionModel;
import java.time.LocalDate;
import java.util.List;

/**
 * What the one-page PDF summary of a client shows ({@link SummaryPdf}), read by {@link ClientSummaryService}: the
 * client, a period of whole days in its time zone (both ends included), the period's KPIs and, when compared, those of
 * the comparison period, and the attribution table under one model and dimension.
 *
 * @param client           the client's (tenant's) name
 * @param from             first day of the period, in {@code timeZone}
 * @param to               last day of the period (included)
 * @param timeZone         the client's IANA time zone, e.g. {@code America/New_York}
 * @param currency         ISO 4217 code amounts are in
 * @param current          the period's KPIs
 * @param previous         the comparison period's KPIs; null without a comparison
 * @param comparedAgainst  what changes are against, e.g. {@code "vs previous period"}; empty without a comparison
 * @param model            the attribution model of the table
 * @param dimension        what the table's lines are (channels, campaigns …)
 * @param lines            the table's lines, most credited first
 * @param totalConversions credited conversions of all lines
 * @param totalRevenue     credited revenue of all lines, in {@code currency}
 */
public record ClientSummary(String client, LocalDate from, LocalDate to, String timeZone, String currency,
                            SummaryKpis current, SummaryKpis previous, String comparedAgainst, AttributionModel model,
                            ReportDimension dimension, List<SummaryLine> lines, double totalConversions,
                            double totalRevenue) {

    public ClientSummary {
        lines = List.copyOf(lines);
        comparedAgainst = comparedAgainst == null ? "" : comparedAgainst;
    }

    /**
     * The KPI figures of one period, as the summary API gives them ({@code GET /api/v1/reports/summary}).
     *
     * @param visits           visits (touchpoints)
     * @param conversions      counted macro conversions
     * @param microConversions counted micro conversions
     * @param conversionRate   macro conversions ÷ visits, a fraction
     * @param revenue          value of the macro conversions, net of the ledger, in the tenant's currency
     * @param calls            calls to tracking numbers
     */
    public record SummaryKpis(long visits, long conversions, long microConversions, double conversionRate,
                              double revenue, long calls) {

        public static SummaryKpis of(Kpis kpis, Activity activity) {
            return new SummaryKpis(kpis.touchpoints(), kpis.conversions(), activity.microConversions(),
                    kpis.conversionRate(), kpis.revenue(), activity.calls());
        }

        /** (now − before) ÷ before; null without a comparison or when before is 0 (no meaningful ratio). */
        public static Double change(double now, Double before) {
            if (before == null || before == 0) {
                return null;
            }
            return (now - before) / before;
        }
    }

    /**
     * A line of the attribution table.
     *
     * @param name        what the line is: a channel, campaign ("(no campaign)" for touches without one), source /
     *                    medium or conversion action name
     * @param conversions credited conversions (fractional under multi-touch models)
     * @param revenue     credited revenue in the client's currency
     * @param share       the line's part of all credited conversions, a fraction 0..1
     */
    public record SummaryLine(String name, double conversions, double revenue, double share) {
    }
}
