package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths a data-driven model ({@link MarkovModel}, {@link ShapleyModel}) is fitted on, for one
 * conversion action of one tenant, gathered from its persons' histories:
 *
 * <ul>
 *   <li><b>converting paths</b>: the channels of each counted conversion's journey (as attribution builds
 *       it, {@link JourneyBuilder}), with the conversion's value; a conversion without any touch adds no
 *       path (it is credited to Direct whatever the model);</li>
 *   <li><b>non-converting (null) paths</b>: per person, its touches <em>after</em> its last conversion of
 *       the action (touches at that conversion's instant belong to the conversion), or all its touches if
 *       it never converted the action, no older than the lookback window before the person's latest of
 *       those touches (so a null path spans what a converting one may); a person with no such touch adds
 *       nothing. Each person adds at most one null path per action.</li>
 * </ul>
 *
 * Paths with the same channel sequence are summed into one {@link PathCount}. Channels keep their
 * repeats ({@code Email > Email > Direct}); the models decide what repeats mean.
 */
public final class DataDrivenPaths {

    private static final Comparator<JourneyTouch> TOUCH_ORDER =
            Comparator.comparing(JourneyTouch::at).thenComparingLong(JourneyTouch::touchpointId);

    private final Duration lookback;
    private final Map<List<String>, long[]> counts = new LinkedHashMap<>();
    private final Map<List<String>, BigDecimal> values = new LinkedHashMap<>();

    /** @param lookback the action's lookback window (positive), as its converting journeys use */
    public DataDrivenPaths(Duration lookback) {
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("lookback window must be positive");
        }
        this.lookback = lookback;
    }

    /** Adds one conversion's journey (oldest first); an empty journey adds nothing. */
    public void converted(List<JourneyTouch> journey, BigDecimal value) {
        if (journey.isEmpty()) {
            return;
        }
        List<String> path = channels(journey);
        counts.computeIfAbsent(path, p -> new long[2])[0]++;
        values.merge(path, value, BigDecimal::add);
    }

    /**
     * Adds one person's non-converting path, if it has one.
     *
     * @param touches        all the person's touches, in any order
     * @param lastConversion the instant of the person's last counted conversion of the action, null if none
     */
    public void notConverted(List<JourneyTouch> touches, Instant lastConversion) {
        List<JourneyTouch> after = nonConvertingPath(touches, lastConversion, lookback);
        if (!after.isEmpty()) {
            counts.computeIfAbsent(channels(after), p -> new long[2])[1]++;
        }
    }

    /** The touches of a person's non-converting path, oldest first (see the class comment). */
    static List<JourneyTouch> nonConvertingPath(List<JourneyTouch> touches, Instant lastConversion, Duration lookback) {
        List<JourneyTouch> after = new ArrayList<>();
        for (JourneyTouch t : touches) {
            if (lastConversion == null || t.at().isAfter(lastConversion)) {
                after.add(t);
            }
        }
        if (after.isEmpty()) {
            return List.of();
        }
        after.sort(TOUCH_ORDER);
        Instant windowStart = after.get(after.size() - 1).at().minus(lookback);
        return after.stream().filter(t -> !t.at().isBefore(windowStart)).toList();
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
