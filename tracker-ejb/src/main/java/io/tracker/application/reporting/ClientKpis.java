package io.tracker.application.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One client's headline KPIs in an agency's portfolio, over the portfolio's period and the period of the
 * same length just before it.
 *
 * @param timeZone IANA id of the client's time zone, in which its days are counted
 * @param currency ISO 4217 code of the client's reporting currency, in which {@link Kpis#revenue()} is
 * @param industry free text, may be null
 * @param first    first day of the period in the client's time zone (inclusive)
 * @param last     last day of the period (inclusive)
 * @param kpis     over {@code first}..{@code last}
 * @param previous over the same number of days ending the day before {@code first}
 * @param archived whether the client is archived
 * @param cost     the imported ad cost of the period (ad_cost), in the client's currency; null when none is known
 * @param previousCost the same over the period before; null when none is known
 * @param benchmark the published conversion rate of the client's industry (its own row, else the general
 *                  e-commerce one; see {@link BenchmarkService}); null without an industry
 */
public record ClientKpis(String tenantId, String name, String industry, String timeZone, String currency,
                         LocalDate first, LocalDate last, Kpis kpis, Kpis previous, boolean archived,
                         BigDecimal cost, BigDecimal previousCost, IndustryBenchmark benchmark) {

    /** Revenue ÷ cost of the period (every model shares out the same revenue); null without cost. */
    public Double roas() {
        return roas(kpis, cost);
    }

    /** The same over the period before. */
    public Double previousRoas() {
        return roas(previous, previousCost);
    }

    private static Double roas(Kpis k, BigDecimal spent) {
        return spent == null || spent.signum() == 0 ? null : k.revenue() / spent.doubleValue();
    }
}
