package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ReferenceAttribution;
import io.tracker.it.support.ReferenceAttribution.Converted;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.ReferenceAttribution.TimedTouch;
import io.tracker.it.support.ReferenceAttribution.Touch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test's own reference attribution, checked against numbers worked out by hand (runs with surefire). */
class ReferenceAttributionTest {

    /** Organic Search, Paid Social, Email, Direct; worth 100. */
    private static final Converted FOUR_TOUCHES = Converted.of("100", Touch.of("Organic Search"),
            new Touch("Paid Social", "spring"), Touch.of("Email"), Touch.of("Direct"));

    @Test
    void lastTouchSkipsDirectUnlessThereIsNothingElse() {
        assertThat(ReferenceAttribution.byChannel("last_touch", List.of(FOUR_TOUCHES)))
                .isEqualTo(Map.of("Email", new Expected(1, 100)));
        assertThat(ReferenceAttribution.byChannel("last_touch",
                List.of(Converted.of("10", Touch.of("Direct"), Touch.of("Direct")))))
                .isEqualTo(Map.of("Direct", new Expected(1, 10)));
    }

    @Test
    void emptyJourneyIsDirect() {
        for (String model : List.of("last_touch", "first_touch", "linear", "position_based")) {
            assertThat(ReferenceAttribution.byChannel(model, List.of(Converted.of("7.50"))))
                    .isEqualTo(Map.of("Direct", new Expected(1, 7.50)));
        }
    }

    @Test
    void positionBasedGivesFortyTwentyForty() {
        Map<String, Expected> rows = ReferenceAttribution.byChannel("position_based", List.of(FOUR_TOUCHES));
        assertThat(rows).containsOnlyKeys("Organic Search", "Paid Social", "Email", "Direct");
        assertClose(rows.get("Organic Search"), 0.4, 40);
        assertClose(rows.get("Paid Social"), 0.1, 10);
        assertClose(rows.get("Email"), 0.1, 10);
        assertClose(rows.get("Direct"), 0.4, 40);
        Map<String, Expected> two = ReferenceAttribution.byChannel("position_based",
                List.of(Converted.of("9", Touch.of("SMS"), Touch.of("Email"))));
        assertClose(two.get("SMS"), 0.5, 4.5);
        assertClose(two.get("Email"), 0.5, 4.5);
    }

    @Test
    void linearAddsUpRepeatedChannelsAndConversions() {
        Map<String, Expected> rows = ReferenceAttribution.byChannel("linear", List.of(
                Converted.of("30", Touch.of("Email"), Touch.of("SMS"), Touch.of("Email")),
                Converted.of("20", Touch.of("SMS"))));
        assertClose(rows.get("Email"), 2.0 / 3, 20);
        assertClose(rows.get("SMS"), 1 + 1.0 / 3, 30);
    }

    @Test
    void campaignsAreKeyedByCampaignWithEmptyForNone() {
        assertThat(ReferenceAttribution.byCampaign("first_touch", List.of(
                Converted.of("5", new Touch("Paid Social", "spring"), Touch.of("Email")),
                Converted.of("6", Touch.of("Email")))))
                .isEqualTo(Map.of("spring", new Expected(1, 5), "", new Expected(1, 6)));
    }

    private static void assertClose(Expected e, double conversions, double revenue) {
        assertThat(e.conversions()).isCloseTo(conversions, within(1e-9));
        assertThat(e.revenue()).isCloseTo(revenue, within(1e-9));
    }

    @Test
    void aJourneyLooksBackOverItsWholeWindowWhateverConvertedBefore() {
        // twitter.com on 1 May, direct on 3 and 4 May, a purchase after each direct visit
        Instant may1 = Instant.parse("2026-05-01T10:00:00Z");
        List<TimedTouch> touches = List.of(new TimedTouch(may1.plus(Duration.ofDays(3)), "Direct", ""),
                new TimedTouch(may1, "Organic Social", ""), new TimedTouch(may1.plus(Duration.ofDays(2)), "Direct", ""));
        List<Touch> first = ReferenceAttribution.journey(touches, may1.plus(Duration.ofDays(2)).plusSeconds(60),
                Duration.ofDays(30));
        List<Touch> second = ReferenceAttribution.journey(touches, may1.plus(Duration.ofDays(3)).plusSeconds(60),
                Duration.ofDays(30));

        assertThat(first).containsExactly(Touch.of("Organic Social"), Touch.of("Direct"));
        assertThat(second).containsExactly(Touch.of("Organic Social"), Touch.of("Direct"), Touch.of("Direct"));
        assertThat(ReferenceAttribution.byChannel("last_touch",
                List.of(new Converted(BigDecimal.TEN, first), new Converted(BigDecimal.TEN, second))))
                .isEqualTo(Map.of("Organic Social", new Expected(2, 20)));
        assertThat(ReferenceAttribution.journey(touches, may1.plus(Duration.ofDays(3)).plusSeconds(60), Duration.ofDays(2)))
                .as("window of 2 days: from 2 May 10:01").containsExactly(Touch.of("Direct"), Touch.of("Direct"));
    }

    @Test
    void touchesAtTheSameInstantAreOrderedByChannelThenCampaign() {
        Instant t = Instant.parse("2026-05-01T10:00:00Z");
        assertThat(ReferenceAttribution.journey(List.of(new TimedTouch(t, "Paid Search", "b"),
                new TimedTouch(t, "Email", ""), new TimedTouch(t, "Paid Search", "a")), t, Duration.ofDays(1)))
                .containsExactly(Touch.of("Email"), new Touch("Paid Search", "a"), new Touch("Paid Search", "b"));
    }
}
