package io.tracker.domain.conversion;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;

/**
 * Everything about a conversion action but its key, checked: what a create or an update sets. Messages
 * name the API's field ({@code lookback_days}, {@code trigger.url_pattern}, …).
 *
 * @param name            shown in the UI and reports; 1 to {@value #MAX_NAME} characters
 * @param category        {@link ConversionCategory#MACRO} (primary: in "Conversions" and the conversion rate)
 *                        or {@link ConversionCategory#MICRO} (secondary: reported, not in the primary total)
 * @param trigger         what records a conversion
 * @param value           the conversions' value and currency
 * @param counting        {@link CountingMode#EVERY} or {@link CountingMode#ONE} (one per journey, decided by
 *                        attribution)
 * @param lookbackDays    click-through lookback window in days, {@value #MIN_LOOKBACK} to {@value #MAX_LOOKBACK}
 *                        (default {@value #DEFAULT_LOOKBACK}), measured back from each conversion
 * @param viewThroughDays view-through window for impressions in days, {@value #MIN_VIEW_THROUGH} to
 *                        {@value #MAX_VIEW_THROUGH} (default {@value #DEFAULT_VIEW_THROUGH})
 * @param journeyStart    where a conversion's journey starts
 * @param status          active or paused
 */
public record ActionSettings(String name, ConversionCategory category, ActionTrigger trigger, ActionValue value,
                             CountingMode counting, int lookbackDays, int viewThroughDays, JourneyStart journeyStart,
                             ActionStatus status) {

    public static final int MAX_NAME = 200;
    public static final int MIN_LOOKBACK = 1;
    public static final int MAX_LOOKBACK = 90;
    public static final int DEFAULT_LOOKBACK = 30;
    public static final int MIN_VIEW_THROUGH = 1;
    public static final int MAX_VIEW_THROUGH = 30;
    public static final int DEFAULT_VIEW_THROUGH = 1;

    public ActionSettings {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name is required");
        }
        name = name.strip();
        if (name.length() > MAX_NAME || name.indexOf('\0') >= 0 || Text.hasLoneSurrogate(name)) {
            throw new InvalidInputException("name must be at most " + MAX_NAME + " characters of text");
        }
        require(category, "category", "macro or micro");
        require(trigger, "trigger", "an object such as {\"type\":\"event\"}");
        require(value, "value", "an object such as {\"source\":\"event\",\"default\":0}");
        require(counting, "counting", "every or one");
        require(journeyStart, "journey_start", "lookback or after_previous_conversion");
        require(status, "status", "active or paused");
        if (lookbackDays < MIN_LOOKBACK || lookbackDays > MAX_LOOKBACK) {
            throw new InvalidInputException("lookback_days must be a whole number of days from " + MIN_LOOKBACK
                    + " to " + MAX_LOOKBACK + ", not " + lookbackDays);
        }
        if (viewThroughDays < MIN_VIEW_THROUGH || viewThroughDays > MAX_VIEW_THROUGH) {
            throw new InvalidInputException("view_through_days must be a whole number of days from " + MIN_VIEW_THROUGH
                    + " to " + MAX_VIEW_THROUGH + ", not " + viewThroughDays);
        }
    }

    /** The defaults for an action made with only the original settings: event trigger by key, 30/1 days, active. */
    public static ActionSettings basic(String name, ConversionCategory category, ActionValue value, CountingMode counting) {
        return new ActionSettings(name, category, ActionTrigger.byKey(), value, counting, DEFAULT_LOOKBACK,
                DEFAULT_VIEW_THROUGH, JourneyStart.LOOKBACK, ActionStatus.ACTIVE);
    }

    /**
     * True when going from these settings to {@code next} changes how existing conversions are attributed
     * (counting, either window, journey start or status), so they must be re-attributed.
     */
    public boolean changesAttribution(ActionSettings next) {
        return counting != next.counting || lookbackDays != next.lookbackDays
                || viewThroughDays != next.viewThroughDays || journeyStart != next.journeyStart
                || status != next.status;
    }

    private static void require(Object value, String field, String expected) {
        if (value == null) {
            throw new InvalidInputException(field + " is required: " + expected);
        }
    }
}
