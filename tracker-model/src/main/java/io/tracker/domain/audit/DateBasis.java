package io.tracker.domain.audit;

/** Which day a platform report puts a conversion on. Tracker dates its purchases by {@link #CONVERSION}. */
public enum DateBasis {
    /** The day the conversion happened. */
    CONVERSION,
    /** The day of the ad click (or interaction) the conversion followed. */
    CLICK
}
