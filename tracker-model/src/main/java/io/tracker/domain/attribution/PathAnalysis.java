package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every model side by side over path data (journeys aggregated by path, with no times): how many
 * conversions and how much value each channel gets from each model.
 *
 * <ul>
 *   <li>Rule-based models ({@code first_touch}, {@code last_touch}, {@code linear},
 *       {@code position_based}) are applied to each path as to one journey, exactly as
 *       {@link AttributionModel} credits a conversion, and their shares are multiplied by the path's
 *       conversions and by its value. Last touch is last non-direct: a channel named {@code direct}
 *       in any letter case gets the credit only when the path has nothing else.</li>
 *   <li>{@code markov}: {@link MarkovModel#attribution()}, fitted on all paths (converting or not),
 *       with each channel's removal effect.</li>
 *   <li>{@code shapley}: {@link ShapleyModel#attribution()}, fitted on all paths.</li>
 *   <li>{@code time_decay} needs the time of each touch and is not computed for path data.</li>
 * </ul>
 * Each model's conversions add up to the total conversions and its values to the total value
 * (up to floating-point rounding). Channels are listed in alphabetical order, each with every
 * model (0 where a model gives it nothing), including channels seen only on non-converting paths.
 */
public final class PathAnalysis {

    private static final List<AttributionModel> RULE_BASED = List.of(AttributionModel.FIRST_TOUCH,
            AttributionModel.LAST_TOUCH, AttributionModel.LINEAR, AttributionModel.POSITION_BASED);

    private final PathTotals totals;
    private final List<ChannelComparison> channels;

    private PathAnalysis(PathTotals totals, List<ChannelComparison> channels) {
        this.totals = totals;
        this.channels = List.copyOf(channels);
    }

    /** Analyses the paths (a path may appear several times; its counts add up). */
    public static PathAnalysis of(Collection<PathCount> paths) {
        long conversions = 0;
        long nulls = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        TreeSet<String> names = new TreeSet<>();
        Map<AttributionModel, Map<String, ChannelTotal>> ruleBased = new EnumMap<>(AttributionModel.class);
        RULE_BASED.forEach(m -> ruleBased.put(m, new HashMap<>()));
        for (PathCount p : paths) {
            conversions += p.conversions();
            nulls += p.nulls();
            revenue = revenue.add(p.value());
            names.addAll(p.channels());
            if (p.conversions() == 0) {
                continue;
            }
            List<JourneyTouch> journey = asJourney(p.channels());
            double value = p.value().doubleValue();
            for (AttributionModel model : RULE_BASED) {
                Map<String, ChannelTotal> byChannel = ruleBased.get(model);
                for (Credit credit : model.credits(journey)) {
                    byChannel.merge(credit.channel(), new ChannelTotal(p.conversions() * credit.share(), value * credit.share()),
                            (a, b) -> a.plus(b.conversions(), b.value()));
                }
            }
        }
        MarkovModel markov = MarkovModel.fit(paths);
        Map<String, ChannelTotal> markovCredit = markov.attribution();
        Map<String, ChannelTotal> shapleyCredit = ShapleyModel.fit(paths).attribution();
        List<ChannelComparison> channels = new ArrayList<>(names.size());
        for (String c : names) {
            channels.add(new ChannelComparison(c,
                    get(ruleBased.get(AttributionModel.FIRST_TOUCH), c),
                    get(ruleBased.get(AttributionModel.LAST_TOUCH), c),
                    get(ruleBased.get(AttributionModel.LINEAR), c),
                    get(ruleBased.get(AttributionModel.POSITION_BASED), c),
                    get(markovCredit, c),
                    markov.removalEffects().getOrDefault(c, 0.0),
                    get(shapleyCredit, c)));
        }
        return new PathAnalysis(new PathTotals(conversions, revenue, nulls), channels);
    }

    public PathTotals totals() {
        return totals;
    }

    /** One entry per channel, alphabetical. */
    public List<ChannelComparison> channels() {
        return channels;
    }

    /** The path as a journey of touches one second apart (the rule-based models look only at the order). */
    private static List<JourneyTouch> asJourney(List<String> path) {
        List<JourneyTouch> journey = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            journey.add(new JourneyTouch(i + 1, Instant.EPOCH.plusSeconds(i), path.get(i), ""));
        }
        return journey;
    }

    private static ChannelTotal get(Map<String, ChannelTotal> credit, String channel) {
        return credit.getOrDefault(channel, ChannelTotal.ZERO);
    }
}
