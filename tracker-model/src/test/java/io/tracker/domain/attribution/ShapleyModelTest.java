package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapleyModelTest {

    private static PathCount path(String path, long conversions, String value, long nulls) {
        return new PathCount(Arrays.asList(path.split(" > ")), conversions, new BigDecimal(value), nulls);
    }

    /*
     * v(A) = 1/2, v(B) = 1/4, v(AB) = 3/4.
     * φ(A) = 1/2·(v(A) − 0) + 1/2·(v(AB) − v(B)) = 1/2·1/2 + 1/2·1/2 = 1/2
     * φ(B) = 1/2·(v(B) − 0) + 1/2·(v(AB) − v(A)) = 1/2·1/4 + 1/2·1/4 = 1/4 → shares 2/3, 1/3.
     * Global: A 1 + 3·2/3 = 3, B 1 + 3·1/3 = 2; value A 10 + 30·2/3 = 30, B 20 + 30·1/3 = 30.
     */
    @Test
    void twoChannelsByHand() {
        ShapleyModel model = ShapleyModel.fit(List.of(
                path("A", 1, "10", 1),
                path("B", 1, "20", 3),
                path("A > B > A", 2, "20", 1),
                path("B > A", 1, "10", 0)));

        assertThat(model.worth(List.of("A", "B"))).isCloseTo(0.75, within(1e-12));
        Map<String, Double> shares = model.sharesOf(List.of("B", "A", "B"));
        assertThat(shares.keySet()).containsExactly("B", "A");
        assertThat(shares.get("A")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(shares.get("B")).isCloseTo(1.0 / 3, within(1e-12));
        Map<String, ChannelTotal> global = model.attribution();
        assertThat(global.get("A").conversions()).isCloseTo(3, within(1e-12));
        assertThat(global.get("B").conversions()).isCloseTo(2, within(1e-12));
        assertThat(global.get("A").value()).isCloseTo(30, within(1e-9));
        assertThat(global.get("B").value()).isCloseTo(30, within(1e-9));
    }

    /*
     * v(A)=.2 v(B)=.1 v(C)=0 v(AB)=.4 v(AC)=.3 v(BC)=.2 v(ABC)=.6
     * φ(A) = 1/3·.2 + 1/6·(.4−.1) + 1/6·(.3−0) + 1/3·(.6−.2) = .3
     * φ(B) = 1/3·.1 + 1/6·(.4−.2) + 1/6·(.2−0) + 1/3·(.6−.3) = .2
     * φ(C) = 1/3·0  + 1/6·(.3−.2) + 1/6·(.2−.1) + 1/3·(.6−.4) = .1   → shares 1/2, 1/3, 1/6
     */
    @Test
    void threeChannelsByHand() {
        ShapleyModel model = ShapleyModel.fit(List.of(
                path("A", 1, "1", 4), path("B", 1, "1", 9), path("C", 0, "0", 5),
                path("B > A", 2, "1", 3), path("A > C > A", 3, "1", 7), path("C > B", 1, "1", 4),
                path("C > A > B > A", 3, "1", 2)));

        Map<String, Double> shares = model.sharesOf(List.of("C", "A", "B"));

        assertThat(shares.get("A")).isCloseTo(0.5, within(1e-12));
        assertThat(shares.get("B")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(shares.get("C")).isCloseTo(1.0 / 6, within(1e-12));
    }

    /* v(A)=.5, v(B)=0, v(AB)=.2: φ(A) = .35, φ(B) = 1/2·0 + 1/2·(.2−.5) = −.15 → clamped to 0. */
    @Test
    void negativeValuesAreClampedToZero() {
        ShapleyModel model = ShapleyModel.fit(List.of(path("A", 1, "1", 1), path("B", 0, "0", 2),
                path("A > B", 1, "1", 4)));

        assertThat(model.sharesOf(List.of("A", "B"))).containsEntry("A", 1.0).containsEntry("B", 0.0);
    }

    @Test
    void allZeroSplitsEquallyAndUnknownChannelsAreWorthNothing() {
        ShapleyModel model = ShapleyModel.fit(List.of(path("A > B", 0, "0", 3), path("C", 1, "1", 1)));

        assertThat(model.sharesOf(List.of("A", "B"))).containsEntry("A", 0.5).containsEntry("B", 0.5);
        assertThat(model.sharesOf(List.of("C", "Z"))).containsEntry("C", 1.0).containsEntry("Z", 0.0);
        assertThat(model.worth(List.of("C", "Z"))).isZero();
    }

    /*
     * 16 channels (above the exact limit): only the full set converts (rate 0.5), so in every order the
     * last channel gets 0.5; by symmetry each channel's Shapley value is 0.5/16 and each share 1/16.
     * The sampling is seeded, so two fits agree to the last bit.
     */
    @Test
    void largeSetsAreSampledReproducibly() {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            channels.add("ch" + i);
        }
        List<PathCount> data = List.of(new PathCount(channels, 1, BigDecimal.ONE, 1));

        Map<String, Double> shares = ShapleyModel.fit(data).sharesOf(channels);
        Map<String, Double> again = ShapleyModel.fit(data).sharesOf(channels);

        assertThat(shares).hasSize(16).isEqualTo(again);
        shares.values().forEach(s -> assertThat(s).isCloseTo(1.0 / 16, within(0.01)));
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
    }
}
