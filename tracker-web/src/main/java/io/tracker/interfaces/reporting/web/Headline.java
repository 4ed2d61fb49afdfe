package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.Activity;
import io.tracker.application.reporting.Kpis;
import java.io.Serializable;

/**
 * The dashboard's KPI figures of one period, as the summary API gives them ({@code GET /api/v1/reports/summary}).
 *
 * @param visits           visits (touchpoints)
 * @param conversions      counted macro conversions
 * @param microConversions counted micro conversions
 * @param conversionRate   macro conversions ÷ visits, a fraction
 * @param revenue          value of the macro conversions, net of the ledger, in the tenant's currency
 * @param calls            calls to tracking numbers
 */
public record Headline(long visits, long conversions, long microConversions, double conversionRate, double revenue,
                       long calls) implements Serializable {

    static Headline of(Kpis kpis, Activity activity) {
        return new Headline(kpis.touchpoints(), kpis.conversions(), activity.microConversions(), kpis.conversionRate(),
                kpis.revenue(), activity.calls());
    }

    /** (now − before) ÷ before; null without a comparison or when before is 0 (no meaningful ratio). */
    static Double change(double now, Double before) {
        if (before == null || before == 0) {
            return null;
        }
        return (now - before) / before;
    }
}
