package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The paths a data-driven model ({@link MarkovModel}, {@link ShapleyModel}) is fitted on, for one
 * conversion action of one tenant, gathered person by person under the action's {@link JourneyRules}:
 *
 * <ul>
 *   <li><b>converting paths</b>: the channels of each counted conversion's journey, the very journeys
 *       the rule-based models credit ({@link JourneyBuilder}: the action's click-through lookback and
 *       view-through windows, journey start and counting), with the conversion's value; a conversion
 *       without any touch adds no path (it is credited to Direct whatever the model). A conversion that
 *       is not counted (a repeat under counting "one") adds nothing.</li>
 *   <li><b>non-converting (null) paths</b>: a person's touches that are in none of its counted journeys
 *       of the action (a person that never converted it: all its touches), cut into would-be journeys
 *       the way a conversion cuts its journey: the newest such touch ends a path, which holds the
 *       remaining such touches within the action's windows before it (clicks: the lookback; ad
 *       impressions: the view-through window; a touch exactly on the window's start is in); those
 *       touches are taken out and the newest touch left ends the next path, until none is left. Every
 *       touch is thus in exactly one path of the action, converting or not: a touch too old for its
 *       conversion's window (an 8-day-old click under a 7-day lookback) ends up in a null path, never
 *       in the converting one. No null path spans a counted conversion, whatever the journey start: a
 *       touch that the first counted conversion after it left out was too old for that conversion's
 *       window, so it is too old for the window of any touch after that conversion.</li>
 * </ul>
 *
 * Paths with the same channel sequence are summed into one {@link PathCount}. Channels keep their
 * repeats ({@code Email > Email > Direct}); the models decide what repeats mean. A null path's touches
 * are ordered by time, then channel (at one instant, the channel sequence {@link JourneyBuilder}'s
 * order gives), then touchpoint id.
 */
public final class DataDrivenPaths {

    private static final Comparator<JourneyTouch> TOUCH_ORDER = Comparator.comparing(JourneyTouch::at)
            .thenComparing(JourneyTouch::channel).thenComparingLong(JourneyTouch::touchpointId);

    private final JourneyRules rules;
    private final Map<List<String>, long[]> counts = new LinkedHashMap<>();
    private final Map<List<String>, BigDecimal> values = new LinkedHashMap<>();

    /** @param rules the action's journey settings, as its converting journeys were built with */
    public DataDrivenPaths(JourneyRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    /** Adds one counted conversion's journey (in {@link JourneyBuilder}'s order); an empty journey adds nothing. */
    public void converted(List<JourneyTouch> journey, BigDecimal value) {
        if (journey.isEmpty()) {
            return;
        }
        List<String> path = channels(journey);
        counts.computeIfAbsent(path, p -> new long[2])[0]++;
        values.merge(path, value, BigDecimal::add);
    }

    /**
     * Adds one person's non-converting paths, if it has any (see the class comment).
     *
     * @param history  all the person's touches, in any order
     * @param journeys the person's counted journeys of this action, in any order (none if it never converted it)
     */
    public void notConverted(List<JourneyTouch> history, List<Journey> journeys) {
        for (List<JourneyTouch> path : nonConvertingPaths(history, journeys, rules)) {
            counts.computeIfAbsent(channels(path), p -> new long[2])[1]++;
        }
    }

    /** A person's non-converting paths, newest first, each oldest touch first (see the class comment). */
    static List<List<JourneyTouch>> nonConvertingPaths(List<JourneyTouch> history, List<Journey> journeys,
                                                       JourneyRules rules) {
        Set<Long> inJourneys = new HashSet<>();
        journeys.forEach(j -> j.touches().forEach(t -> inJourneys.add(t.touchpointId())));
        List<JourneyTouch> left = history.stream().filter(t -> !inJourneys.contains(t.touchpointId()))
                .sorted(TOUCH_ORDER).toList();
        Duration longest = rules.longestWindow();
        boolean[] taken = new boolean[left.size()];
        List<List<JourneyTouch>> paths = new ArrayList<>();
        for (int end = left.size() - 1; end >= 0; end--) {
            if (taken[end]) {
                continue;
            }
            Instant endAt = left.get(end).at();
            List<JourneyTouch> path = new ArrayList<>();
            // Newest first, back to the longest window: a dense history costs its windows, not its square.
            for (int i = end; i >= 0 && !left.get(i).at().isBefore(endAt.minus(longest)); i--) {
                JourneyTouch t = left.get(i);
                if (!taken[i] && !t.at().isBefore(endAt.minus(rules.windowFor(t)))) {
                    taken[i] = true;
                    path.add(t);
                }
            }
            Collections.reverse(path);
            paths.add(path);
        }
        return paths;
    }

    /** The gathered paths, each distinct channel sequence once. */
    public Collection<PathCount> paths() {
        List<PathCount> paths = new ArrayList<>(counts.size());
        counts.forEach((path, c) -> paths.add(new PathCount(path, c[0], values.getOrDefault(path, BigDecimal.ZERO), c[1])));
        return paths;
    }

    private static List<String> channels(List<JourneyTouch> touches) {
        return touches.stream().map(JourneyTouch::channel).toList();
    }
}
