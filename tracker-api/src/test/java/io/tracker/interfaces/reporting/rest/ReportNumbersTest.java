package io.tracker.interfaces.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportNumbersTest {

    @Test
    void wholeNumbersArePlainDecimalsNeverExponents() {
        assertThat(ReportsResource.round(30.0, 6).toString()).isEqualTo("30");
        assertThat(ReportsResource.round(80.0, 2).toString()).isEqualTo("80");
        assertThat(ReportsResource.round(1200.0, 2).toString()).isEqualTo("1200");
        assertThat(ReportsResource.round(0.0, 2).toString()).isEqualTo("0");
    }

    @Test
    void fractionsKeepTheirDecimalsWithoutTrailingZeros() {
        assertThat(ReportsResource.round(140.98, 6).toString()).isEqualTo("140.98");
        assertThat(ReportsResource.round(1.0 / 3, 6).toString()).isEqualTo("0.333333");
        assertThat(ReportsResource.round(2.125, 2).toString()).as("half-even").isEqualTo("2.12");
    }
}
