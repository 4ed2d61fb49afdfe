package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The first-order Markov data-driven model (absorbing Markov chain with removal effects, as in
 * Anderl et al. 2016 and the ChannelAttribution package), solved exactly.
 *
 * <h2>The chain</h2>
 * States: {@code start}, one state per channel, and the absorbing {@code conversion} and
 * {@code null}. Every journey, converting or not, adds to the transition counts, weighted by how many
 * journeys followed its path: for a path c1 &gt; … &gt; ck with {@code conv} conversions and
 * {@code nulls} non-converting journeys, w = conv + nulls is added to start→c1 and to each step
 * c_i→c_{i+1} (repeats of a channel are kept, so A &gt; A is a self-loop), and ck→conversion gets
 * {@code conv}, ck→null gets {@code nulls}. Transition probabilities are the counts of a state divided
 * by all counts out of it.
 *
 * <h2>Conversion probability and removal effect</h2>
 * P(conversion) is the probability of absorption in {@code conversion} from {@code start}:
 * x_i = Σ_j p(i→j)·x_j + p(i→conversion) for every channel i, solved as the linear system
 * (I − Q)·x = r by Gaussian elimination with partial pivoting (no simulation, no iteration), then
 * P = Σ_i p(start→i)·x_i. Removing channel c sends every transition into c to {@code null}
 * (x_c = 0); the removal effect is RE(c) = 1 − P(conversion without c) / P(conversion), in [0, 1]
 * (tiny negative rounding is clamped to 0). With no conversion at all, every RE is 0.
 *
 * <h2>Credits</h2>
 * <ul>
 *   <li>Global (path analysis, ChannelAttribution's way): all conversions and all value split over
 *       every channel in proportion to RE: conversions(c) = total·RE(c)/Σ RE. Value is split by the
 *       same removal effects (RE is computed on conversion counts, not value).</li>
 *   <li>Per conversion ({@link #sharesOf(List)}, for stored credits): RE(c) / Σ RE over the distinct
 *       channels of that conversion's path.</li>
 * </ul>
 *
 * <p>Ties and edge cases: channels are compared by exact name (case-sensitive); results list channels
 * in alphabetical order. When every channel of a path (or, globally, every channel) has RE 0, the
 * split is equal. A channel the model never saw has RE 0. A channel seen only on paths with neither
 * conversions nor nulls has no transitions and RE 0. Worked example (SOURCE.md of the sample data):
 * A&gt;B&gt;A&gt;B&gt;B&gt;A, A&gt;B&gt;B&gt;A&gt;A and A&gt;A, one conversion each, give RE(A) = 1,
 * RE(B) = 0.5 and exactly A = 2, B = 1 conversions.
 *
 * <p>Instances are immutable and thread-safe. Fitting costs O(touches) to count plus one n×n solve
 * per channel (O(n⁴) for n channels).
 */
public final class MarkovModel implements ChannelShares {

    private final List<String> channels;
    private final Map<String, Integer> index;
    private final double[][] between;
    private final double[] fromStart;
    private final double[] toConversion;
    private final double[] toNull;
    private final long totalConversions;
    private final BigDecimal totalValue;
    private final double conversionProbability;
    private final Map<String, Double> removalEffects;

    private MarkovModel(Collection<PathCount> paths) {
        TreeSet<String> names = new TreeSet<>();
        paths.forEach(p -> names.addAll(p.channels()));
        channels = List.copyOf(names);
        index = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            index.put(channels.get(i), i);
        }
        int n = channels.size();
        between = new double[n][n];
        fromStart = new double[n];
        toConversion = new double[n];
        toNull = new double[n];
        long conversions = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (PathCount p : paths) {
            double weight = (double) p.conversions() + p.nulls();
            List<String> steps = p.channels();
            fromStart[index.get(steps.get(0))] += weight;
            for (int i = 0; i + 1 < steps.size(); i++) {
                between[index.get(steps.get(i))][index.get(steps.get(i + 1))] += weight;
            }
            int last = index.get(steps.get(steps.size() - 1));
            toConversion[last] += p.conversions();
            toNull[last] += p.nulls();
            conversions += p.conversions();
            value = value.add(p.value());
        }
        totalConversions = conversions;
        totalValue = value;
        conversionProbability = conversionProbabilityWithout(-1);
        Map<String, Double> effects = new TreeMap<>();
        for (int c = 0; c < n; c++) {
            double effect = conversionProbability == 0 ? 0
                    : 1 - conversionProbabilityWithout(c) / conversionProbability;
            effects.put(channels.get(c), Math.min(1, Math.max(0, effect)));
        }
        removalEffects = Collections.unmodifiableMap(effects);
    }

    /**
     * Fits the model on path data, converting and not.
     *
     * @param paths journeys aggregated by path; the same path may appear several times (counts add up)
     */
    public static MarkovModel fit(Collection<PathCount> paths) {
        return new MarkovModel(paths);
    }

    /** P(conversion) from {@code start} in the fitted chain, in [0, 1]. */
    public double conversionProbability() {
        return conversionProbability;
    }

    /** RE(c) for every channel seen, in [0, 1], by channel name in alphabetical order. */
    public Map<String, Double> removalEffects() {
        return removalEffects;
    }

    /** All conversions of the fitted data. */
    public long totalConversions() {
        return totalConversions;
    }

    /** All conversion value of the fitted data. */
    public BigDecimal totalValue() {
        return totalValue;
    }

    /**
     * Global attribution: every conversion and all value split over all channels in proportion to
     * their removal effects (equal split when all are 0); the conversions add up to
     * {@link #totalConversions()} and the values to {@link #totalValue()}.
     *
     * @return per channel, alphabetical
     */
    public Map<String, ChannelTotal> attribution() {
        double sum = removalEffects.values().stream().mapToDouble(Double::doubleValue).sum();
        double value = totalValue.doubleValue();
        Map<String, ChannelTotal> result = new TreeMap<>();
        removalEffects.forEach((channel, effect) -> {
            double share = sum > 0 ? effect / sum : 1.0 / removalEffects.size();
            result.put(channel, new ChannelTotal(totalConversions * share, value * share));
        });
        return Collections.unmodifiableMap(result);
    }

    /**
     * RE(c) / Σ RE over the distinct channels of the path (equal split when all are 0).
     *
     * @return shares in the order the channels first appear in the path, adding up to 1
     */
    @Override
    public Map<String, Double> sharesOf(List<String> path) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(path);
        double sum = 0;
        for (String c : distinct) {
            sum += removalEffects.getOrDefault(c, 0.0);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String c : distinct) {
            shares.put(c, sum > 0 ? removalEffects.getOrDefault(c, 0.0) / sum : 1.0 / distinct.size());
        }
        return Collections.unmodifiableMap(shares);
    }

    /**
     * P(conversion) with channel {@code removed} sent to null ({@code -1}: nothing removed). Only
     * channels with outgoing transitions take part: any other is never reached.
     */
    private double conversionProbabilityWithout(int removed) {
        List<Integer> kept = new ArrayList<>();
        double startTotal = 0;
        for (int i = 0; i < channels.size(); i++) {
            startTotal += fromStart[i];
            if (i != removed && outgoing(i) > 0) {
                kept.add(i);
            }
        }
        if (startTotal == 0 || kept.isEmpty()) {
            return 0;
        }
        int m = kept.size();
        double[][] a = new double[m][m];
        double[] r = new double[m];
        for (int row = 0; row < m; row++) {
            int i = kept.get(row);
            double out = outgoing(i);
            for (int col = 0; col < m; col++) {
                a[row][col] = -between[i][kept.get(col)] / out;
            }
            a[row][row] += 1;
            r[row] = toConversion[i] / out;
        }
        double[] x = LinearSystem.solve(a, r);
        double p = 0;
        for (int row = 0; row < m; row++) {
            p += fromStart[kept.get(row)] / startTotal * x[row];
        }
        return p;
    }

    private double outgoing(int i) {
        double out = toConversion[i] + toNull[i];
        for (double count : between[i]) {
            out += count;
        }
        return out;
    }
}
