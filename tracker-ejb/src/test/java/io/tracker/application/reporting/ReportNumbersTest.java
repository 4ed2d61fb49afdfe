package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportNumbersTest {

    @Test
    void wholeNumbersArePlainDecimalsNeverExponents() {
        assertThat(ReportNumbers.plain(30.0, 6).toString()).isEqualTo("30");
        assertThat(ReportNumbers.plain(80.0, 2).toString()).isEqualTo("80");
        assertThat(ReportNumbers.plain(1200.0, 2).toString()).isEqualTo("1200");
        assertThat(ReportNumbers.plain(0.0, 2).toString()).isEqualTo("0");
    }

    @Test
    void fractionsKeepTheirDecimalsWithoutTrailingZeros() {
        assertThat(ReportNumbers.plain(140.98, 6).toString()).isEqualTo("140.98");
        assertThat(ReportNumbers.plain(1.0 / 3, 6).toString()).isEqualTo("0.333333");
        assertThat(ReportNumbers.plain(2.125, 2).toString()).as("half-even").isEqualTo("2.12");
    }
}
