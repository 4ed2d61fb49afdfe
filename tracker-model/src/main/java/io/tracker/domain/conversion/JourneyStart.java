package io.tracker.domain.conversion;

/**
 * Where a conversion's journey starts (column {@code conversion_action.journey_start}); attribution's
 * {@code JourneyBuilder} applies it.
 *
 * <ul>
 *   <li>{@link #LOOKBACK} (the default): the whole lookback window before the conversion, whatever
 *       converted before, as Google Ads, GA4 and Matomo count: a visitor who came from twitter.com
 *       and then bought twice on direct visits gives twitter both purchases under last non-direct;</li>
 *   <li>{@link #AFTER_PREVIOUS_CONVERSION}: the window cut just after the person's previous counted
 *       conversion of the same action, so that no touch serves two conversions of one action (how
 *       path data such as ChannelAttribution's is usually built).</li>
 * </ul>
 */
public enum JourneyStart {
    LOOKBACK,
    AFTER_PREVIOUS_CONVERSION
}
