package io.tracker.domain.attribution;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Shapley-value data-driven model: a cooperative game over channel coalitions (Shapley 1953),
 * as applied to attribution by Dalessandro et al. 2012, with coalition worth taken from the
 * conversion rates of observed channel sets.
 *
 * <h2>The game</h2>
 * The worth of a coalition S (a set of distinct channels) is the conversion rate of the journeys
 * whose set of distinct channels is exactly S: v(S) = conversions / (conversions + nulls) over those
 * journeys, and v(S) = 0 when no journey (or only journeys with neither) has that set; v(∅) = 0.
 * The order of touches and repeats do not matter to the game.
 *
 * <h2>Shares of one conversion</h2>
 * For a path whose distinct channels are P, each c ∈ P gets its Shapley value in the game restricted
 * to the subsets of P:
 * φ(c) = Σ over S ⊆ P∖{c} of |S|!·(|P|−|S|−1)!/|P|! · (v(S ∪ {c}) − v(S)).
 * Both ways below are exact (no sampling):
 * <ul>
 *   <li>|P| ≤ {@value #EXACT_LIMIT}: by enumerating all 2^|P| subsets;</li>
 *   <li>|P| &gt; {@value #EXACT_LIMIT}: enumeration would be too slow, but v is 0 on every coalition
 *       no converting journey has, so the same sum regrouped by coalition,
 *       φ(c) = Σ_{S ⊆ P, c ∈ S} w(|S|−1)·v(S) − Σ_{S ⊆ P, c ∉ S} w(|S|)·v(S) with
 *       w(s) = s!·(|P|−s−1)!/|P|!, needs only the coalitions seen with conversions: its cost is
 *       bounded by the data (distinct channel sets × |P|), not by 2^|P|. This replaces the usual
 *       Monte Carlo estimate over random orders, which would only approximate the same number.</li>
 * </ul>
 * Negative values are clamped to 0, then the values are normalised to shares adding up to 1; when
 * every value is 0 the channels share equally. Shares are cached per distinct channel set.
 *
 * <h2>Global attribution</h2>
 * Σ over converting paths of (conversions, value) × the path's shares, so the conversions add up to
 * all conversions and the values to all value.
 *
 * <p>Ties and edge cases: channels are compared by exact name (case-sensitive); a channel the model
 * never saw makes every coalition containing it worth 0. Instances are thread-safe.
 */
public final class ShapleyModel implements ChannelShares {

    /** Largest channel set solved by enumerating its subsets (2^15 = 32,768 coalitions). */
    public static final int EXACT_LIMIT = 15;

    private final Map<String, Integer> index = new HashMap<>();
    /** Worth of every coalition seen, keyed by the set of channel indexes. */
    private final Map<BitSet, Double> worth = new HashMap<>();
    /** Converting journeys per distinct channel set (sorted names): conversions and value. */
    private final Map<List<String>, double[]> converting = new HashMap<>();
    /** The coalitions with a positive worth, as {@link BitSet#toLongArray()} words, with their worth. */
    private final List<Map.Entry<long[], Double>> positive = new ArrayList<>();
    private final Map<List<String>, Map<String, Double>> cache = new ConcurrentHashMap<>();

    private ShapleyModel(Collection<PathCount> paths) {
        Map<BitSet, long[]> counts = new HashMap<>();
        for (PathCount p : paths) {
            List<String> set = sortedDistinct(p.channels());
            BitSet key = new BitSet();
            for (String c : set) {
                key.set(index.computeIfAbsent(c, k -> index.size()));
            }
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0] += p.conversions();
            c[1] += p.nulls();
            if (p.conversions() > 0) {
                double[] totals = converting.computeIfAbsent(set, k -> new double[2]);
                totals[0] += p.conversions();
                totals[1] += p.value().doubleValue();
            }
        }
        counts.forEach((key, c) -> {
            long journeys = c[0] + c[1];
            double rate = journeys == 0 ? 0.0 : (double) c[0] / journeys;
            worth.put(key, rate);
            if (rate > 0) {
                positive.add(Map.entry(key.toLongArray(), rate));
            }
        });
    }

    /**
     * Fits the model on path data, converting and not.
     *
     * @param paths journeys aggregated by path; the same path may appear several times (counts add up)
     */
    public static ShapleyModel fit(Collection<PathCount> paths) {
        return new ShapleyModel(paths);
    }

    /** v(S): the conversion rate of the journeys whose distinct channels are exactly {@code channels}; 0 if none. */
    public double worth(Collection<String> channels) {
        BitSet key = new BitSet();
        for (String c : new LinkedHashSet<>(channels)) {
            Integer i = index.get(c);
            if (i == null) {
                return 0;
            }
            key.set(i);
        }
        return worth.getOrDefault(key, 0.0);
    }

    /**
     * The Shapley shares of the path's distinct channels (see the class comment).
     *
     * @return shares in the order the channels first appear in the path, adding up to 1
     */
    @Override
    public Map<String, Double> sharesOf(List<String> path) {
        Map<String, Double> bySorted = cache.computeIfAbsent(sortedDistinct(path), this::computeShares);
        Map<String, Double> inPathOrder = new LinkedHashMap<>();
        for (String c : new LinkedHashSet<>(path)) {
            inPathOrder.put(c, bySorted.get(c));
        }
        return Collections.unmodifiableMap(inPathOrder);
    }

    /**
     * Global attribution: Σ over converting paths of conversions and value × the path's shares.
     *
     * @return per channel that received credit or was seen, alphabetical
     */
    public Map<String, ChannelTotal> attribution() {
        Map<String, ChannelTotal> result = new TreeMap<>();
        index.keySet().forEach(c -> result.put(c, ChannelTotal.ZERO));
        converting.forEach((set, totals) -> sharesOf(set)
                .forEach((c, share) -> result.merge(c, new ChannelTotal(totals[0] * share, totals[1] * share),
                        (a, b) -> a.plus(b.conversions(), b.value()))));
        return Collections.unmodifiableMap(result);
    }

    private Map<String, Double> computeShares(List<String> set) {
        double[] phi = set.size() <= EXACT_LIMIT ? byEnumeration(set) : bySeenCoalitions(set);
        double sum = 0;
        for (int i = 0; i < phi.length; i++) {
            phi[i] = Math.max(0, phi[i]);
            sum += phi[i];
        }
        Map<String, Double> shares = new HashMap<>();
        for (int i = 0; i < phi.length; i++) {
            shares.put(set.get(i), sum > 0 ? phi[i] / sum : 1.0 / phi.length);
        }
        return shares;
    }

    /** φ by the definition, over all 2^|P| subsets; {@code set} sorted and distinct. */
    double[] byEnumeration(List<String> set) {
        int n = set.size();
        double[] v = new double[1 << n];
        for (int mask = 1; mask < v.length; mask++) {
            v[mask] = worthOf(set, mask);
        }
        double[] factorial = new double[n + 1];
        factorial[0] = 1;
        for (int i = 1; i <= n; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        double[] phi = new double[n];
        for (int mask = 0; mask < v.length; mask++) {
            int size = Integer.bitCount(mask);
            if (size == n) {
                continue;
            }
            double weight = factorial[size] * factorial[n - size - 1] / factorial[n];
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) == 0) {
                    phi[i] += weight * (v[mask | (1 << i)] - v[mask]);
                }
            }
        }
        return phi;
    }

    private double worthOf(List<String> set, int localMask) {
        BitSet key = new BitSet();
        for (int i = 0; i < set.size(); i++) {
            if ((localMask & (1 << i)) != 0) {
                Integer global = index.get(set.get(i));
                if (global == null) {
                    return 0;
                }
                key.set(global);
            }
        }
        return worth.getOrDefault(key, 0.0);
    }

    /** φ regrouped by coalition, over the coalitions seen with conversions only; {@code set} sorted and distinct. */
    double[] bySeenCoalitions(List<String> set) {
        int n = set.size();
        BitSet whole = new BitSet();
        Map<Integer, Integer> local = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer g = index.get(set.get(i));
            if (g != null) {
                whole.set(g);
                local.put(g, i);
            }
        }
        long[] p = whole.toLongArray();
        double[] logFactorial = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double[] phi = new double[n];
        for (Map.Entry<long[], Double> coalition : positive) {
            long[] s = coalition.getKey();
            if (!subset(s, p)) {
                continue;
            }
            int size = 0;
            for (long word : s) {
                size += Long.bitCount(word);
            }
            double v = coalition.getValue();
            double asJoined = size == 0 ? 0 : Math.exp(logFactorial[size - 1] + logFactorial[n - size] - logFactorial[n]);
            double asBase = size == n ? 0 : Math.exp(logFactorial[size] + logFactorial[n - size - 1] - logFactorial[n]);
            boolean[] member = new boolean[n];
            BitSet.valueOf(s).stream().forEach(g -> member[local.get(g)] = true);
            for (int i = 0; i < n; i++) {
                phi[i] += member[i] ? asJoined * v : -asBase * v;
            }
        }
        return phi;
    }

    private static boolean subset(long[] s, long[] p) {
        if (s.length > p.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if ((s[i] & ~p[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sortedDistinct(List<String> channels) {
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(channels));
        Collections.sort(sorted);
        return List.copyOf(sorted);
    }
}
