package io.tracker.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TagHealthRulesTest {

    @Test
    void hitsDropBelowAFifthOfABaselineOfAtLeastFive() {
        assertThat(TagHealthRules.baseline(70)).isEqualTo(10.0);
        assertThat(TagHealthRules.hitsDropped(1, 10.0)).isTrue();
        assertThat(TagHealthRules.hitsDropped(2, 10.0)).as("2 is not below 20% of 10").isFalse();
        assertThat(TagHealthRules.hitsDropped(0, 4.9)).as("too quiet to judge").isFalse();
    }

    @Test
    void anActionStopsAfterFiveTimesItsUsualIntervalAndAtLeastAnHour() {
        Instant first = Instant.parse("2026-05-01T00:00:00Z");
        // 9 conversions over 8 hours: one an hour
        Duration usual = TagHealthRules.usualInterval(9, first, first.plusSeconds(8 * 3600));
        assertThat(usual).isEqualTo(Duration.ofHours(1));
        Instant last = first.plusSeconds(8 * 3600);
        assertThat(TagHealthRules.actionStopped(usual, last, last.plusSeconds(5 * 3600))).isFalse();
        assertThat(TagHealthRules.actionStopped(usual, last, last.plusSeconds(5 * 3600 + 1))).isTrue();
        assertThat(TagHealthRules.usualInterval(4, first, last)).as("too few").isNull();
        Duration minute = TagHealthRules.usualInterval(11, first, first.plusSeconds(600));
        assertThat(TagHealthRules.actionStopped(minute, first.plusSeconds(600), first.plusSeconds(600 + 3599)))
                .as("under an hour of silence is no alert").isFalse();
    }

    @Test
    void thankYouPatternsMatchAnywhereWithStarsAndLiteralWildcards() {
        assertThat(TagHealthRules.likePattern(" Thank ")).isEqualTo("%thank%");
        assertThat(TagHealthRules.likePattern("/checkout/*/thank_you")).isEqualTo("%/checkout/%/thank\\_you%");
        assertThat(TagHealthRules.likePattern("100%")).isEqualTo("%100\\%%");
    }

    @Test
    void thankYouAlertNeedsThreeMissesAndHalfTheViews() {
        assertThat(TagHealthRules.thankYouAlert(6, 3)).isTrue();
        assertThat(TagHealthRules.thankYouAlert(7, 3)).isFalse();
        assertThat(TagHealthRules.thankYouAlert(2, 2)).isFalse();
    }
}
