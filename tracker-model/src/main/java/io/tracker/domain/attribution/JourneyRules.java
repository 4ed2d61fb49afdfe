package io.tracker.domain.attribution;

import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.JourneyStart;
import java.time.Duration;
import java.util.Objects;

/**
 * What a conversion action's settings say about its journeys (columns {@code lookback_days},
 * {@code view_through_days}, {@code journey_start}, {@code counting} of {@code conversion_action}).
 *
 * @param lookback     how far back from a conversion a click (any non-impression touch) counts; positive
 * @param viewThrough  how far back from a conversion an ad impression counts; positive
 * @param journeyStart the whole window, or the window cut after the previous counted conversion
 * @param counting     {@code EVERY} conversion counts, or {@code ONE} per journey (see {@link JourneyBuilder})
 */
public record JourneyRules(Duration lookback, Duration viewThrough, JourneyStart journeyStart, CountingMode counting) {

    /** The defaults of a new conversion action: 30 days click-through, 1 day view-through, whole window, every. */
    public static final JourneyRules DEFAULT = new JourneyRules(Duration.ofDays(30), Duration.ofDays(1),
            JourneyStart.LOOKBACK, CountingMode.EVERY);

    public JourneyRules {
        Objects.requireNonNull(journeyStart);
        Objects.requireNonNull(counting);
        if (lookback.isNegative() || lookback.isZero() || viewThrough.isNegative() || viewThrough.isZero()) {
            throw new IllegalArgumentException("lookback and view-through windows must be positive");
        }
    }

    /** The settings of an action as stored: windows in whole days. */
    public static JourneyRules ofDays(int lookbackDays, int viewThroughDays, JourneyStart journeyStart,
                                      CountingMode counting) {
        return new JourneyRules(Duration.ofDays(lookbackDays), Duration.ofDays(viewThroughDays), journeyStart, counting);
    }

    /** The oldest touch of either kind a conversion can reach. */
    public Duration longestWindow() {
        return lookback.compareTo(viewThrough) >= 0 ? lookback : viewThrough;
    }

    /** How far back this touch may lie before the conversion. */
    Duration windowFor(JourneyTouch touch) {
        return touch.isImpression() ? viewThrough : lookback;
    }
}
