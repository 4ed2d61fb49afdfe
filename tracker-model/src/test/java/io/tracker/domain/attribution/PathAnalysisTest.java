package io.tracker.domain.attribution;

import static io.tracker.domain.attribution.TestPaths.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PathAnalysisTest {

    private static void assertTotal(ChannelTotal actual, double conversions, double value) {
        assertThat(actual.conversions()).isCloseTo(conversions, within(1e-9));
        assertThat(actual.value()).isCloseTo(value, within(1e-9));
    }

    /*
     * By hand, per model (conversions / value):
     *   Email > Direct (2, 20): first Email; last non-direct Email; linear and position 1/2 each.
     *   direct (1, 5): all models give it to direct (alone, so last non-direct may pick it).
     *   Search > Email > Social (1, 10, 3 nulls): first Search; last Social; linear 1/3 each;
     *     position 0.4 / 0.2 / 0.4.
     *   Social (0 conversions, 5 nulls): nothing, but the channel is listed.
     */
    @Test
    void ruleBasedModelsByHand() {
        PathAnalysis analysis = PathAnalysis.of(List.of(
                path("Email > Direct", 2, "20", 0),
                path("direct", 1, "5", 0),
                path("Search > Email > Social", 1, "10", 3),
                path("Social", 0, "0", 5)));

        assertThat(analysis.totals()).isEqualTo(new PathTotals(4, new BigDecimal("35"), 8));
        Map<String, ChannelComparison> c = analysis.channels().stream()
                .collect(Collectors.toMap(ChannelComparison::channel, Function.identity()));
        assertThat(analysis.channels()).extracting(ChannelComparison::channel)
                .containsExactly("Direct", "Email", "Search", "Social", "direct");

        assertTotal(c.get("Email").firstTouch(), 2, 20);
        assertTotal(c.get("Search").firstTouch(), 1, 10);
        assertTotal(c.get("Direct").firstTouch(), 0, 0);
        assertTotal(c.get("Email").lastTouch(), 2, 20);
        assertTotal(c.get("Direct").lastTouch(), 0, 0);
        assertTotal(c.get("direct").lastTouch(), 1, 5);
        assertTotal(c.get("Social").lastTouch(), 1, 10);
        assertTotal(c.get("Email").linear(), 1 + 1.0 / 3, 10 + 10.0 / 3);
        assertTotal(c.get("Direct").linear(), 1, 10);
        assertTotal(c.get("Search").linear(), 1.0 / 3, 10.0 / 3);
        assertTotal(c.get("Email").positionBased(), 1.2, 12);
        assertTotal(c.get("Search").positionBased(), 0.4, 4);
        assertTotal(c.get("Social").positionBased(), 0.4, 4);
        assertTotal(c.get("direct").positionBased(), 1, 5);
        for (Function<ChannelComparison, ChannelTotal> model : List.<Function<ChannelComparison, ChannelTotal>>of(
                ChannelComparison::firstTouch, ChannelComparison::lastTouch, ChannelComparison::linear,
                ChannelComparison::positionBased, ChannelComparison::markov, ChannelComparison::shapley)) {
            assertThat(analysis.channels().stream().mapToDouble(x -> model.apply(x).conversions()).sum())
                    .isCloseTo(4, within(1e-9));
            assertThat(analysis.channels().stream().mapToDouble(x -> model.apply(x).value()).sum())
                    .isCloseTo(35, within(1e-9));
        }
    }

    @Test
    void markovAndShapleyColumnsAreTheFittedModels() {
        List<PathCount> paths = List.of(path("A > B > A > B > B > A", 1, "3", 0), path("A > B > B > A > A", 1, "3", 0),
                path("A > A", 1, "3", 0));

        PathAnalysis analysis = PathAnalysis.of(paths);

        ChannelComparison a = analysis.channels().get(0);
        assertThat(a.channel()).isEqualTo("A");
        assertTotal(a.markov(), 2, 6);
        assertThat(a.removalEffect()).isCloseTo(1, within(1e-12));
        assertThat(analysis.channels().get(1).removalEffect()).isCloseTo(0.5, within(1e-12));
        assertThat(a.shapley()).isEqualTo(ShapleyModel.fit(paths).attribution().get("A"));
    }
}
