package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Instants picked by hand. America/Chicago is UTC−5 in summer (CDT) and UTC−6 in winter (CST); in 2026
 * its clocks jump from 02:00 CST to 03:00 CDT on 8 March (08:00Z) and fall back from 02:00 CDT to 01:00
 * CST on 1 November (07:00Z).
 */
class NightlyRunScheduleTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final NightlyRunSchedule THREE = new NightlyRunSchedule(LocalTime.of(3, 0));

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void dueFromTheNightlyTimeInTheTenantsZoneOncePerLocalDay() {
        // summer: 03:00 CDT is 08:00Z
        assertThat(THREE.isDue(at("2026-09-08T07:59:59Z"), CHICAGO, null)).isFalse();
        assertThat(THREE.isDue(at("2026-09-08T08:00:00Z"), CHICAGO, null)).isTrue();
        assertThat(THREE.isDue(at("2026-09-08T08:00:00Z"), CHICAGO, at("2026-09-07T08:00:05Z"))).isTrue();
        // once that day's run was asked for: not again that local day, whatever the UTC date
        Instant asked = at("2026-09-08T08:00:05Z");
        assertThat(THREE.isDue(at("2026-09-08T20:00:00Z"), CHICAGO, asked)).isFalse();
        assertThat(THREE.isDue(at("2026-09-09T04:59:59Z"), CHICAGO, asked)).as("23:59:59 local, 9 Sept UTC").isFalse();
        assertThat(THREE.isDue(at("2026-09-09T05:00:00Z"), CHICAGO, asked)).as("00:00 local: a new day, too early").isFalse();
        assertThat(THREE.isDue(at("2026-09-09T08:00:00Z"), CHICAGO, asked)).isTrue();
        // winter: 03:00 CST is 09:00Z
        assertThat(THREE.isDue(at("2026-12-05T08:59:59Z"), CHICAGO, null)).isFalse();
        assertThat(THREE.isDue(at("2026-12-05T09:00:00Z"), CHICAGO, null)).isTrue();
    }

    @Test
    void theLastRunsDayIsTheTenantsLocalDayNotUtcs() {
        // 7 Sept 21:00 CDT is already 8 Sept in UTC, yet 8 Sept in Chicago has had no run
        assertThat(THREE.isDue(at("2026-09-08T08:00:00Z"), CHICAGO, at("2026-09-08T02:00:00Z"))).isTrue();
        // 7 Sept 18:00Z is 8 Sept 03:00 in Tokyo (UTC+9): Tokyo's 8 Sept has had its run
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(THREE.isDue(at("2026-09-08T08:00:00Z"), tokyo, at("2026-09-07T18:00:00Z"))).isFalse();
        assertThat(THREE.isDue(at("2026-09-08T18:00:00Z"), tokyo, at("2026-09-07T18:00:00Z"))).isTrue();
    }

    @Test
    void oneInstantIsDueInSomeZonesAndNotInOthers() {
        Instant now = at("2026-09-08T08:00:00Z");

        assertThat(THREE.isDue(now, CHICAGO, null)).as("03:00 CDT").isTrue();
        assertThat(THREE.isDue(now, ZoneId.of("America/Los_Angeles"), null)).as("01:00 PDT").isFalse();
        assertThat(THREE.isDue(now, ZoneId.of("America/New_York"), null)).as("04:00 EDT").isTrue();
        assertThat(THREE.isDue(now, ZoneId.of("UTC"), null)).isTrue();
        assertThat(THREE.isDue(at("2026-09-07T21:29:59Z"), ZoneId.of("+05:30"), null)).as("02:59:59").isFalse();
        assertThat(THREE.isDue(at("2026-09-07T21:30:00Z"), ZoneId.of("+05:30"), null)).as("03:00").isTrue();
        assertThat(THREE.isDue(at("2026-09-07T13:00:00Z"), ZoneId.of("Pacific/Kiritimati"), null))
                .as("UTC+14: 03:00 on 8 Sept while UTC is still on 7 Sept").isTrue();
    }

    @Test
    void aNightlyTimeThatSpringForwardSkipsIsDueAtTheFirstInstantAfterTheGap() {
        NightlyRunSchedule halfPastTwo = new NightlyRunSchedule(LocalTime.of(2, 30));

        assertThat(halfPastTwo.isDue(at("2026-03-07T08:30:00Z"), CHICAGO, null)).as("the day before: 02:30 CST").isTrue();
        Instant dayBefore = at("2026-03-07T08:30:01Z");
        assertThat(halfPastTwo.isDue(at("2026-03-08T07:59:59Z"), CHICAGO, dayBefore)).as("01:59:59 CST").isFalse();
        assertThat(halfPastTwo.isDue(at("2026-03-08T08:00:00Z"), CHICAGO, dayBefore)).as("03:00 CDT").isTrue();
        // 03:00 itself is on time that day too: 08:00Z, not 09:00Z as in winter
        assertThat(THREE.isDue(at("2026-03-08T07:59:59Z"), CHICAGO, dayBefore)).isFalse();
        assertThat(THREE.isDue(at("2026-03-08T08:00:00Z"), CHICAGO, dayBefore)).isTrue();
    }

    @Test
    void aNightlyTimeThatFallBackRepeatsIsDueOnlyTheFirstTime() {
        NightlyRunSchedule halfPastOne = new NightlyRunSchedule(LocalTime.of(1, 30));

        assertThat(halfPastOne.isDue(at("2026-11-01T06:29:59Z"), CHICAGO, null)).as("01:29:59 CDT").isFalse();
        assertThat(halfPastOne.isDue(at("2026-11-01T06:30:00Z"), CHICAGO, null)).as("01:30 CDT").isTrue();
        Instant asked = at("2026-11-01T06:30:01Z");
        assertThat(halfPastOne.isDue(at("2026-11-01T07:30:00Z"), CHICAGO, asked)).as("01:30 CST, the second time").isFalse();
        assertThat(halfPastOne.isDue(at("2026-11-02T07:29:59Z"), CHICAGO, asked)).as("01:29:59 CST next day").isFalse();
        assertThat(halfPastOne.isDue(at("2026-11-02T07:30:00Z"), CHICAGO, asked)).as("01:30 CST next day").isTrue();
    }

    @Test
    void theConfigurationValueIsATimeOrOff() {
        assertThat(NightlyRunSchedule.parse("03:00")).map(NightlyRunSchedule::at).contains(LocalTime.of(3, 0));
        assertThat(NightlyRunSchedule.parse(" 04:15:30 ")).map(NightlyRunSchedule::at).contains(LocalTime.of(4, 15, 30));
        assertThat(NightlyRunSchedule.parse("off")).isEmpty();
        assertThat(NightlyRunSchedule.parse("OFF")).isEmpty();
        assertThat(NightlyRunSchedule.parse(" ")).isEmpty();
        assertThat(NightlyRunSchedule.parse(null)).isEmpty();
        assertThatThrownBy(() -> NightlyRunSchedule.parse("3am")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'3am'");
    }
}
