package io.tracker.domain.tracking;

import java.util.Locale;

/**
 * The de-duplication outcome a hit sent in debug mode would have had (README "Debug mode"), as the debug page
 * and {@code GET /api/v1/debug-sessions/{id}/hits} show it. Stored in {@code debug_hit.outcome} as {@link #code()}.
 */
public enum DebugOutcome {
    /** Would have been stored and counted (a visit, a page view, an event, a conversion). */
    NEW("New: would be recorded and counted"),
    /** Its event id was received before (a retried beacon, the same hit twice): not counted again. */
    DUPLICATE_EVENT("Duplicate: this event id was received before, not counted again"),
    /** Its order was already counted (same order id for the action, or the same event name and order id within 48 hours). */
    DUPLICATE_ORDER("Duplicate: this order was already counted, not counted again"),
    /** Refused as invalid; the hit's detail says why. */
    REJECTED("Rejected"),
    /** Sent by a robot or a browser prefetch: counted as a bot only. */
    BOT("Bot or prefetch: not recorded");

    private final String words;

    DebugOutcome(String words) {
        this.words = words;
    }

    /** The stored code: {@code new}, {@code duplicate_event}, {@code duplicate_order}, {@code rejected}, {@code bot}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a stored code. @throws IllegalArgumentException for another text */
    public static DebugOutcome of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** One sentence for a person; a rejection names its reason ({@code detail}, may be null). */
    public String words(String detail) {
        return this == REJECTED && detail != null ? words + ": " + detail : words;
    }
}
