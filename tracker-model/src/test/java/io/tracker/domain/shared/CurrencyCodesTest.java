package io.tracker.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyCodesTest {

    private static List<String> codes() {
        return CurrencyCodes.inUse().stream().map(Currency::getCurrencyCode).toList();
    }

    @Test
    void theCurrenciesCountriesUseToday() {
        assertThat(codes()).contains("EUR", "USD", "JPY", "CHF", "GBP");
    }

    @Test
    void noWithdrawnCodeNoMetalNoFundNoTestCode() {
        // Deutsche Mark (withdrawn 2002), gold, the test code, "no currency", the IMF's special drawing right.
        assertThat(codes()).doesNotContain("DEM", "XAU", "XTS", "XXX", "XDR", "FRF");
    }

    @Test
    void sortedByCodeEachOnce() {
        assertThat(codes()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aCodeIsLookedUpInAnyCase() {
        assertThat(CurrencyCodes.inUse(" chf ")).contains(Currency.getInstance("CHF"));
        assertThat(CurrencyCodes.inUse("DEM")).isEmpty();
        assertThat(CurrencyCodes.inUse("XAU")).isEmpty();
        assertThat(CurrencyCodes.inUse(null)).isEmpty();
    }
}
