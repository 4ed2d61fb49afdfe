package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataDrivenPathsTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final Duration LOOKBACK = Duration.ofDays(30);

    private static JourneyTouch touch(long id, int day, String channel) {
        return new JourneyTouch(id, T0.plus(Duration.ofDays(day)), channel, "");
    }

    @Test
    void convertingJourneysWithTheSamePathAreSummedWithTheirValues() {
        DataDrivenPaths paths = new DataDrivenPaths(LOOKBACK);
        paths.converted(List.of(touch(1, 0, "Email"), touch(2, 1, "Direct")), new BigDecimal("10.50"));
        paths.converted(List.of(touch(3, 0, "Email"), touch(4, 2, "Direct")), new BigDecimal("4.50"));
        paths.converted(List.of(touch(5, 0, "Email")), new BigDecimal("7"));
        paths.converted(List.of(), new BigDecimal("100")); // no touch: no path

        assertThat(paths.paths()).containsExactlyInAnyOrder(
                new PathCount(List.of("Email", "Direct"), 2, new BigDecimal("15.00"), 0),
                new PathCount(List.of("Email"), 1, new BigDecimal("7"), 0));
    }

    @Test
    void aPersonThatNeverConvertedGivesAllItsTouchesInTimeOrderAsOneNullPath() {
        DataDrivenPaths paths = new DataDrivenPaths(LOOKBACK);
        paths.notConverted(List.of(touch(9, 3, "Paid Search"), touch(2, 1, "Email"), touch(1, 1, "SMS")), null);

        // same instant: the lower touchpoint id first
        assertThat(paths.paths()).containsExactly(
                new PathCount(List.of("SMS", "Email", "Paid Search"), 0, BigDecimal.ZERO, 1));
    }

    @Test
    void aConvertedPersonGivesOnlyTheTouchesAfterItsLastConversion() {
        List<JourneyTouch> history = List.of(touch(1, 0, "Email"), touch(2, 2, "Direct"), touch(3, 5, "Display"),
                touch(4, 6, "Paid Social"));
        Instant lastConversion = T0.plus(Duration.ofDays(2)); // at the Direct touch: that touch is the conversion's

        assertThat(DataDrivenPaths.nonConvertingPath(history, lastConversion, LOOKBACK))
                .extracting(JourneyTouch::touchpointId).containsExactly(3L, 4L);
        assertThat(DataDrivenPaths.nonConvertingPath(history, T0.plus(Duration.ofDays(6)), LOOKBACK)).isEmpty();
    }

    @Test
    void aNullPathSpansAtMostTheLookbackBeforeItsLatestTouch() {
        List<JourneyTouch> history = List.of(touch(1, 0, "Email"), touch(2, 10, "Direct"), touch(3, 40, "Display"));

        // day 40 - 30 days = day 10: the touch of day 10 is just inside, day 0 outside
        assertThat(DataDrivenPaths.nonConvertingPath(history, null, LOOKBACK))
                .extracting(JourneyTouch::touchpointId).containsExactly(2L, 3L);
    }

    @Test
    void convertingAndNullJourneysOfOnePathShareItsCount() {
        DataDrivenPaths paths = new DataDrivenPaths(LOOKBACK);
        paths.converted(List.of(touch(1, 0, "Email")), BigDecimal.ONE);
        paths.notConverted(List.of(touch(2, 0, "Email")), null);
        paths.notConverted(List.of(touch(3, 0, "Email")), null);

        assertThat(paths.paths()).containsExactly(new PathCount(List.of("Email"), 1, BigDecimal.ONE, 2));
    }
}
