package io.tracker.domain.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visit each conversion happened in, as the dashboard's converted visits count them: its visitor's
 * latest touch at or before it (a touch at the same instant counts; of several at that latest instant,
 * the one with the highest touchpoint id, the one stored last). Any touch counts, whatever its channel or
 * interaction; only the conversion's own visitor's touches, not those of the other visitors of its
 * person (a visit is one browser's arrival).
 *
 * <p>Worked out from touches already read for attribution, which cover each visitor from some instant up
 * to at least its last conversion. A conversion with no touch of its visitor at or before it among them
 * is {@linkplain Result#unresolved() unresolved}: its visit, if it has one, lies before the touches
 * read, and the caller looks it up.
 */
public final class ConversionVisits {

    /** Oldest first, by instant, then by touchpoint id: of touches at one instant, the highest id comes last. */
    private static final Comparator<JourneyTouch> BY_TIME = Comparator.comparing(JourneyTouch::at)
            .thenComparingLong(JourneyTouch::touchpointId);

    private ConversionVisits() {
    }

    /**
     * A conversion's visit.
     *
     * @param touchpointId the touchpoint's id
     * @param at           when it happened (UTC instant)
     */
    public record Visit(long touchpointId, Instant at) {
    }

    /**
     * @param found      each conversion whose visit is among the touches given, by conversion id
     * @param unresolved the other conversions' ids, in the order given
     */
    public record Result(Map<Long, Visit> found, Set<Long> unresolved) {
    }

    /**
     * The visit of every conversion given.
     *
     * @param conversions by visitor id
     * @param touches     by visitor id, in any order: for each visitor, every touch from some instant up to at
     *                    least its last conversion (a visitor missing here has none in that span)
     */
    public static Result of(Map<String, List<ConversionPoint>> conversions, Map<String, List<JourneyTouch>> touches) {
        Map<Long, Visit> found = new HashMap<>();
        Set<Long> unresolved = new LinkedHashSet<>();
        conversions.forEach((visitor, converted) -> {
            List<JourneyTouch> sorted = new ArrayList<>(touches.getOrDefault(visitor, List.of()));
            sorted.sort(BY_TIME);
            for (ConversionPoint c : converted) {
                JourneyTouch visit = latestAtOrBefore(sorted, c.at());
                if (visit == null) {
                    unresolved.add(c.conversionId());
                } else {
                    found.put(c.conversionId(), new Visit(visit.touchpointId(), visit.at()));
                }
            }
        });
        return new Result(Collections.unmodifiableMap(found), Collections.unmodifiableSet(unresolved));
    }

    /** The last touch at or before the instant in touches sorted {@link #BY_TIME}, or null. */
    private static JourneyTouch latestAtOrBefore(List<JourneyTouch> sorted, Instant at) {
        // Finds how many touches lie at or before the instant: the last of them is the visit.
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).at().isAfter(at)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low == 0 ? null : sorted.get(low - 1);
    }
}
