package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueSplitTest {

    @Test
    void thirdsOf25AddUpTo25() {
        double third = 1.0 / 3;
        // Each alone: 25 × 0.333… = 8.333333 (6 decimals); three of them 24.999999. The first largest takes the rest.
        assertThat(RevenueSplit.of(new BigDecimal("25.00"), List.of(third, third, third)))
                .containsExactly(new BigDecimal("8.333334"), new BigDecimal("8.333333"), new BigDecimal("8.333333"));
    }

    @Test
    void theLargestShareTakesTheRemainder() {
        // 10.01 × 0.7 = 7.007, × 0.2 = 2.002, × 0.1 = 1.001: exact, nothing to move.
        assertThat(RevenueSplit.of(new BigDecimal("10.01"), List.of(0.2, 0.7, 0.1)))
                .containsExactly(new BigDecimal("2.002000"), new BigDecimal("7.007000"), new BigDecimal("1.001000"));
        // Time-decay-like shares of 99.99: rounded alone, 14.284281 + 28.568573 + 57.137146 = 99.99 already.
        List<Double> shares = List.of(0.1428571, 0.2857143, 0.5714286);
        List<BigDecimal> parts = RevenueSplit.of(new BigDecimal("99.99"), shares);
        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("99.99");
        assertThat(parts.get(0)).isEqualByComparingTo("14.284281");
        assertThat(parts.get(1)).isEqualByComparingTo("28.568573");
        assertThat(parts.get(2)).isEqualByComparingTo("57.137146");
    }

    @Test
    void oneShareIsTheValueAndNoShareIsNothing() {
        assertThat(RevenueSplit.of(new BigDecimal("40"), List.of(1.0))).containsExactly(new BigDecimal("40.000000"));
        assertThat(RevenueSplit.of(new BigDecimal("40"), List.of())).isEmpty();
    }
}
