package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.JourneyStart;
import io.tracker.domain.tracking.Interaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataDrivenPathsTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final JourneyRules THIRTY_DAYS = JourneyRules.DEFAULT;
    private static final JourneyRules SEVEN_DAYS = JourneyRules.ofDays(7, 1, JourneyStart.LOOKBACK, CountingMode.EVERY);

    private static JourneyTouch touch(long id, int day, String channel) {
        return new JourneyTouch(id, T0.plus(Duration.ofDays(day)), channel, "");
    }

    private static JourneyTouch impression(long id, Duration at, String channel) {
        return new JourneyTouch(id, T0.plus(at), channel, "", SourceMedium.NOT_SET, Interaction.IMPRESSION, "");
    }

    private static Journey journey(int day, JourneyTouch... touches) {
        return new Journey(new ConversionPoint(day, 1, T0.plus(Duration.ofDays(day)), BigDecimal.ONE), List.of(touches),
                true);
    }

    private static List<List<Long>> ids(List<List<JourneyTouch>> paths) {
        return paths.stream().map(p -> p.stream().map(JourneyTouch::touchpointId).toList()).toList();
    }

    @Test
    void convertingJourneysWithTheSamePathAreSummedWithTheirValues() {
        DataDrivenPaths paths = new DataDrivenPaths(THIRTY_DAYS);
        paths.converted(List.of(touch(1, 0, "Email"), touch(2, 1, "Direct")), new BigDecimal("10.50"));
        paths.converted(List.of(touch(3, 0, "Email"), touch(4, 2, "Direct")), new BigDecimal("4.50"));
        paths.converted(List.of(touch(5, 0, "Email")), new BigDecimal("7"));
        paths.converted(List.of(), new BigDecimal("100")); // no touch: no path

        assertThat(paths.paths()).containsExactlyInAnyOrder(
                new PathCount(List.of("Email", "Direct"), 2, new BigDecimal("15.00"), 0),
                new PathCount(List.of("Email"), 1, new BigDecimal("7"), 0));
    }

    @Test
    void aPersonThatNeverConvertedGivesItsTouchesInTimeThenChannelOrderAsOneNullPath() {
        DataDrivenPaths paths = new DataDrivenPaths(THIRTY_DAYS);
        paths.notConverted(List.of(touch(9, 3, "Paid Search"), touch(1, 1, "SMS"), touch(2, 1, "Email")), List.of());

        // same instant: by channel, as JourneyBuilder orders them (the touchpoint ids do not matter)
        assertThat(paths.paths()).containsExactly(
                new PathCount(List.of("Email", "SMS", "Paid Search"), 0, BigDecimal.ZERO, 1));
    }

    /*
     * 7-day lookback: Email on day 0, Paid Search on day 7, a purchase on day 8 whose journey is Paid Search
     * only (Email is 8 days old), Display on day 9. Left over: Email and Display. Display ends a path whose
     * window starts on day 2, so Email is not in it: two null paths, Display and Email.
     */
    @Test
    void touchesInNoCountedJourneyAreCutIntoNullPathsByTheActionsWindow() {
        JourneyTouch email = touch(1, 0, "Email");
        JourneyTouch search = touch(2, 7, "Paid Search");
        JourneyTouch display = touch(3, 9, "Display");

        assertThat(ids(DataDrivenPaths.nonConvertingPaths(List.of(email, search, display), List.of(journey(8, search)),
                SEVEN_DAYS))).containsExactly(List.of(3L), List.of(1L));
        // Under a 30-day lookback the purchase's journey holds Email too, and Display alone is left.
        assertThat(ids(DataDrivenPaths.nonConvertingPaths(List.of(email, search, display),
                List.of(journey(8, email, search)), THIRTY_DAYS))).containsExactly(List.of(3L));
    }

    @Test
    void aTouchInSeveralJourneysIsInNoNullPath() {
        JourneyTouch email = touch(1, 0, "Email");

        assertThat(DataDrivenPaths.nonConvertingPaths(List.of(email), List.of(journey(1, email), journey(2, email)),
                THIRTY_DAYS)).isEmpty();
    }

    @Test
    void aNullPathSpansTheLookbackBeforeItsNewestTouchAndOlderTouchesStartAnother() {
        List<JourneyTouch> history = List.of(touch(1, 0, "Email"), touch(2, 10, "Direct"), touch(3, 40, "Display"),
                touch(4, 41, "Email"));

        // day 41 − 30 days = day 11: day 10 is out. Then Direct (day 10) ends a path that reaches day 0 −20: Email.
        assertThat(ids(DataDrivenPaths.nonConvertingPaths(history, List.of(), THIRTY_DAYS)))
                .containsExactly(List.of(3L, 4L), List.of(1L, 2L));
        // the window's start is in: day 40 − 30 = day 10
        assertThat(ids(DataDrivenPaths.nonConvertingPaths(history.subList(0, 3), List.of(), THIRTY_DAYS)))
                .containsExactly(List.of(2L, 3L), List.of(1L));
    }

    @Test
    void anImpressionReachesOnlyTheViewThroughWindow() {
        // view-through 1 day: an impression 25 hours before the newest click is not in its path, one 23 hours is
        JourneyTouch old = impression(1, Duration.ofHours(24), "Display");
        JourneyTouch recent = impression(2, Duration.ofHours(26), "Video");
        JourneyTouch click = new JourneyTouch(3, T0.plus(Duration.ofHours(49)), "Email", "");

        assertThat(ids(DataDrivenPaths.nonConvertingPaths(List.of(old, recent, click), List.of(), THIRTY_DAYS)))
                .containsExactly(List.of(2L, 3L), List.of(1L));
    }

    @Test
    void convertingAndNullJourneysOfOnePathShareItsCount() {
        DataDrivenPaths paths = new DataDrivenPaths(THIRTY_DAYS);
        JourneyTouch converted = touch(1, 0, "Email");
        paths.converted(List.of(converted), BigDecimal.ONE);
        paths.notConverted(List.of(converted), List.of(journey(0, converted)));
        paths.notConverted(List.of(touch(2, 0, "Email")), List.of());
        paths.notConverted(List.of(touch(3, 0, "Email")), List.of());

        assertThat(paths.paths()).containsExactly(new PathCount(List.of("Email"), 1, BigDecimal.ONE, 2));
    }
}
