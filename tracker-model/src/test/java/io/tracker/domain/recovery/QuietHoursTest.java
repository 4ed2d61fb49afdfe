package io.tracker.domain.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final QuietHours NIGHT = QuietHours.parse("21:00", "08:00");

    @Test
    void aWrappingWindowHoldsTextsUntilItsEnd() {
        assertThat(NIGHT.nextAllowed(at("2026-03-10T22:30", NEW_YORK), NEW_YORK))
                .isEqualTo(at("2026-03-11T08:00", NEW_YORK));
        assertThat(NIGHT.nextAllowed(at("2026-03-10T07:59", NEW_YORK), NEW_YORK))
                .isEqualTo(at("2026-03-10T08:00", NEW_YORK));
        assertThat(NIGHT.nextAllowed(at("2026-03-10T21:00", NEW_YORK), NEW_YORK)).as("from is inclusive")
                .isEqualTo(at("2026-03-11T08:00", NEW_YORK));
        assertThat(NIGHT.nextAllowed(at("2026-03-10T00:00", NEW_YORK), NEW_YORK))
                .isEqualTo(at("2026-03-10T08:00", NEW_YORK));
    }

    @Test
    void outsideTheWindowADueTimeStands() {
        Instant eight = at("2026-03-10T08:00", NEW_YORK);
        assertThat(NIGHT.nextAllowed(eight, NEW_YORK)).as("to is exclusive").isEqualTo(eight);
        Instant beforeNine = at("2026-03-10T20:59", NEW_YORK);
        assertThat(NIGHT.nextAllowed(beforeNine, NEW_YORK)).isEqualTo(beforeNine);
    }

    @Test
    void aWindowWithinOneDay() {
        QuietHours lunch = QuietHours.parse("12:00", "14:00");
        assertThat(lunch.nextAllowed(at("2026-06-01T12:00", NEW_YORK), NEW_YORK))
                .isEqualTo(at("2026-06-01T14:00", NEW_YORK));
        assertThat(lunch.nextAllowed(at("2026-06-01T13:59", NEW_YORK), NEW_YORK))
                .isEqualTo(at("2026-06-01T14:00", NEW_YORK));
        for (String free : new String[] {"2026-06-01T11:59", "2026-06-01T14:00", "2026-06-01T23:30"}) {
            assertThat(lunch.nextAllowed(at(free, NEW_YORK), NEW_YORK)).as(free).isEqualTo(at(free, NEW_YORK));
        }
        assertThat(lunch.quiet(LocalTime.of(11, 59))).isFalse();
        assertThat(lunch.quiet(LocalTime.NOON)).isTrue();
        assertThat(lunch.quiet(LocalTime.of(14, 0))).isFalse();
    }

    @Test
    void anEndInASpringForwardGapMovesForwardByTheGap() {
        // Berlin skips 02:00-03:00 on 2026-03-29; "02:30" does not exist and becomes 03:30 CEST (= 01:30 UTC)
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        QuietHours hours = QuietHours.parse("22:00", "02:30");
        Instant due = at("2026-03-29T01:15", berlin);
        Instant next = hours.nextAllowed(due, berlin);
        assertThat(next.atZone(berlin).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T03:30"));
        assertThat(next).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void anEndInAFallBackOverlapIsNeverBeforeTheDueTime() {
        // New York repeats 01:00-02:00 on 2026-11-01: first in EDT (-04:00), then in EST (-05:00)
        QuietHours hours = QuietHours.parse("00:00", "01:30");
        Instant firstPass = ZonedDateTime.ofLocal(LocalDateTime.parse("2026-11-01T01:15"), NEW_YORK,
                ZoneOffset.ofHours(-4)).toInstant();
        Instant secondPass = ZonedDateTime.ofLocal(LocalDateTime.parse("2026-11-01T01:15"), NEW_YORK,
                ZoneOffset.ofHours(-5)).toInstant();
        assertThat(hours.nextAllowed(firstPass, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(hours.nextAllowed(secondPass, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void readsTheShoppersZoneIncludingInvertedEtcOffsets() {
        // POSIX sign: Etc/GMT-5 is five hours AHEAD of UTC; 17:00 UTC is 22:00 there, inside 21:00-08:00
        ZoneId plusFive = ZoneId.of("Etc/GMT-5");
        Instant due = Instant.parse("2026-03-10T17:00:00Z");
        assertThat(NIGHT.nextAllowed(due, plusFive)).isEqualTo(Instant.parse("2026-03-11T03:00:00Z"));
        assertThat(NIGHT.nextAllowed(due, NEW_YORK)).as("13:00 in New York").isEqualTo(due);
    }

    @Test
    void equalEndsMeanNoQuietHours() {
        assertThat(QuietHours.parse("09:00", "09:00").quiet(LocalTime.of(9, 0))).isFalse();
        Instant any = Instant.parse("2026-03-10T03:00:00Z");
        assertThat(QuietHours.NONE.nextAllowed(any, NEW_YORK)).isEqualTo(any);
        assertThat(QuietHours.NONE.quiet(LocalTime.MIDNIGHT)).isFalse();
    }

    @Test
    void parsesOnlyStrictHoursAndMinutes() {
        assertThat(QuietHours.parse("00:00", "23:59"))
                .isEqualTo(new QuietHours(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
        for (String bad : new String[] {"9:00", "24:00", "21:60", "21:00:00", "2100", " 21:00", "", "9pm"}) {
            assertThatThrownBy(() -> QuietHours.parse(bad, "08:00")).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("from must be a time of day as HH:mm");
        }
        assertThatThrownBy(() -> QuietHours.parse("21:00", "8:00")).hasMessage(
                "to must be a time of day as HH:mm, 00:00 to 23:59, but was \"8:00\"");
        assertThatThrownBy(() -> QuietHours.parse("21:00", null)).hasMessageStartingWith("to must be")
                .hasMessageEndingWith("but was missing");
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
