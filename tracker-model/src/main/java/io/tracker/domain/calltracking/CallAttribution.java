package io.tracker.domain.calltracking;

/**
 * What a call was attributed to (column {@code call.attribution}): the visitor session that held the
 * called pool number when the call started ({@code SESSION}), the offline number's campaign
 * ({@code CAMPAIGN}), the source-level number's source ({@code SOURCE}), or nothing ({@code UNATTRIBUTED}:
 * a pool number no live session held, or the business's own number). An unattributed call is logged,
 * never credited to a stale session.
 */
public enum CallAttribution {
    SESSION,
    CAMPAIGN,
    SOURCE,
    UNATTRIBUTED
}
