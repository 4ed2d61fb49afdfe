package io.tracker.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rows of one platform, day and campaign in one file are added up, within what the table stores. */
class PlatformRowTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static PlatformRow row(String conversions, String value, String currency) {
        return new PlatformRow(AdPlatform.GOOGLE_ADS, DAY, "Brand", new BigDecimal(conversions),
                value == null ? null : new BigDecimal(value), currency, DateBasis.CONVERSION);
    }

    @Test
    void rowsOfOneDayAndCampaignAddUp() throws RowException {
        PlatformRow sum = row("2.5", "100", "EUR").plus(row("1", null, "EUR"));
        assertThat(sum.conversions()).isEqualByComparingTo("3.5");
        assertThat(sum.value()).isEqualByComparingTo("100");
        assertThat(row("1", null, "EUR").plus(row("1", null, "EUR")).value()).isNull();
    }

    @Test
    void aSumTheTableCannotHoldIsTheLaterRowsError() {
        // each row is allowed alone (below 10^12); their sum is not: numeric(18, 6) holds 12 integer digits
        PlatformRow a = row("999999999999", "1", "EUR");
        assertThatThrownBy(() -> a.plus(row("1", "1", "EUR"))).isInstanceOf(RowException.class)
                .hasMessageContaining("Brand").hasMessageContaining("10^12");
        assertThatThrownBy(() -> row("1", "999999999999", "EUR").plus(row("1", "1", "EUR")))
                .isInstanceOf(RowException.class).hasMessageContaining("10^12");
    }

    @Test
    void valuesInAnotherCurrencyAreNotAddedUp() {
        assertThatThrownBy(() -> row("1", "10", "EUR").plus(row("1", "10", "USD"))).isInstanceOf(RowException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD");
    }
}
