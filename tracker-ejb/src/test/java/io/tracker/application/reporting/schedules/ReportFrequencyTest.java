package io.tracker.application.reporting.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Sending days, hours and periods, checked against a calendar (2026-12-07 is a Monday, 2027-01-01 a Friday). */
class ReportFrequencyTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void weeklyIsSentOnMondaysAtTheHourAfterTheGivenMoment() {
        assertThat(ReportFrequency.WEEKLY.nextRun(Instant.parse("2026-12-07T06:59:59Z"), UTC, 7))
                .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        // strictly after: at 07:00 itself, the next Monday
        assertThat(ReportFrequency.WEEKLY.nextRun(Instant.parse("2026-12-07T07:00:00Z"), UTC, 7))
                .isEqualTo(Instant.parse("2026-12-14T07:00:00Z"));
        assertThat(ReportFrequency.WEEKLY.nextRun(Instant.parse("2026-12-09T12:00:00Z"), UTC, 0))
                .isEqualTo(Instant.parse("2026-12-14T00:00:00Z"));
        // Monday 2026-11-30 19:00 in New York (UTC−5): Monday 2026-12-07 08:00 there, 13:00 UTC
        assertThat(ReportFrequency.WEEKLY.nextRun(Instant.parse("2026-12-01T00:00:00Z"),
                ZoneId.of("America/New_York"), 8)).isEqualTo(Instant.parse("2026-12-07T13:00:00Z"));
    }

    @Test
    void monthlyIsSentOnTheFirstInTheClientsTimeZone() {
        // 06:00 in Berlin (UTC+1 in winter) is 05:00 UTC
        assertThat(ReportFrequency.MONTHLY.nextRun(Instant.parse("2026-12-07T10:00:00Z"), ZoneId.of("Europe/Berlin"), 6))
                .isEqualTo(Instant.parse("2027-01-01T05:00:00Z"));
        // 2026-12-01 04:30 UTC is 05:30 in Berlin: today's 06:00 is still ahead
        assertThat(ReportFrequency.MONTHLY.nextRun(Instant.parse("2026-12-01T04:30:00Z"), ZoneId.of("Europe/Berlin"), 6))
                .isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        // summer time (UTC+2) on 2027-07-01
        assertThat(ReportFrequency.MONTHLY.nextRun(Instant.parse("2027-06-15T00:00:00Z"), ZoneId.of("Europe/Berlin"), 6))
                .isEqualTo(Instant.parse("2027-07-01T04:00:00Z"));
    }

    @Test
    void periodsAreTheCompleteWeekOrMonthBeforeTheSendingDay() {
        assertThat(ReportFrequency.WEEKLY.period(LocalDate.parse("2026-12-07")))
                .containsExactly(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"));
        assertThat(ReportFrequency.WEEKLY.comparison(LocalDate.parse("2026-11-30")))
                .containsExactly(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"));
        assertThat(ReportFrequency.MONTHLY.period(LocalDate.parse("2027-01-01")))
                .containsExactly(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));
        assertThat(ReportFrequency.MONTHLY.period(LocalDate.parse("2027-03-01")))
                .containsExactly(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-28"));
        assertThat(ReportFrequency.MONTHLY.comparison(LocalDate.parse("2027-03-01")))
                .containsExactly(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-28"));
        assertThat(ReportFrequency.MONTHLY.comparison(LocalDate.parse("2027-02-01")))
                .containsExactly(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31"));
    }

    @Test
    void sendNowCoversTheLatestCompletePeriod() {
        assertThat(ReportFrequency.WEEKLY.sendingDayOnOrBefore(LocalDate.parse("2026-12-07")))
                .isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(ReportFrequency.WEEKLY.sendingDayOnOrBefore(LocalDate.parse("2026-12-13")))
                .isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(ReportFrequency.MONTHLY.sendingDayOnOrBefore(LocalDate.parse("2026-12-31")))
                .isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void frequencyNamesAreWeeklyOrMonthly() {
        assertThat(ReportFrequency.fromApiName(" Weekly ")).isEqualTo(ReportFrequency.WEEKLY);
        assertThatThrownBy(() -> ReportFrequency.fromApiName("daily")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("frequency").hasMessageContaining("'daily'");
        assertThatThrownBy(() -> ReportFrequency.fromApiName(null)).hasMessageContaining("frequency: missing");
    }
}
