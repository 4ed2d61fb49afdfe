package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The mid-rank percentile and the median's rounding, with values worked out by hand. */
class PeerComparisonTest {

    @Test
    void percentileCountsPeersBelowAndHalfOfThoseEqual() {
        // 5 peers 0.01 0.02 0.03 0.04 0.05, client 0.025: 2 below → 40
        assertThat(PeerComparison.percentile(2, 0, 5)).isEqualTo(40);
        // client 0.03: 2 below, 1 equal → (2 + 0.5) / 5 = 50 %
        assertThat(PeerComparison.percentile(2, 1, 5)).isEqualTo(50);
        // below everyone, above everyone
        assertThat(PeerComparison.percentile(0, 0, 6)).isZero();
        assertThat(PeerComparison.percentile(6, 0, 6)).isEqualTo(100);
        // equal to all of 5: half of them → 50
        assertThat(PeerComparison.percentile(0, 5, 5)).isEqualTo(50);
    }

    @Test
    void percentileIsRoundedHalfUpToAWholeNumber() {
        assertThat(PeerComparison.percentile(3, 0, 7)).isEqualTo(43);   // 42.857…
        assertThat(PeerComparison.percentile(1, 1, 8)).isEqualTo(19);   // 18.75
        assertThat(PeerComparison.percentile(2, 1, 8)).isEqualTo(31);   // 31.25
        assertThat(PeerComparison.percentile(1, 0, 8)).isEqualTo(13);   // 12.5 exactly: up
        assertThat(PeerComparison.percentile(0, 1, 8)).isEqualTo(6);    // 6.25
    }

    @Test
    void percentileRefusesImpossibleCounts() {
        assertThatThrownBy(() -> PeerComparison.percentile(4, 2, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerComparison.percentile(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fewerThanFivePeersShowNothing() {
        assertThat(PeerComparison.of(4, null, null, null)).isNull();
        assertThat(PeerComparison.of(0, null, null, null)).isNull();
        // even if a median came along, four peers are not shown
        assertThat(PeerComparison.of(4, new BigDecimal("0.03"), 1L, 0L)).isNull();
    }

    @Test
    void medianIsRoundedHalfUpToFourDecimals() {
        // peers 0.02, 0.03, 0.0425, 0.0400, 0.05, 0.06 (even count): (0.04 + 0.0425) / 2 = 0.04125 → 0.0413
        PeerComparison p = PeerComparison.of(6, new BigDecimal("0.04125"), 3L, 0L);
        assertThat(p.count()).isEqualTo(6);
        assertThat(p.median()).isEqualByComparingTo("0.0413");
        assertThat(p.median().scale()).isEqualTo(4);
        assertThat(p.percentile()).isEqualTo(50);
        // 2/75 = 0.026666… → 0.0267
        assertThat(PeerComparison.of(5, new BigDecimal("0.02666666666666666667"), 0L, 0L).median())
                .isEqualByComparingTo("0.0267");
    }

    @Test
    void aClientWithoutVisitsHasNoPercentile() {
        PeerComparison p = PeerComparison.of(5, new BigDecimal("0.03"), null, null);
        assertThat(p.percentile()).isNull();
        assertThat(p.median()).isEqualByComparingTo("0.0300");
    }
}
