package io.tracker.domain.attribution;

import io.tracker.domain.tracking.Interaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

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

    // ---- clicks take precedence over impressions under last touch ("last click, last impression")

    private static JourneyTouch at(int hour, String channel, Interaction interaction) {
        return new JourneyTouch(hour + 100, T0.plusSeconds(3600L * hour), channel, "", SourceMedium.ofChannel(channel),
                interaction, "e" + hour);
    }

    @Test
    void lastTouchCreditsAClickOverALaterImpression() {
        List<JourneyTouch> j = List.of(at(0, "Email", Interaction.CLICK), at(5, "Display", Interaction.IMPRESSION),
                at(6, "Direct", Interaction.CLICK));

        assertThat(AttributionModel.LAST_TOUCH.credits(j)).extracting(Credit::channel, Credit::share)
                .containsExactly(tuple("Email", 1.0));
        // the impression still shares the credit under the other models: linear 1/3 each
        assertThat(share(AttributionModel.LINEAR.credits(j), "Display")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void lastTouchCreditsTheLastImpressionOnlyWithoutAnyNonDirectClick() {
        List<JourneyTouch> j = List.of(at(0, "Paid Social", Interaction.IMPRESSION),
                at(2, "Display", Interaction.IMPRESSION), at(3, "Direct", Interaction.CLICK));

        assertThat(AttributionModel.LAST_TOUCH.credits(j)).extracting(Credit::channel).containsExactly("Display");
        assertThat(AttributionModel.LAST_TOUCH.credits(List.of(at(0, "Direct", Interaction.CLICK))))
                .extracting(Credit::channel).containsExactly("Direct");
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

    @Test
    void timeDecayHalvesTheWeightPerHalfLifeBeforeTheConversion() {
        // half-life 1 day; touches 2 days, 1 day and 0 days before the conversion weigh 1/4, 1/2, 1:
        // normalised over 1.75 that is 1/7, 2/7 and 4/7
        Instant converted = T0.plus(java.time.Duration.ofDays(2));
        List<JourneyTouch> j = List.of(new JourneyTouch(1, T0, "Email", ""),
                new JourneyTouch(2, T0.plus(java.time.Duration.ofDays(1)), "Paid Search", ""),
                new JourneyTouch(3, converted, "SMS", ""));

        List<Credit> credits = AttributionModel.TIME_DECAY.credits(j, converted, java.time.Duration.ofDays(1));

        assertThat(share(credits, "Email")).isCloseTo(1.0 / 7, within(1e-12));
        assertThat(share(credits, "Paid Search")).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(share(credits, "SMS")).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void timeDecayWithTheTenantsHalfLifeOfTwelveHours() {
        // half-life 12 h; touches 36 h and 6 h before: 2^-3 = 0.125 and 2^-0.5 = 0.70710678…
        Instant converted = T0.plus(java.time.Duration.ofHours(36));
        List<JourneyTouch> j = List.of(new JourneyTouch(1, T0, "Display", ""),
                new JourneyTouch(2, converted.minus(java.time.Duration.ofHours(6)), "Email", ""));
        double older = 0.125;
        double newer = 1 / Math.sqrt(2);

        List<Credit> credits = AttributionModel.TIME_DECAY.credits(j, converted, java.time.Duration.ofHours(12));

        assertThat(share(credits, "Display")).isCloseTo(older / (older + newer), within(1e-12));
        assertThat(share(credits, "Email")).isCloseTo(newer / (older + newer), within(1e-12));
    }

    @Test
    void creditsAreKeptApartBySourceMediumAndCarryIt() {
        List<JourneyTouch> j = List.of(
                new JourneyTouch(1, T0, "Paid Search", "brand", "google / cpc", Interaction.CLICK, "e1"),
                new JourneyTouch(2, T0.plusSeconds(60), "Paid Search", "brand", "bing / cpc", Interaction.CLICK, "e2"),
                new JourneyTouch(3, T0.plusSeconds(120), "Direct", "", SourceMedium.DIRECT, Interaction.CLICK, "e3"));

        assertThat(AttributionModel.LINEAR.credits(j)).containsExactly(
                new Credit("Paid Search", "brand", "google / cpc", 1.0 / 3),
                new Credit("Paid Search", "brand", "bing / cpc", 1.0 / 3),
                new Credit("Direct", "", "(direct) / (none)", 1.0 / 3));
        assertThat(AttributionModel.LAST_TOUCH.credits(j))
                .containsExactly(new Credit("Paid Search", "brand", "bing / cpc", 1.0));
        assertThat(AttributionModel.FIRST_TOUCH.credits(List.of()))
                .containsExactly(new Credit("Direct", "", "(direct) / (none)", 1.0));
    }

    @Test
    void sourceMediumFollowsUtmThenDirectThenClickIdThenReferrer() {
        assertThat(SourceMedium.of("newsletter", "email", null, null, "Email")).isEqualTo("newsletter / email");
        assertThat(SourceMedium.of("partner", null, null, null, "Other")).isEqualTo("partner / (not set)");
        assertThat(SourceMedium.of(null, null, null, null, "Direct")).isEqualTo("(direct) / (none)");
        assertThat(SourceMedium.of(null, null, "https://www.google.com/", "abc", "Paid Search")).isEqualTo("google / cpc");
        assertThat(SourceMedium.of(null, null, "https://www.Google.com/search", null, "Organic Search"))
                .isEqualTo("google.com / organic");
        assertThat(SourceMedium.of(null, null, "https://t.co/x", null, "Organic Social")).isEqualTo("t.co / referral");
        assertThat(SourceMedium.of(null, null, "not a url", null, "Referral")).isEqualTo("(not set) / (not set)");
    }
}
