package io.tracker.domain.tracking;

import java.util.Locale;

/**
 * What kind of touch a touchpoint is (column {@code touchpoint.interaction}; on the wire the lower-case
 * name, {@code "click"} or {@code "impression"}).
 *
 * <ul>
 *   <li>{@link #CLICK}: a visit or any other interaction (an ad click, an e-mail link, a direct
 *       visit); it counts within the conversion action's click-through lookback window;</li>
 *   <li>{@link #IMPRESSION}: an ad seen but not clicked; it counts only within the action's
 *       view-through window (1 day by default), as Google Ads counts view-through conversions, and
 *       a click in the journey takes precedence over it under last touch (see {@code AttributionModel}).</li>
 * </ul>
 *
 * It lives with the touchpoints rather than with attribution because ingestion records it, and
 * tracking must not depend on attribution.
 */
public enum Interaction {
    CLICK,
    IMPRESSION;

    /** The wire name, {@code click} or {@code impression}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The interaction a sender names: {@code click} or {@code impression}, case-insensitive, blanks
     * around ignored; {@link #CLICK} when null or blank (every touch is a click unless said otherwise).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Interaction parse(String text) {
        if (text == null || text.isBlank()) {
            return CLICK;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Interaction i : values()) {
            if (i.apiName().equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not click or impression");
    }
}
