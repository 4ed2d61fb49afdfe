package io.tracker.domain.attribution;

import static io.tracker.domain.attribution.TestPaths.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkovModelTest {

    /** Worked by hand below ({@link #nullsAndRemovalEffectsByHand}). */
    private static final List<PathCount> WITH_NULLS = TestPaths.paths("A > B;1;25;0", "A;0;0;1", "B;1;15;1");

    /** The white paper's example (shared/data/channelattribution_paths/SOURCE.md): exactly A = 2, B = 1. */
    @Test
    void whitePaperExampleGivesExactlyTwoAndOne() {
        MarkovModel model = MarkovModel.fit(List.of(
                path("A > B > A > B > B > A", 1, "0", 0),
                path("A > B > B > A > A", 1, "0", 0),
                path("A > A", 1, "0", 0)));

        assertThat(model.conversionProbability()).isCloseTo(1.0, within(1e-12));
        assertThat(model.removalEffects().get("A")).isCloseTo(1.0, within(1e-12));
        assertThat(model.removalEffects().get("B")).isCloseTo(0.5, within(1e-12));
        assertThat(model.attribution().get("A").conversions()).isCloseTo(2.0, within(1e-12));
        assertThat(model.attribution().get("B").conversions()).isCloseTo(1.0, within(1e-12));
    }

    /*
     * By hand: start→A 2, start→B 2; A→B 1, A→null 1; B→conversion 2, B→null 1.
     * x_B = 2/3, x_A = 1/2 · 2/3 = 1/3, P = 1/2 · 1/3 + 1/2 · 2/3 = 1/2.
     * Without A: P = 1/2 · 2/3 = 1/3, RE(A) = 1 − (1/3)/(1/2) = 1/3. Without B: P = 0, RE(B) = 1.
     * Global: A gets 2 · (1/3)/(4/3) = 0.5 conversions, B 1.5; value 40 → 10 and 30.
     */
    @Test
    void nullsAndRemovalEffectsByHand() {
        MarkovModel model = MarkovModel.fit(WITH_NULLS);

        assertThat(model.conversionProbability()).isCloseTo(0.5, within(1e-12));
        assertThat(model.removalEffects()).containsOnlyKeys("A", "B");
        assertThat(model.removalEffects().get("A")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(model.removalEffects().get("B")).isCloseTo(1.0, within(1e-12));
        Map<String, ChannelTotal> attribution = model.attribution();
        assertThat(attribution.get("A").conversions()).isCloseTo(0.5, within(1e-12));
        assertThat(attribution.get("B").conversions()).isCloseTo(1.5, within(1e-12));
        assertThat(attribution.get("A").value()).isCloseTo(10.0, within(1e-9));
        assertThat(attribution.get("B").value()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void sharesOfAPathUseOnlyItsOwnChannels() {
        MarkovModel model = MarkovModel.fit(WITH_NULLS);

        Map<String, Double> shares = model.sharesOf(List.of("B", "A", "B"));

        assertThat(shares.keySet()).containsExactly("B", "A");
        assertThat(shares.get("A")).isCloseTo(0.25, within(1e-12));
        assertThat(shares.get("B")).isCloseTo(0.75, within(1e-12));
        assertThat(model.sharesOf(List.of("A"))).containsEntry("A", 1.0);
    }

    @Test
    void unknownChannelsGetNothingAndAllZeroSplitsEqually() {
        MarkovModel model = MarkovModel.fit(List.of(path("A > B", 1, "1", 0), path("C", 0, "0", 3)));

        assertThat(model.removalEffects().get("C")).isZero();
        assertThat(model.sharesOf(List.of("A", "Z"))).containsEntry("A", 1.0).containsEntry("Z", 0.0);
        assertThat(model.sharesOf(List.of("C", "Z"))).containsEntry("C", 0.5).containsEntry("Z", 0.5);
    }

    @Test
    void noConversionsMeansNoRemovalEffect() {
        MarkovModel model = MarkovModel.fit(List.of(path("A > B", 0, "0", 4)));

        assertThat(model.conversionProbability()).isZero();
        assertThat(model.removalEffects()).containsEntry("A", 0.0).containsEntry("B", 0.0);
        assertThat(model.attribution().get("A").conversions()).isZero();
    }

    @Test
    void repeatedPathsAddUp() {
        MarkovModel once = MarkovModel.fit(List.of(path("A > B", 2, "4", 2), path("B", 1, "1", 3)));
        MarkovModel split = MarkovModel.fit(List.of(path("A > B", 1, "1", 2), path("B", 1, "1", 3),
                path("A > B", 1, "3", 0)));

        assertThat(split.removalEffects().get("A")).isCloseTo(once.removalEffects().get("A"), within(1e-12));
        assertThat(split.conversionProbability()).isCloseTo(once.conversionProbability(), within(1e-12));
        assertThat(split.totalValue()).isEqualByComparingTo("5");
    }
}
