package io.tracker.application.tracking.debug;

import io.tracker.domain.tracking.DebugOutcome;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One hit of a debug session as Tracker understood it.
 *
 * @param id            the hit's number in the tenant (increasing with arrival)
 * @param at            when it happened (instant): the hit's own time, for a refused hit its arrival
 * @param type          {@code PAGE_VIEW}, {@code EVENT}, {@code CONVERSION}, {@code IDENTIFY} or {@code CLICK}
 *                      (HitType's names; {@code UNKNOWN} for a hit without one)
 * @param startsVisit   it would have started a visit (a touchpoint)
 * @param url           the page URL
 * @param channel       the visit's channel (Default Channel Grouping): the hit's own when it starts a visit,
 *                      else that of the latest visit its browser started in this session; null: none known
 * @param fromVisit     {@code channel}, {@code campaign} and {@code clickIds} are the visit's, not the hit's own
 * @param campaign      the campaign ({@code utm_campaign}); null: none
 * @param clickIds      the click ids as {@code gclid=…, fbclid=…}; null: none
 * @param eventName     a custom event's name ({@code page_view} for a page view within a visit); null: none
 * @param actionKey     the conversion action it records; null: no conversion
 * @param value         the conversion's value, rounded to cents; null: no conversion
 * @param currency      the value's ISO 4217 code
 * @param orderId       the order id as sent; null: none
 * @param outcome       the de-duplication outcome the hit would have had
 * @param detail        a rejection's reason or a note (a paused action); null: none
 */
public record DebugHitView(long id, Instant at, String type, boolean startsVisit, String url, String channel,
                           boolean fromVisit, String campaign, String clickIds, String eventName, String actionKey,
                           BigDecimal value, String currency, String orderId, DebugOutcome outcome, String detail) {

    /** What the hit is, in words: "Visit (page view)", "Page view", "Conversion", "Event", "Identify", "Click". */
    public String kind() {
        return switch (type) {
            case "PAGE_VIEW" -> startsVisit ? "Visit (page view)" : "Page view";
            case "CONVERSION" -> "Conversion";
            case "EVENT" -> "Event";
            case "IDENTIFY" -> "Identify";
            case "CLICK" -> startsVisit ? "Visit (link click)" : "Click";
            default -> "Unreadable hit";
        };
    }

    /** The outcome in words, a rejection with its reason. */
    public String outcomeWords() {
        return outcome.words(detail);
    }
}
