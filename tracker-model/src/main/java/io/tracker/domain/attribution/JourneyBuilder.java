package io.tracker.domain.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts one visitor's (or one person's) history into the journey of each conversion.
 *
 * <p>A conversion's journey is the visitor's touches at or before the conversion's instant,
 * no older than the lookback window (30 days by default, measured back from the conversion),
 * and later than the visitor's previous conversion of the same conversion action. Restarting
 * per action, not after any conversion, keeps a micro conversion (add to cart) from cutting
 * the ad click out of the purchase that follows it; each action is attributed on its own,
 * as Google Ads does. Touches at the same instant as a conversion belong to it (an offline row
 * that is both a touch and a conversion is its own journey's last touch).
 */
public final class JourneyBuilder {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);

    private static final Comparator<JourneyTouch> TOUCH_ORDER =
            Comparator.comparing(JourneyTouch::at).thenComparingLong(JourneyTouch::touchpointId);
    private static final Comparator<ConversionPoint> CONVERSION_ORDER =
            Comparator.comparing(ConversionPoint::at).thenComparingLong(ConversionPoint::conversionId);

    private final Duration lookback;

    public JourneyBuilder(Duration lookback) {
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("lookback window must be positive");
        }
        this.lookback = lookback;
    }

    /**
     * The journey of each conversion of one visitor.
     *
     * @param touches     the visitor's touches, in any order
     * @param conversions the visitor's conversions, in any order
     * @return each conversion (in time order) with its touches, oldest first
     */
    public Map<ConversionPoint, List<JourneyTouch>> journeys(List<JourneyTouch> touches,
                                                             List<ConversionPoint> conversions) {
        List<JourneyTouch> sortedTouches = touches.stream().sorted(TOUCH_ORDER).toList();
        List<ConversionPoint> sortedConversions = conversions.stream().sorted(CONVERSION_ORDER).toList();

        Map<Long, Instant> previousConversionOfAction = new HashMap<>();
        Map<ConversionPoint, List<JourneyTouch>> result = new LinkedHashMap<>();
        for (ConversionPoint c : sortedConversions) {
            Instant windowStart = c.at().minus(lookback);
            Instant previous = previousConversionOfAction.get(c.actionId());
            List<JourneyTouch> journey = new ArrayList<>();
            for (JourneyTouch t : sortedTouches) {
                if (t.at().isAfter(c.at())) {
                    break;
                }
                boolean inWindow = !t.at().isBefore(windowStart);
                boolean afterPrevious = previous == null || t.at().isAfter(previous);
                if (inWindow && afterPrevious) {
                    journey.add(t);
                }
            }
            result.put(c, List.copyOf(journey));
            previousConversionOfAction.put(c.actionId(), c.at());
        }
        return result;
    }

    /**
     * The journey of each conversion of these visitors, per person: a person's visitors (see
     * {@link Persons}) share one history, so a conversion on one device gets the touches of the
     * person's other devices, under the same rules as one visitor's.
     *
     * @param persons              the visitors joined into persons
     * @param touchesByVisitor     touches per visitor id (visitors without any may be missing)
     * @param conversionsByVisitor conversions per visitor id
     * @return each conversion with its touches, oldest first; persons in {@link Persons#groups()} order
     */
    public Map<ConversionPoint, List<JourneyTouch>> journeys(Persons persons,
                                                             Map<String, List<JourneyTouch>> touchesByVisitor,
                                                             Map<String, List<ConversionPoint>> conversionsByVisitor) {
        Map<ConversionPoint, List<JourneyTouch>> result = new LinkedHashMap<>();
        for (var person : persons.groups()) {
            List<ConversionPoint> conversions = new ArrayList<>();
            List<JourneyTouch> touches = new ArrayList<>();
            for (String visitor : person) {
                conversions.addAll(conversionsByVisitor.getOrDefault(visitor, List.of()));
                touches.addAll(touchesByVisitor.getOrDefault(visitor, List.of()));
            }
            if (!conversions.isEmpty()) {
                result.putAll(journeys(touches, conversions));
            }
        }
        return result;
    }
}
