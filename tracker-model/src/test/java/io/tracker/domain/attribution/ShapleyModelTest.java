package io.tracker.domain.attribution;

import static io.tracker.domain.attribution.TestPaths.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapleyModelTest {

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
     * 16 channels (above the enumeration limit). v(F) = 1/2 for the full set F, v({ch0}) = 1/5, all
     * else 0. With w(s) = s!(15−s)!/16!: w(0) = w(15) = 1/16, w(1) = 1/(16·15).
     * φ(ch0) = w(0)·1/5 + w(15)·1/2 = 0.7/16; φ(other) = w(15)·1/2 − w(1)·1/5 = (0.5 − 0.2/15)/16.
     * Their sum is 8/16 = v(F). Shares: ch0 0.7/8, each other (0.5 − 0.2/15)/8.
     */
    @Test
    void largeSetsAreExactToo() {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            channels.add("ch" + i);
        }
        ShapleyModel model = ShapleyModel.fit(List.of(new PathCount(channels, 1, BigDecimal.ONE, 1),
                path("ch0", 1, "1", 4)));

        Map<String, Double> shares = model.sharesOf(channels);

        assertThat(shares).hasSize(16);
        assertThat(shares.get("ch0")).isCloseTo(0.7 / 8, within(1e-12));
        for (int i = 1; i < 16; i++) {
            assertThat(shares.get("ch" + i)).isCloseTo((0.5 - 0.2 / 15) / 8, within(1e-12));
        }
    }

    /** The regrouped sum used above 15 channels equals the definition on random games it can both solve. */
    @Test
    void regroupedSumEqualsEnumeration() {
        java.util.Random random = new java.util.Random(8);
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        for (int game = 0; game < 20; game++) {
            List<PathCount> data = new ArrayList<>();
            for (int row = 0; row < 60; row++) {
                List<String> path = new ArrayList<>();
                int length = 1 + random.nextInt(6);
                for (int k = 0; k < length; k++) {
                    path.add(names.get(random.nextInt(names.size())));
                }
                data.add(new PathCount(path, random.nextInt(4), BigDecimal.ONE, random.nextInt(4)));
            }
            ShapleyModel model = ShapleyModel.fit(data);
            List<String> set = names.subList(0, 3 + random.nextInt(7));

            assertThat(model.bySeenCoalitions(set)).containsExactly(model.byEnumeration(set), within(1e-12));
        }
    }
}
