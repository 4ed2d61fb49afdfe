package io.tracker.domain.attribution;

import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.JourneyStart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Cuts one person's history into the journey of each conversion, under the settings of each
 * conversion's action ({@link JourneyRules}).
 *
 * <h2>Window</h2>
 * A conversion's journey is the person's touches at or before the conversion's instant and no
 * older than the action's window, measured back from the conversion: the click-through lookback
 * (30 days by default) for clicks, the view-through window (1 day by default) for ad impressions;
 * a touch exactly on the window's start is in. An impression in the window stays in the journey even
 * when a click precedes it; which of them last touch credits is the model's rule (a click takes
 * precedence, {@link AttributionModel#LAST_TOUCH}). With {@link JourneyStart#LOOKBACK} (the default)
 * that is all: each conversion looks back over its own window whatever converted before, as
 * Google Ads, GA4 and Matomo count (from twitter.com on 1 May, direct on 3 and 4 May with a
 * purchase each time: last non-direct credits twitter twice). With
 * {@link JourneyStart#AFTER_PREVIOUS_CONVERSION} the journey keeps only touches strictly after the
 * person's previous counted conversion of the same action. Each action is cut on its own, so a
 * micro conversion (add to cart) never cuts the ad click out of the purchase that follows it.
 *
 * <h2>Order (the tie rule)</h2>
 * One deterministic order, independent of the order events arrived in and of database ids:
 * <ol>
 *   <li>by time, oldest first;</li>
 *   <li>at the same instant, the conversion's own touch last: the touch stored under the
 *       conversion's event id, or under the event id the conversion's id extends with
 *       {@code ":"}, as imports name them (a CSV row that is a touch {@code csv:…:1} and a
 *       conversion {@code csv:…:1:conversion}; a GA session {@code ga:…} and its transaction
 *       {@code ga:…:transaction}). A converting row is thus its own last touch;</li>
 *   <li>then by content: channel, campaign, source / medium, interaction, event id (event ids are
 *       unique per tenant, so this is a total order of stored touches).</li>
 * </ol>
 * Conversions are taken by time, then event id (the conversion id only breaks ties between
 * conversions without event ids, which stored ones never are).
 *
 * <h2>Counting</h2>
 * For an action counted {@link CountingMode#ONE} (Google Ads' "one": one conversion per ad
 * interaction), a person's conversions of the action whose journeys have the same anchor count
 * once: the earliest in the order above. The anchor is the touch last touch would credit (the
 * last non-direct click, else the last non-direct impression, else the last touch; see
 * {@link AttributionModel#LAST_TOUCH}) in the conversion's whole window, whatever the
 * journey start; conversions without any touch in their window share one anchor, "no touch". The
 * others are returned with {@code counted = false}. {@link CountingMode#EVERY} counts each one.
 * (Repeated order ids and event ids never reach attribution: ingestion drops them.)
 */
public final class JourneyBuilder {

    public static final Duration DEFAULT_LOOKBACK = JourneyRules.DEFAULT.lookback();
    /** The longest click-through window an action can have (90 days): how far back touches are ever needed. */
    public static final Duration LONGEST_LOOKBACK = Duration.ofDays(90);

    private static final Comparator<JourneyTouch> CONTENT_ORDER = Comparator.comparing(JourneyTouch::at)
            .thenComparing(JourneyTouch::channel)
            .thenComparing(JourneyTouch::campaign)
            .thenComparing(JourneyTouch::sourceMedium)
            .thenComparing(JourneyTouch::interaction)
            .thenComparing(JourneyTouch::eventId);
    private static final Comparator<ConversionPoint> CONVERSION_ORDER = Comparator.comparing(ConversionPoint::at)
            .thenComparing(ConversionPoint::eventId)
            .thenComparingLong(ConversionPoint::conversionId);
    private static final Object NO_TOUCH = new Object();

    private final LongFunction<JourneyRules> rulesOfAction;

    /**
     * @param rulesOfAction the settings of each action id; never returns null
     */
    public JourneyBuilder(LongFunction<JourneyRules> rulesOfAction) {
        this.rulesOfAction = Objects.requireNonNull(rulesOfAction);
    }

    /** Every action with this click-through lookback and the other defaults of {@link JourneyRules#DEFAULT}. */
    public JourneyBuilder(Duration lookback) {
        this(new JourneyRules(lookback, JourneyRules.DEFAULT.viewThrough(), JourneyStart.LOOKBACK, CountingMode.EVERY));
    }

    /** Every action with these settings. */
    public JourneyBuilder(JourneyRules rules) {
        this(action -> rules);
        Objects.requireNonNull(rules);
    }

    /** The actions' settings by id; an action missing from the map gets {@link JourneyRules#DEFAULT}. */
    public static JourneyBuilder of(Map<Long, JourneyRules> rulesByAction) {
        Map<Long, JourneyRules> copy = Map.copyOf(rulesByAction);
        return new JourneyBuilder(action -> copy.getOrDefault(action, JourneyRules.DEFAULT));
    }

    /**
     * The journey of each conversion of one person.
     *
     * @param touches     the person's touches, in any order
     * @param conversions the person's conversions, in any order
     * @return one journey per conversion, conversions in the order above
     */
    public List<Journey> build(List<JourneyTouch> touches, List<ConversionPoint> conversions) {
        List<JourneyTouch> ordered = touches.stream().sorted(CONTENT_ORDER).toList();
        List<ConversionPoint> sortedConversions = conversions.stream().sorted(CONVERSION_ORDER).toList();

        Map<Long, Instant> previousCounted = new HashMap<>();
        Map<Long, Set<Object>> anchorsCounted = new HashMap<>();
        List<Journey> result = new ArrayList<>(sortedConversions.size());
        for (ConversionPoint c : sortedConversions) {
            JourneyRules rules = rulesOfAction.apply(c.actionId());
            List<JourneyTouch> window = window(ordered, c, rules);
            boolean counted = rules.counting() == CountingMode.EVERY
                    || anchorsCounted.computeIfAbsent(c.actionId(), a -> new HashSet<>()).add(anchor(window));
            List<JourneyTouch> journey = window;
            Instant previous = previousCounted.get(c.actionId());
            if (rules.journeyStart() == JourneyStart.AFTER_PREVIOUS_CONVERSION && previous != null) {
                journey = window.stream().filter(t -> t.at().isAfter(previous)).toList();
            }
            result.add(new Journey(c, journey, counted));
            if (counted) {
                previousCounted.put(c.actionId(), c.at());
            }
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
     * @return the journeys of each person in turn, persons in {@link Persons#groups()} order
     */
    public List<Journey> build(Persons persons, Map<String, List<JourneyTouch>> touchesByVisitor,
                               Map<String, List<ConversionPoint>> conversionsByVisitor) {
        List<Journey> result = new ArrayList<>();
        for (var person : persons.groups()) {
            List<ConversionPoint> conversions = new ArrayList<>();
            List<JourneyTouch> touches = new ArrayList<>();
            for (String visitor : person) {
                conversions.addAll(conversionsByVisitor.getOrDefault(visitor, List.of()));
                touches.addAll(touchesByVisitor.getOrDefault(visitor, List.of()));
            }
            if (!conversions.isEmpty()) {
                result.addAll(build(touches, conversions));
            }
        }
        return result;
    }

    /** {@link #build(List, List)} as a map from each conversion (in order) to its touches, counted or not. */
    public Map<ConversionPoint, List<JourneyTouch>> journeys(List<JourneyTouch> touches,
                                                             List<ConversionPoint> conversions) {
        return asMap(build(touches, conversions));
    }

    /** {@link #build(Persons, Map, Map)} as a map from each conversion to its touches, counted or not. */
    public Map<ConversionPoint, List<JourneyTouch>> journeys(Persons persons,
                                                             Map<String, List<JourneyTouch>> touchesByVisitor,
                                                             Map<String, List<ConversionPoint>> conversionsByVisitor) {
        return asMap(build(persons, touchesByVisitor, conversionsByVisitor));
    }

    /**
     * True when the touch was stored by the same event (or import row) as the conversion: the
     * same event id, or the conversion's id is the touch's followed by {@code ":"} and a suffix.
     */
    public static boolean isOwnTouch(ConversionPoint conversion, JourneyTouch touch) {
        String c = conversion.eventId();
        String t = touch.eventId();
        return !t.isEmpty() && (c.equals(t) || (c.length() > t.length() && c.startsWith(t) && c.charAt(t.length()) == ':'));
    }

    /** The touches within the conversion's windows, in the documented order. */
    private static List<JourneyTouch> window(List<JourneyTouch> ordered, ConversionPoint c, JourneyRules rules) {
        List<JourneyTouch> window = new ArrayList<>();
        for (JourneyTouch t : ordered) {
            if (t.at().isAfter(c.at())) {
                break;
            }
            if (!t.at().isBefore(c.at().minus(rules.windowFor(t)))) {
                window.add(t);
            }
        }
        // Stable: touches keep their content order except that the own touch goes last at its instant.
        window.sort(Comparator.comparing(JourneyTouch::at).thenComparing(t -> isOwnTouch(c, t)));
        return window;
    }

    private static Object anchor(List<JourneyTouch> window) {
        return window.isEmpty() ? NO_TOUCH : window.get(AttributionModel.lastTouchIndex(window));
    }

    private static Map<ConversionPoint, List<JourneyTouch>> asMap(List<Journey> journeys) {
        Map<ConversionPoint, List<JourneyTouch>> map = new LinkedHashMap<>();
        journeys.forEach(j -> map.put(j.conversion(), j.touches()));
        return map;
    }
}
