package io.tracker.application.recovery;

import io.tracker.domain.recovery.Incrementality;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The cart recovery report ({@code GET /api/v1/reports/cart-recovery}); {@link RecoveryReportService} says what each
 * number means. Rates are fractions (0.25 is 25%) with 4 decimals, amounts in the tenant's currency with 2.
 *
 * @param flow      the flow reported on, or null for all
 * @param textArm   the eligible carts assigned to be texted whose first text is due by now, with the purchases by the
 *                  comparison's rule (the counterpart of {@code control})
 */
public record RecoveryReport(LocalDate from, LocalDate to, Long flow, long abandoned, long eligible, long texted,
                             long delivered, long clicked, long recovered, BigDecimal recoveryRate,
                             BigDecimal recoveredRevenue, BigDecimal textCost, BigDecimal roi, Arm textArm,
                             Arm control, Incremental incremental) {

    /** One arm of the comparison. */
    public record Arm(long carts, long recovered, BigDecimal recoveryRate, BigDecimal revenue) {
    }

    /**
     * What the texts caused: purchases and revenue beyond what the control's rate predicts for the text arm, each
     * with a 95% interval {@code [low, high]}.
     */
    public record Incremental(BigDecimal recovered, List<BigDecimal> ci95, BigDecimal revenue,
                              List<BigDecimal> revenueCi95) {
    }

    /** The counts of the period, as read. */
    record Counts(long abandoned, long eligible, long texted, long delivered, long clicked, long recovered,
                  BigDecimal recoveredRevenue, BigDecimal textCost) {
    }

    static RecoveryReport of(LocalDate from, LocalDate to, Long flow, Counts n, Incrementality.Group text,
                             Incrementality.Group control) {
        BigDecimal revenue = money(n.recoveredRevenue());
        BigDecimal cost = money(n.textCost());
        BigDecimal roi = cost.signum() == 0 ? null
                : revenue.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP);
        Incremental incremental = null;
        if (text != null && control != null) {
            Incrementality.Estimate e = Incrementality.estimate(text, control);
            if (e.available()) {
                incremental = new Incremental(round(e.recovered()),
                        List.of(round(e.ci95().low()), round(e.ci95().high())), round(e.revenue()),
                        List.of(round(e.revenueCi95().low()), round(e.revenueCi95().high())));
            }
        }
        return new RecoveryReport(from, to, flow, n.abandoned(), n.eligible(), n.texted(), n.delivered(), n.clicked(),
                n.recovered(), RecoveryReportService.ratio(n.recovered(), n.texted()), revenue, cost, roi, arm(text),
                control == null ? null : arm(control), incremental);
    }

    private static Arm arm(Incrementality.Group g) {
        return g == null ? null : new Arm(g.carts(), g.recovered(), RecoveryReportService.ratio(g.recovered(), g.carts()),
                money(g.revenue()));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
