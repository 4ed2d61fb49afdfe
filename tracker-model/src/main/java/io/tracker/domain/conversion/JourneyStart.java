package io.tracker.domain.conversion;

/**
 * Where a conversion's journey starts. {@code LOOKBACK} (the default, as Google Ads, GA4 and Matomo
 * count): every touchpoint within the lookback window, whatever converted before. {@code
 * AFTER_PREVIOUS_CONVERSION}: the window cut just after the person's previous conversion of the same
 * action, as path data is often built.
 */
public enum JourneyStart {
    LOOKBACK,
    AFTER_PREVIOUS_CONVERSION
}
