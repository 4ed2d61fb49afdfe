package io.tracker.application.reporting;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What was spent on a report row's key (or on the whole report) and what it returned, in the tenant's
 * reporting currency. Computed from the row's figures as shown: cost and revenue in cents.
 * <ul>
 *   <li>{@code cost}: the imported ad cost of the period's days, summed, rounded half-even to cents;</li>
 *   <li>{@code cpa}: cost ÷ credited conversions, in cents; null when there are no credited conversions;</li>
 *   <li>{@code roas}: credited revenue ÷ cost, 4 decimals (2.5 is 250 %); null when the cost is 0;</li>
 *   <li>{@code roi}: (credited revenue − cost) ÷ cost, 4 decimals (−1 is everything lost); null when the cost is 0.</li>
 * </ul>
 * A row without any known cost has no {@code CostFigures} at all (reports write nulls).
 */
public record CostFigures(double cost, Double cpa, Double roas, Double roi) implements Serializable {

    /** Decimals of ROAS and ROI. */
    public static final int RATIO_DECIMALS = 4;

    /**
     * @param cost        the cost (any precision; rounded to cents first)
     * @param conversions credited conversions of the row
     * @param revenue     credited revenue of the row, in cents
     */
    public static CostFigures of(BigDecimal cost, double conversions, double revenue) {
        BigDecimal spent = cost.setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal earned = BigDecimal.valueOf(revenue).setScale(2, RoundingMode.HALF_EVEN);
        Double cpa = conversions <= 0 ? null
                : spent.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_EVEN).doubleValue();
        if (spent.signum() == 0) {
            return new CostFigures(0, cpa, null, null);
        }
        double roas = earned.divide(spent, RATIO_DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
        double roi = earned.subtract(spent).divide(spent, RATIO_DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
        return new CostFigures(spent.doubleValue(), cpa, roas, roi);
    }
}
