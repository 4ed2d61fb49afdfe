package io.tracker.interfaces.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void countsAreGroupedEveryThreeDigits() {
        assertThat(Formats.count(0)).isEqualTo("0");
        assertThat(Formats.count(6876)).isEqualTo("6,876");
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void decimalsHaveTwoPlacesRoundedHalfEven() {
        assertThat(Formats.decimal(140.983333)).isEqualTo("140.98");
        assertThat(Formats.decimal(1234.5)).isEqualTo("1,234.50");
        assertThat(Formats.decimal(2.0 / 3)).isEqualTo("0.67");
        assertThat(Formats.decimal(0.125)).isEqualTo("0.12");
        assertThat(Formats.decimal(0.375)).isEqualTo("0.38");
    }

    @Test
    void percentagesAreFractionsTimesHundredWithTwoDecimals() {
        assertThat(Formats.percent(0.079407)).isEqualTo("7.94%");
        assertThat(Formats.percent(0)).isEqualTo("0.00%");
        assertThat(Formats.percent(1.0 / 3)).isEqualTo("33.33%");
        assertThat(Formats.percent(12.5)).isEqualTo("1,250.00%");
    }

    @Test
    void moneyUsesTheCurrencySymbolAndItsDecimals() {
        assertThat(Formats.money(74077.11, "EUR")).isEqualTo("€74,077.11");
        assertThat(Formats.money(5, "USD")).isEqualTo("$5.00");
        assertThat(Formats.money(1200, "JPY")).isEqualTo("¥1,200");
        assertThat(Formats.money(0, "GBP")).isEqualTo("£0.00");
    }

    @Test
    void timestampsAreWrittenInTheTenantsZone() {
        java.time.Instant winter = java.time.Instant.parse("2025-03-10T14:05:09Z");
        assertThat(Formats.timestamp(winter, java.time.ZoneId.of("Europe/Berlin"))).isEqualTo("2025-03-10 15:05:09 CET");
        assertThat(Formats.timestamp(winter, java.time.ZoneId.of("America/New_York"))).isEqualTo("2025-03-10 10:05:09 EDT");
        assertThat(Formats.timestamp(null, java.time.ZoneId.of("UTC"))).isEqualTo("—");
        // 02:10 UTC on 03-13 is still 03-12 in New York.
        assertThat(Formats.day(java.time.Instant.parse("2025-03-13T02:10:00Z"), java.time.ZoneId.of("America/New_York")))
                .isEqualTo("2025-03-12");
    }
}
