package io.tracker.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void daysAreWholeDaysInTheTenantsZoneBothEndsIncluded() {
        ReportPeriod p = ReportPeriod.parse("2026-03-28", "2026-03-29", BERLIN);

        assertThat(p.start()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
        // summer time starts on 29 March: the day after ends at 22:00 UTC
        assertThat(p.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void missingDatesMeanTheLastThirtyDays() {
        ReportPeriod p = ReportPeriod.parse(null, "2026-06-30", BERLIN);

        assertThat(p.from()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(ReportPeriod.parse("", "", BERLIN).to()).isEqualTo(LocalDate.now(BERLIN));
    }

    @Test
    void badDatesAreExplained() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-13-01", null, BERLIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'from' must be a date as YYYY-MM-DD");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-05-02", "2026-05-01", BERLIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> ReportPeriod.parse("2010-01-01", "2026-01-01", BERLIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
    }

    @Test
    void dimensionDefaultsToChannel() {
        assertThat(ReportDimension.parse(null)).isEqualTo(ReportDimension.CHANNEL);
        assertThat(ReportDimension.parse("Campaign")).isEqualTo(ReportDimension.CAMPAIGN);
        assertThatThrownBy(() -> ReportDimension.parse("country")).isInstanceOf(InvalidInputException.class);
    }
}
