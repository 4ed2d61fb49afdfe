package io.tracker.domain.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.tracker.domain.recovery.Incrementality.Estimate;
import io.tracker.domain.recovery.Incrementality.Group;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncrementalityTest {

    private static final int CARTS = 2_000;
    private static final double BASELINE = 0.10;
    private static final double TEXTED = 0.18;
    /** Mean of a revenue uniform on 20.00..120.00. */
    private static final double MEAN_ORDER = 70;

    @Test
    void matchesAHandComputedExample() {
        // treated: 100 carts, 30 recovered at 100.00 each; control: 100 carts, 20 recovered at 100.00 each
        Group treated = new Group(100, 30, new BigDecimal("3000.00"), 30 * 100.0 * 100.0);
        Group control = new Group(100, 20, new BigDecimal("2000.00"), 20 * 100.0 * 100.0);
        Estimate e = Incrementality.estimate(treated, control);

        assertThat(e.available()).isTrue();
        // carts: 30 - 100 * 0.20 = 10
        //   half width 1.96 * 100 * sqrt(0.3*0.7/100 + 0.2*0.8/100) = 196 * sqrt(0.0037) = 196 * 0.0608276 = 11.92221
        assertThat(e.recovered()).isCloseTo(10, offset(1e-9));
        assertThat(e.ci95().low()).isCloseTo(-1.92221, offset(1e-5));
        assertThat(e.ci95().high()).isCloseTo(21.92221, offset(1e-5));
        // revenue: 3000 - 100 * 20 = 1000
        //   s²T = (300000 - 3000²/100) / 99 = 210000/99 = 2121.2121;  s²C = (200000 - 2000²/100) / 99 = 1616.1616
        //   half width 1.96 * 100 * sqrt(21.212121 + 16.161616) = 196 * 6.113406 = 1198.2276
        assertThat(e.revenue()).isCloseTo(1000, offset(1e-9));
        assertThat(e.revenueCi95().low()).isCloseTo(-198.2276, offset(1e-4));
        assertThat(e.revenueCi95().high()).isCloseTo(2198.2276, offset(1e-4));
    }

    @Test
    void scalesToTheTreatedGroupWhenTheGroupsDifferInSize() {
        // 50 - 200 * (5/50) = 30
        Estimate e = Incrementality.estimate(new Group(200, 50, BigDecimal.ZERO, 0), new Group(50, 5, BigDecimal.ZERO, 0));
        assertThat(e.recovered()).isCloseTo(30, offset(1e-9));
        assertThat(e.revenue()).isZero();
        assertThat(e.revenueCi95().low()).isZero();
        assertThat(e.revenueCi95().high()).isZero();
    }

    @Test
    void isUnavailableWithAnEmptyGroup() {
        Group some = new Group(10, 2, new BigDecimal("100"), 5000);
        Group none = new Group(0, 0, BigDecimal.ZERO, 0);
        for (Estimate e : new Estimate[] {Incrementality.estimate(some, none), Incrementality.estimate(none, some)}) {
            assertThat(e.available()).isFalse();
            assertThat(e.recovered()).isZero();
            assertThat(e.ci95()).isEqualTo(new Incrementality.Interval(0, 0));
            assertThat(e.revenue()).isZero();
            assertThat(e.revenueCi95()).isEqualTo(new Incrementality.Interval(0, 0));
        }
        assertThat(none.rate()).isZero();
        assertThat(some.rate()).isEqualTo(0.2);
    }

    @Test
    void aOneCartGroupHasNoVarianceRatherThanNaN() {
        Estimate e = Incrementality.estimate(new Group(1, 1, new BigDecimal("50"), 2500), new Group(1, 0, BigDecimal.ZERO, 0));
        assertThat(e.revenue()).isEqualTo(50);
        assertThat(e.revenueCi95()).isEqualTo(new Incrementality.Interval(50, 50));
    }

    @Test
    void refusesImpossibleGroups() {
        assertThatThrownBy(() -> new Group(-1, 0, BigDecimal.ZERO, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("carts must be at least 0, but was -1");
        assertThatThrownBy(() -> new Group(5, 6, BigDecimal.ZERO, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recovered must be 0 to carts (5), but was 6");
        assertThatThrownBy(() -> new Group(5, 1, new BigDecimal("-1"), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Group(5, 1, BigDecimal.ONE, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recoversASimulatedEffect() {
        boolean[] control = assignment();
        Simulation run = simulate(control, new Random(20_260_310L));
        Estimate e = Incrementality.estimate(run.treated.group(), run.control.group());

        // recomputed here from the raw counts, not through Group.rate() or the class's means
        double nT = run.treated.carts;
        double nC = run.control.carts;
        assertThat(e.recovered()).isCloseTo(run.treated.recovered - nT * run.control.recovered / nC, offset(1e-9));
        assertThat(e.revenue()).isCloseTo((run.treated.cents - nT * run.control.cents / nC) / 100.0, offset(1e-6));

        double trueCarts = nT * (TEXTED - BASELINE);
        double trueRevenue = trueCarts * MEAN_ORDER;
        assertThat(e.ci95().contains(trueCarts)).as("%s contains %s", e.ci95(), trueCarts).isTrue();
        assertThat(e.revenueCi95().contains(trueRevenue)).as("%s contains %s", e.revenueCi95(), trueRevenue).isTrue();
    }

    @Test
    void itsIntervalsCoverTheTrueEffectAboutNineteenTimesInTwenty() {
        boolean[] control = assignment();
        int runs = 1_000;
        int coveredCarts = 0;
        int coveredRevenue = 0;
        for (long seed = 0; seed < runs; seed++) {
            Simulation run = simulate(control, new Random(seed));
            Estimate e = Incrementality.estimate(run.treated.group(), run.control.group());
            double trueCarts = run.treated.carts * (TEXTED - BASELINE);
            coveredCarts += e.ci95().contains(trueCarts) ? 1 : 0;
            coveredRevenue += e.revenueCi95().contains(trueCarts * MEAN_ORDER) ? 1 : 0;
        }
        assertThat(coveredCarts).isBetween(920, 980);
        assertThat(coveredRevenue).isBetween(920, 980);
    }

    /** Half the carts held back, by the same rule a flow uses; the same for every seed. */
    private static boolean[] assignment() {
        boolean[] control = new boolean[CARTS];
        for (int i = 0; i < CARTS; i++) {
            control[i] = ControlGroup.inControl(1, "cart-" + i, 50);
        }
        return control;
    }

    private static Simulation simulate(boolean[] control, Random random) {
        Simulation run = new Simulation();
        for (boolean held : control) {
            boolean bought = random.nextDouble() < (held ? BASELINE : TEXTED);
            long cents = bought ? 2_000 + random.nextInt(10_001) : 0;
            (held ? run.control : run.treated).add(bought, cents);
        }
        return run;
    }

    private static final class Simulation {
        final Tally treated = new Tally();
        final Tally control = new Tally();
    }

    private static final class Tally {
        long carts;
        long recovered;
        long cents;
        double squares;

        void add(boolean bought, long revenueCents) {
            carts++;
            recovered += bought ? 1 : 0;
            cents += revenueCents;
            double revenue = revenueCents / 100.0;
            squares += revenue * revenue;
        }

        Group group() {
            return new Group(carts, recovered, BigDecimal.valueOf(cents, 2), squares);
        }
    }
}
