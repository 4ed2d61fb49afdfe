package io.tracker.interfaces.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarksBackingTest {

    @Test
    void theDifferenceIsInPercentagePoints() {
        // 3.2 % against 2.6 %: 0.6 points above; 1.44 % against 2.6 %: 1.16 below
        assertThat(BenchmarksBacking.versus(0.032, 0.026)).isEqualTo("0.60 pts above");
        assertThat(BenchmarksBacking.versus(0.0144, 0.026)).isEqualTo("1.16 pts below");
        assertThat(BenchmarksBacking.versus(0.026, 0.026)).isEqualTo("level with it");
    }
}
