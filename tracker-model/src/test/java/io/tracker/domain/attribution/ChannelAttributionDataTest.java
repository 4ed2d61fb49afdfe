package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ChannelAttribution's example path data ({@code shared/data/channelattribution_paths/Data.csv},
 * beside the repository, never copied into it): 10,000 lines, 12 channels. The product reads it with
 * {@link PathFile} and analyses it with {@link PathAnalysis}; this test reads it with its own few
 * lines of code and computes every expected number by itself, with simpler (and slower) methods.
 */
class ChannelAttributionDataTest {

    private static final String FILE = "channelattribution_paths/Data.csv";
    private static final double CONVERSIONS = 19_785;
    /** The file's value column summed exactly by this test (SOURCE.md rounds it to 74,802.9716). */
    private static BigDecimal value;
    private static double VALUE;

    /** One line of the file as the test reads it. */
    private record Line(List<String> path, long conversions, double value, long nulls) {
    }

    private static List<Line> lines;
    private static PathFile file;
    private static PathAnalysis analysis;
    private static Map<String, ChannelComparison> byChannel;

    @BeforeAll
    static void readTheFileTwice() throws IOException {
        Path data = sharedData(FILE);
        lines = new ArrayList<>();
        List<String> text = Files.readAllLines(data, StandardCharsets.UTF_8);
        for (String l : text.subList(1, text.size())) {
            String[] f = l.split(";");
            lines.add(new Line(Arrays.asList(f[0].split(" > ")), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Long.parseLong(f[3])));
            value = value == null ? new BigDecimal(f[2]) : value.add(new BigDecimal(f[2]));
        }
        VALUE = value.doubleValue();
        try (Reader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            file = PathFile.read(in, ';');
        }
        analysis = PathAnalysis.of(file.paths());
        byChannel = new HashMap<>();
        analysis.channels().forEach(c -> byChannel.put(c.channel(), c));
    }

