package io.tracker.application.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.tracking.EventInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoFillWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");

    @Test
    void theFirstStartFillsTheWholeWindow() {
        assertThat(DemoFillWindow.firstDay(TODAY, Optional.empty(), BERLIN))
                .isEqualTo(LocalDate.parse("2026-03-07")); // 100 days before 2026-06-15
    }

    @Test
    void aRestartGoesBackTwelveDaysFromTheNewestDemoTouchpoint() {
        Optional<Instant> newest = Optional.of(Instant.parse("2026-06-14T17:20:00Z"));

        assertThat(DemoFillWindow.firstDay(TODAY, newest, BERLIN)).isEqualTo(LocalDate.parse("2026-06-02"));
    }

    @Test
    void theNewestTouchpointsDayIsTheTenantsDay() {
        // 23:30 UTC on the 10th is 01:30 on the 11th in Berlin (summer time, UTC+2), still the 10th in New York.
        Optional<Instant> newest = Optional.of(Instant.parse("2026-06-10T23:30:00Z"));

        assertThat(DemoFillWindow.firstDay(TODAY, newest, BERLIN)).isEqualTo(LocalDate.parse("2026-05-30"));
        assertThat(DemoFillWindow.firstDay(TODAY, newest, ZoneId.of("America/New_York")))
                .isEqualTo(LocalDate.parse("2026-05-29"));
    }

    @Test
    void aLongPauseFillsAtMostTheWindow() {
        Optional<Instant> newest = Optional.of(Instant.parse("2025-12-24T10:00:00Z"));

        assertThat(DemoFillWindow.firstDay(TODAY, newest, BERLIN)).isEqualTo(LocalDate.parse("2026-03-07"));
    }

    @Test
    void aTouchpointAfterTodayStillRegeneratesToday() {
        Optional<Instant> newest = Optional.of(Instant.parse("2026-07-30T08:00:00Z"));

        assertThat(DemoFillWindow.firstDay(TODAY, newest, BERLIN)).isEqualTo(TODAY);
    }

    /**
     * What the window relies on: every journey's events lie before its start day + JOURNEY_REACH_DAYS
     * (midnight in the tenant's zone), for both demo tenants' generators over a year of days.
     */
    @Test
    void everyJourneyEndsWithinTheReach() {
        assertJourneysEndWithinReach(new DemoDataGenerator(BERLIN, "https://shop.example/", 17, 140), BERLIN);
        ZoneId newYork = ZoneId.of("America/New_York");
        assertJourneysEndWithinReach(new DemoDataGenerator(newYork, "https://roasters.example/", 4242, 45), newYork);
    }

    private static void assertJourneysEndWithinReach(DemoDataGenerator generator, ZoneId zone) {
        Instant farFuture = Instant.parse("2100-01-01T00:00:00Z");
        Duration longest = Duration.ZERO;
        for (LocalDate day = LocalDate.parse("2026-01-01"); day.isBefore(LocalDate.parse("2027-01-01"));
                day = day.plusDays(1)) {
            Instant limit = day.plusDays(DemoFillWindow.JOURNEY_REACH_DAYS).atStartOfDay(zone).toInstant();
            List<EventInput> events = generator.eventsStartingOn(day, farFuture);
            assertThat(events).allSatisfy(e -> assertThat(Instant.parse(e.timestamp())).isBefore(limit));
            Map<String, List<Instant>> byVisitor = events.stream().collect(Collectors.groupingBy(EventInput::visitorId,
                    Collectors.mapping(e -> Instant.parse(e.timestamp()), Collectors.toList())));
            for (List<Instant> times : byVisitor.values()) {
                Duration span = Duration.between(times.stream().min(Instant::compareTo).orElseThrow(),
                        times.stream().max(Instant::compareTo).orElseThrow());
                longest = span.compareTo(longest) > 0 ? span : longest;
            }
        }
        // Four gaps of at most 2 days + 30 min, then the conversions: a little over 8 days.
        assertThat(longest).isLessThan(Duration.ofDays(9));
    }
}
