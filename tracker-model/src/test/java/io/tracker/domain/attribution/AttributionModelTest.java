package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionModelTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static List<JourneyTouch> journey(String... channels) {
        List<JourneyTouch> touches = new ArrayList<>();
        for (int i = 0; i < channels.length; i++) {
            touches.add(new JourneyTouch(i + 1, T0.plusSeconds(3600L * i), channels[i], ""));
        }
        return touches;
    }

    private static double share(List<Credit> credits, String channel) {
        return credits.stream().filter(c -> c.channel().equals(channel)).mapToDouble(Credit::share).sum();
    }

    @Test
    void lastTouchSkipsTrailingDirectVisits() {
        List<Credit> credits = AttributionModel.LAST_TOUCH.credits(journey("Email", "Paid Search", "Direct", "Direct"));

        assertThat(credits).containsExactly(new Credit("Paid Search", "", 1.0));
    }

    @Test
    void lastTouchCreditsDirectOnlyWhenNothingElse() {
        assertThat(AttributionModel.LAST_TOUCH.credits(journey("Direct", "Direct")))
                .containsExactly(new Credit("Direct", "", 1.0));
    }

    @Test
    void firstTouchCreditsTheFirstEvenIfDirect() {
        assertThat(AttributionModel.FIRST_TOUCH.credits(journey("Direct", "Email")))
                .containsExactly(new Credit("Direct", "", 1.0));
    }

    @Test
    void linearGivesAChannelOneShareForEachOfItsTouches() {
        List<Credit> credits = AttributionModel.LINEAR.credits(journey("Email", "Paid Search", "Email", "Direct"));

        assertThat(share(credits, "Email")).isCloseTo(0.5, within(1e-12));
        assertThat(share(credits, "Paid Search")).isCloseTo(0.25, within(1e-12));
        assertThat(share(credits, "Direct")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void positionBasedGivesFortyTwentyForty() {
        // 5 touches: 0.4 first, 0.4 last, 0.2 / 3 to each of the three in between
        List<Credit> credits = AttributionModel.POSITION_BASED.credits(
                journey("Paid Social", "Email", "Organic Search", "Email", "Paid Search"));

        assertThat(share(credits, "Paid Social")).isCloseTo(0.4, within(1e-12));
        assertThat(share(credits, "Paid Search")).isCloseTo(0.4, within(1e-12));
        assertThat(share(credits, "Email")).isCloseTo(2 * 0.2 / 3, within(1e-12));
        assertThat(share(credits, "Organic Search")).isCloseTo(0.2 / 3, within(1e-12));
    }

    @Test
    void positionBasedSplitsTwoTouchesEvenly() {
        assertThat(AttributionModel.POSITION_BASED.credits(journey("Email", "SMS")))
                .containsExactly(new Credit("Email", "", 0.5), new Credit("SMS", "", 0.5));
    }

    @Test
    void aSingleTouchGetsEverythingInEveryModel() {
        for (AttributionModel model : AttributionModel.ruleBased()) {
            assertThat(model.credits(journey("SMS"))).as(model.name()).containsExactly(new Credit("SMS", "", 1.0));
        }
    }

    @Test
    void anEmptyJourneyIsDirect() {
        for (AttributionModel model : AttributionModel.ruleBased()) {
            assertThat(model.credits(List.of())).as(model.name()).containsExactly(new Credit("Direct", "", 1.0));
        }
    }

    @Test
    void sharesOfEveryModelAddUpToOne() {
        List<JourneyTouch> j = journey("Email", "Direct", "Paid Search", "SMS", "Display", "Direct", "Email");
        for (AttributionModel model : AttributionModel.ruleBased()) {
            double total = model.credits(j).stream().mapToDouble(Credit::share).sum();
            assertThat(total).as(model.name()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void creditsAreKeptApartByCampaign() {
        List<JourneyTouch> j = List.of(new JourneyTouch(1, T0, "Email", "Spring"),
                new JourneyTouch(2, T0.plusSeconds(60), "Email", "Summer"));

        assertThat(AttributionModel.LINEAR.credits(j))
                .containsExactly(new Credit("Email", "Spring", 0.5), new Credit("Email", "Summer", 0.5));
    }

    @Test
    void apiNamesRoundTrip() {
        assertThat(AttributionModel.fromApiName("position_based")).isEqualTo(AttributionModel.POSITION_BASED);
        assertThat(AttributionModel.fromApiName(" LAST_TOUCH ")).isEqualTo(AttributionModel.LAST_TOUCH);
        assertThat(AttributionModel.LINEAR.apiName()).isEqualTo("linear");
        assertThatThrownBy(() -> AttributionModel.fromApiName("bayesian"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last_touch");
    }
}