    /** {@code shared/data/<relative>} in the nearest folder above this module that has it. */
    private static Path sharedData(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/" + relative + " not found above " + Path.of("").toAbsolutePath()
                + "; it belongs in shared/data beside the repository clone");
    }

    @Test
    void factsOfTheFile() {
        assertThat(lines).hasSize(10_000);
        assertThat(lines.stream().mapToLong(Line::conversions).sum()).isEqualTo(19_785);
        assertThat(lines.stream().mapToLong(Line::nulls).sum()).isEqualTo(68_602);
        assertThat(file.goodLines()).isEqualTo(10_000);
        assertThat(file.rejected()).isEmpty();
        assertThat(file.paths().size()).as("repeated paths summed").isLessThan(10_000)
                .isEqualTo(new HashSet<>(lines.stream().map(Line::path).toList()).size());
        assertThat(value.setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("74802.97");
        assertThat(analysis.totals()).isEqualTo(new PathTotals(19_785, value, 68_602));
        assertThat(analysis.channels()).extracting(ChannelComparison::channel).containsExactly(
                "alpha", "beta", "delta", "epsilon", "eta", "gamma", "iota", "kappa", "lambda", "mi", "theta", "zeta");
    }

    @Test
    void everyModelCreditsAllConversionsAndAllValue() {
        for (Function<ChannelComparison, ChannelTotal> model : List.<Function<ChannelComparison, ChannelTotal>>of(
                ChannelComparison::firstTouch, ChannelComparison::lastTouch, ChannelComparison::linear,
                ChannelComparison::positionBased, ChannelComparison::markov, ChannelComparison::shapley)) {
            assertThat(analysis.channels().stream().mapToDouble(c -> model.apply(c).conversions()).sum())
                    .isCloseTo(CONVERSIONS, within(1e-6));
            assertThat(analysis.channels().stream().mapToDouble(c -> model.apply(c).value()).sum())
                    .isCloseTo(VALUE, within(1e-6)).isCloseTo(74_802.97, within(0.005));
        }
    }

    @Test
    void ruleBasedModelsEqualASimpleComputation() {
        Map<String, double[]> first = new HashMap<>();
        Map<String, double[]> last = new HashMap<>();
        Map<String, double[]> linear = new HashMap<>();
        Map<String, double[]> position = new HashMap<>();
        for (Line l : lines) {
            List<String> p = l.path();
            int n = p.size();
            add(first, p.get(0), 1, l);
            int lastNonDirect = n - 1;
            while (lastNonDirect > 0 && p.get(lastNonDirect).equalsIgnoreCase("direct")) {
                lastNonDirect--;
            }
            add(last, p.get(lastNonDirect), 1, l);
            for (int i = 0; i < n; i++) {
                add(linear, p.get(i), 1.0 / n, l);
                double w = n == 1 ? 1 : n == 2 ? 0.5 : (i == 0 || i == n - 1) ? 0.4 : 0.2 / (n - 2);
                add(position, p.get(i), w, l);
            }
        }
        for (ChannelComparison c : analysis.channels()) {
            assertSame(c.firstTouch(), first.get(c.channel()));
            assertSame(c.lastTouch(), last.get(c.channel()));
            assertSame(c.linear(), linear.get(c.channel()));
            assertSame(c.positionBased(), position.get(c.channel()));
        }
    }

    private static void add(Map<String, double[]> credit, String channel, double weight, Line l) {
        double[] t = credit.computeIfAbsent(channel, k -> new double[2]);
        t[0] += weight * l.conversions();
        t[1] += weight * l.value();
    }

    private static void assertSame(ChannelTotal actual, double[] expected) {
        double[] e = expected == null ? new double[2] : expected;
        assertThat(actual.conversions()).isCloseTo(e[0], within(1e-6));
        assertThat(actual.value()).isCloseTo(e[1], within(1e-6));
    }

    /**
     * The same chain solved by value iteration (Gauss–Seidel sweeps of x = Q·x + r until nothing moves
     * by 1e-15) instead of Gaussian elimination, with its own transition counts.
     */
    @Test
    void markovEqualsValueIteration() {
        Map<String, Map<String, Double>> counts = new HashMap<>();
        for (Line l : lines) {
            List<String> states = new ArrayList<>();
            states.add("(start)");
            states.addAll(l.path());
            for (int i = 0; i + 1 < states.size(); i++) {
                count(counts, states.get(i), states.get(i + 1), l.conversions() + l.nulls());
            }
            count(counts, states.get(states.size() - 1), "(conversion)", l.conversions());
            count(counts, states.get(states.size() - 1), "(null)", l.nulls());
        }
        double p = absorption(counts, null);
        Map<String, Double> effects = new HashMap<>();
        for (String c : byChannel.keySet()) {
            effects.put(c, 1 - absorption(counts, c) / p);
        }
        double sum = effects.values().stream().mapToDouble(Double::doubleValue).sum();
        for (ChannelComparison c : analysis.channels()) {
            double share = effects.get(c.channel()) / sum;
            assertThat(c.removalEffect()).isCloseTo(effects.get(c.channel()), within(1e-9));
            assertThat(c.markov().conversions()).isCloseTo(CONVERSIONS * share, within(0.5e-4));
            assertThat(c.markov().value()).isCloseTo(VALUE * share, within(0.5e-4));
        }
    }

    private static void count(Map<String, Map<String, Double>> counts, String from, String to, double n) {
        counts.computeIfAbsent(from, k -> new HashMap<>()).merge(to, n, Double::sum);
    }

    private static double absorption(Map<String, Map<String, Double>> counts, String removed) {
        Map<String, Double> x = new HashMap<>();
        x.put("(conversion)", 1.0);
        double change = 1;
        while (change > 1e-15) {
            change = 0;
            for (Map.Entry<String, Map<String, Double>> state : counts.entrySet()) {
                if (state.getKey().equals(removed)) {
                    continue;
                }
                double total = state.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
                double next = 0;
                for (Map.Entry<String, Double> t : state.getValue().entrySet()) {
                    if (!t.getKey().equals(removed)) {
                        next += t.getValue() / total * x.getOrDefault(t.getKey(), 0.0);
                    }
                }
                change = Math.max(change, Math.abs(next - x.getOrDefault(state.getKey(), 0.0)));
                x.put(state.getKey(), next);
            }
        }
        return x.get("(start)");
    }

    /**
     * Shapley by the textbook definition over every subset, with coalitions as sets of names (no bit
     * tricks), summed over converting lines.
     */
    @Test
    void shapleyEqualsTheDefinition() {
        Map<Set<String>, long[]> bySet = new HashMap<>();
        for (Line l : lines) {
            long[] c = bySet.computeIfAbsent(new TreeSet<>(l.path()), k -> new long[2]);
            c[0] += l.conversions();
            c[1] += l.nulls();
        }
        Function<Set<String>, Double> v = s -> {
            long[] c = bySet.get(s);
            return c == null || c[0] + c[1] == 0 ? 0.0 : (double) c[0] / (c[0] + c[1]);
        };
        Map<Set<String>, Map<String, Double>> sharesBySet = new HashMap<>();
        Map<String, double[]> expected = new HashMap<>();
        for (Line l : lines) {
            if (l.conversions() == 0) {
                continue;
            }
            Map<String, Double> shares = sharesBySet.computeIfAbsent(new TreeSet<>(l.path()), p -> shapleyShares(p, v));
            shares.forEach((c, s) -> {
                double[] t = expected.computeIfAbsent(c, k -> new double[2]);
                t[0] += s * l.conversions();
                t[1] += s * l.value();
            });
        }
        for (ChannelComparison c : analysis.channels()) {
            assertSame(c.shapley(), expected.get(c.channel()));
        }
    }

    private static Map<String, Double> shapleyShares(Set<String> players, Function<Set<String>, Double> v) {
        List<String> list = new ArrayList<>(players);
        int n = list.size();
        Map<String, Double> phi = new HashMap<>();
        for (String c : list) {
            List<String> others = new ArrayList<>(list);
            others.remove(c);
            double sum = 0;
            for (int mask = 0; mask < (1 << others.size()); mask++) {
                Set<String> s = new TreeSet<>();
                for (int i = 0; i < others.size(); i++) {
                    if ((mask >> i & 1) == 1) {
                        s.add(others.get(i));
                    }
                }
                Set<String> with = new TreeSet<>(s);
                with.add(c);
                double weight = factorial(s.size()) * factorial(n - s.size() - 1) / factorial(n);
                sum += weight * (v.apply(with) - (s.isEmpty() ? 0 : v.apply(s)));
            }
            phi.put(c, Math.max(0, sum));
        }
        double total = phi.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new HashMap<>();
        phi.forEach((c, x) -> shares.put(c, total > 0 ? x / total : 1.0 / n));
        return shares;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
