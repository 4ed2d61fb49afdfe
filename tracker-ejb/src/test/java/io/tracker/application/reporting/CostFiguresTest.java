package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** CPA, ROAS and ROI against arithmetic done by hand. */
class CostFiguresTest {

    @Test
    void cpaIsCostPerCreditedConversionRoasRevenuePerCostRoiProfitPerCost() {
        // 150.00 spent, 4 conversions worth 420.00: CPA 37.50, ROAS 2.8, ROI (420 - 150) / 150 = 1.8
        assertThat(CostFigures.of(new BigDecimal("150.00"), 4, 420.00))
                .isEqualTo(new CostFigures(150.00, 37.50, 2.8, 1.8));
    }

    @Test
    void fractionalCreditsAndRounding() {
        // 100.00 over 1/3 + 1/3 + 1/3 … 3 conversions credited as 1.5: CPA 66.666… → 66.67; revenue 33.33:
        // ROAS 0.3333, ROI (33.33 - 100) / 100 = -0.6667
        assertThat(CostFigures.of(new BigDecimal("100"), 1.5, 33.33))
                .isEqualTo(new CostFigures(100.00, 66.67, 0.3333, -0.6667));
        // cost in micros is rounded to cents first: 10.005 → 10.00 (half even), ROAS 25 / 10 = 2.5
        assertThat(CostFigures.of(new BigDecimal("10.005"), 1, 25)).isEqualTo(new CostFigures(10.00, 10.00, 2.5, 1.5));
    }

    @Test
    void noConversionsNoCpaNoCostNoRatios() {
        assertThat(CostFigures.of(new BigDecimal("20"), 0, 0)).isEqualTo(new CostFigures(20, null, 0.0, -1.0));
        assertThat(CostFigures.of(BigDecimal.ZERO, 2, 50)).isEqualTo(new CostFigures(0, 0.0, null, null));
    }
}
