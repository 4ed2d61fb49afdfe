package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndustryBenchmarkTest {

    private static final String URL = "https://example.org/report";

    @Test
    void aRowIsTrimmedAndTheMetricDefaultsToConversionRate() {
        IndustryBenchmark b = IndustryBenchmark.checked(0, "  Consumer goods ", null, new BigDecimal("0.04220"), 2021,
                " Global ", " IRP Commerce ", " " + URL + " ");

        assertThat(b).isEqualTo(new IndustryBenchmark(0, "Consumer goods", "conversion_rate", new BigDecimal("0.0422"),
                2021, "Global", "IRP Commerce", URL));
    }

    @Test
    void industriesCompareTrimmedAndCaseInsensitively() {
        assertThat(IndustryBenchmark.normalise("  Home and Furniture ")).isEqualTo("home and furniture");
        assertThat(IndustryBenchmark.normalise(IndustryBenchmark.GENERAL)).isEqualTo("all e-commerce");
        assertThat(IndustryBenchmark.normalise(null)).isNull();
    }

    @Test
    void valuesAreFractionsFromZeroToOne() {
        assertThatThrownBy(() -> checked(new BigDecimal("2.6"), 2021, URL)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> checked(new BigDecimal("-0.01"), 2021, URL)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> checked(null, 2021, URL)).isInstanceOf(InvalidInputException.class);
        assertThat(checked(BigDecimal.ONE, 2021, URL).value()).isEqualByComparingTo("1");
    }

    @Test
    void badYearsMetricsTextsAndUrlsAreRefused() {
        assertThatThrownBy(() -> checked(new BigDecimal("0.02"), 1989, URL)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> checked(new BigDecimal("0.02"), null, URL)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> checked(new BigDecimal("0.02"), 2021, "ftp://example.org/x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("source_url");
        assertThatThrownBy(() -> checked(new BigDecimal("0.02"), 2021, "javascript:alert(1)"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> IndustryBenchmark.checked(0, "Retail", "bounce_rate", new BigDecimal("0.02"), 2021,
                "US", "x", null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("metric");
        assertThatThrownBy(() -> IndustryBenchmark.checked(0, " ", null, new BigDecimal("0.02"), 2021, "US", "x", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("industry");
        assertThatThrownBy(() -> IndustryBenchmark.checked(0, "Retail", null, new BigDecimal("0.02"), 2021, "US",
                "a\u0000b", null)).isInstanceOf(InvalidInputException.class);
        assertThat(checked(new BigDecimal("0.02"), 2021, "  ").sourceUrl()).isNull();
    }

    private static IndustryBenchmark checked(BigDecimal value, Integer year, String url) {
        return IndustryBenchmark.checked(0, "Retail", "conversion_rate", value, year, "US", "Some survey", url);
    }
}
