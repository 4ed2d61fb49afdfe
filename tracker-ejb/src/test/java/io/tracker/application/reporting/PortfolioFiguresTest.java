package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PortfolioFiguresTest {

    @Test
    void changeIsRelativeToThePreviousPeriod() {
        assertThat(PortfolioFigures.change(15, 10)).contains(0.5);
        assertThat(PortfolioFigures.change(5, 20)).contains(-0.75);
        assertThat(PortfolioFigures.change(7, 7)).contains(0.0);
    }

    @Test
    void noChangeFromNothing() {
        assertThat(PortfolioFigures.change(3, 0)).isEmpty();
        assertThat(PortfolioFigures.change(0, 0)).isEmpty();
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(PortfolioFigures.median(List.of(9.0, 1.0, 4.0))).contains(4.0);
        assertThat(PortfolioFigures.median(List.of(9.0, 1.0, 4.0, 2.0))).contains(3.0);
        assertThat(PortfolioFigures.median(List.of())).isEmpty();
    }

    @Test
    void mostCommonCurrencyTiesGoAlphabetically() {
        assertThat(PortfolioFigures.mostCommonCurrency(List.of("USD", "EUR", "USD", "CHF"), Function.identity()))
                .contains("USD");
        assertThat(PortfolioFigures.mostCommonCurrency(List.of("USD", "EUR"), Function.identity())).contains("EUR");
        assertThat(PortfolioFigures.mostCommonCurrency(List.<String>of(), Function.identity())).isEmpty();
    }

    @Test
    void presetsEndOnTheClientsToday() {
        LocalDate today = LocalDate.of(2026, 3, 15);
        assertThat(PortfolioRange.lastDays(7).resolve(today))
                .isEqualTo(new PortfolioRange.Days(LocalDate.of(2026, 3, 9), today));
        assertThat(PortfolioRange.lastDays(30).resolve(today).first()).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(new PortfolioRange(DateRange.THIS_MONTH, null, null).resolve(today))
                .isEqualTo(new PortfolioRange.Days(LocalDate.of(2026, 3, 1), today));
        assertThat(new PortfolioRange(DateRange.LAST_MONTH, null, null).resolve(today))
                .isEqualTo(new PortfolioRange.Days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void thePreviousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        // 1–15 March (15 days) → 14–28 February.
        PortfolioRange.Days march = new PortfolioRange.Days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15));
        assertThat(march.length()).isEqualTo(15);
        assertThat(march.previous()).isEqualTo(new PortfolioRange.Days(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void aCustomPeriodNeedsBothDaysInOrder() {
        LocalDate day = LocalDate.of(2026, 3, 15);
        assertThatThrownBy(() -> new PortfolioRange(DateRange.CUSTOM, day, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PortfolioRange(DateRange.CUSTOM, day, day.minusDays(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PortfolioRange(DateRange.CUSTOM, day.minusDays(400), day))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new PortfolioRange(DateRange.CUSTOM, day, day).resolve(LocalDate.of(2030, 1, 1)))
                .isEqualTo(new PortfolioRange.Days(day, day));
    }
}
