package io.tracker.domain.recovery;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a recovery flow's texts added over its control group, scaled to the texted (treated) group: the carts
 * and the revenue recovered that would not have been without the texts, each with a 95% confidence interval.
 *
 * <p>Intent to treat: every cart assigned to the texted group counts, texted or not (quiet hours, opt-outs,
 * failed sends), because only the assignment is random. With {@code nT}, {@code nC} carts and recovery rates
 * {@code pT}, {@code pC}:
 * <ul>
 *   <li>incremental carts {@code = recoveredT − nT·pC = nT·(pT − pC)}, interval
 *       {@code nT·(pT − pC) ± 1.96·nT·√(pT(1−pT)/nT + pC(1−pC)/nC)};</li>
 *   <li>incremental revenue {@code = revenueT − nT·mC = nT·(mT − mC)} with per-cart means {@code m} (a cart
 *       not recovered brings 0) and sample variances {@code s²} (denominator n − 1, 0 below two carts),
 *       interval {@code nT·(mT − mC) ± 1.96·nT·√(s²T/nT + s²C/nC)}.</li>
 * </ul>
 * These are normal-approximation (Wald) intervals for a difference of two proportions and of two means. They
 * are fine with a few hundred carts or more in each group and say nothing useful for tiny groups (when
 * neither group recovers a single cart the interval even shrinks to a point), so a report should show the
 * group sizes next to them. Revenue is in the flow's currency; the estimate does not mix currencies.
 */
public final class Incrementality {

    private static final double Z_95 = 1.96;

    private static final Estimate UNAVAILABLE = new Estimate(0, new Interval(0, 0), 0, new Interval(0, 0), false);

    private Incrementality() {
    }

    /**
     * One group's totals over its carts.
     *
     * @param carts carts assigned to the group, at least 0
     * @param recovered of those, carts that went on to a purchase, 0..carts
     * @param revenue sum of recovered revenue over the group's carts, in the flow's currency, at least 0
     * @param revenueSquares sum over the group's carts of the square of each cart's recovered revenue (for the
     *                       variance), at least 0
     * @throws IllegalArgumentException when a count or sum is out of range
     */
    public record Group(long carts, long recovered, BigDecimal revenue, double revenueSquares) {

        public Group {
            Objects.requireNonNull(revenue, "revenue");
            if (carts < 0) {
                throw new IllegalArgumentException("carts must be at least 0, but was " + carts);
            }
            if (recovered < 0 || recovered > carts) {
                throw new IllegalArgumentException("recovered must be 0 to carts (" + carts + "), but was " + recovered);
            }
            if (revenue.signum() < 0 || !(revenueSquares >= 0) || Double.isInfinite(revenueSquares)) {
                throw new IllegalArgumentException("revenue and revenueSquares must be finite and at least 0, but were "
                        + revenue + " and " + revenueSquares);
            }
        }

        /** Share of carts recovered, 0 to 1; 0 for an empty group. */
        public double rate() {
            return carts == 0 ? 0 : (double) recovered / carts;
        }

        private double meanRevenue() {
            return revenue.doubleValue() / carts;
        }

        private double revenueVariance() {
            if (carts < 2) {
                return 0;
            }
            double sum = revenue.doubleValue();
            // the one-pass formula can come out a hair below zero from rounding when all carts are alike
            return Math.max(0, (revenueSquares - sum * sum / carts) / (carts - 1));
        }
    }

    /** A closed interval {@code [low, high]}. */
    public record Interval(double low, double high) {

        /** Whether {@code x} lies in the interval, ends included. */
        public boolean contains(double x) {
            return low <= x && x <= high;
        }
    }

    /**
     * The incremental effect on the texted group.
     *
     * @param recovered incremental recovered carts (may be negative or fractional)
     * @param ci95 95% interval for {@code recovered}
     * @param revenue incremental revenue, in the flow's currency
     * @param revenueCi95 95% interval for {@code revenue}
     * @param available false when either group is empty; then every number is 0
     */
    public record Estimate(double recovered, Interval ci95, double revenue, Interval revenueCi95, boolean available) {
    }

    /**
     * The incremental effect of the texts on {@code treated}, measured against {@code control}; see the class
     * description for the formulas. Not {@linkplain Estimate#available() available} when either group has no
     * carts.
     */
    public static Estimate estimate(Group treated, Group control) {
        Objects.requireNonNull(treated, "treated");
        Objects.requireNonNull(control, "control");
        if (treated.carts() == 0 || control.carts() == 0) {
            return UNAVAILABLE;
        }
        double nT = treated.carts();
        double nC = control.carts();

        double pT = treated.rate();
        double pC = control.rate();
        double recovered = treated.recovered() - nT * pC;
        double recoveredHalfWidth = Z_95 * nT * Math.sqrt(pT * (1 - pT) / nT + pC * (1 - pC) / nC);

        double mC = control.meanRevenue();
        double revenue = treated.revenue().doubleValue() - nT * mC;
        double revenueHalfWidth = Z_95 * nT * Math.sqrt(treated.revenueVariance() / nT + control.revenueVariance() / nC);

        return new Estimate(recovered, around(recovered, recoveredHalfWidth), revenue,
                around(revenue, revenueHalfWidth), true);
    }

    private static Interval around(double centre, double halfWidth) {
        return new Interval(centre - halfWidth, centre + halfWidth);
    }
}
