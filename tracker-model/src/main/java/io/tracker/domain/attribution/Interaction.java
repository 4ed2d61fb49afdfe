package io.tracker.domain.attribution;

/**
 * What kind of touch a touchpoint is (column {@code touchpoint.interaction}).
 *
 * <ul>
 *   <li>{@link #CLICK}: a visit or any other interaction (an ad click, an e-mail link, a direct
 *       visit); it counts within the conversion action's click-through lookback window;</li>
 *   <li>{@link #IMPRESSION}: an ad seen but not clicked; it counts only within the action's
 *       view-through window (1 day by default), as Google Ads counts view-through conversions.</li>
 * </ul>
 */
public enum Interaction {
    CLICK,
    IMPRESSION
}
