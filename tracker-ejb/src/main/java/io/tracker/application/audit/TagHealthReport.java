package io.tracker.application.audit;

import java.time.Instant;
import java.util.List;

/**
 * A client's tag health at one instant ({@code at}), as {@link TagHealthService} reads it. Times are instants
 * (UTC); hours are whole UTC hours. The thresholds are {@link io.tracker.domain.audit.TagHealthRules}'.
 *
 * @param at             the "now" of the report
 * @param lastHourFrom   the start of the last complete hour, whose hits are compared with the baseline
 * @param recentFrom     the start of the 24 hours before {@code at}'s hour (shares, thank-you pages; double fires are
 *                       those of the 24 hours before {@code at})
 * @param domains        per website domain seen in the last 28 days, by name (null: hits without a page URL)
 * @param doubleFires    pages where the tag fired twice per load in the 24 hours before {@code at}, most doubled
 *                       first (≤ 50)
 * @param thankYouPages  per domain, thank-you page views in the recent window and those without a conversion
 * @param actions        every conversion action with its conversions of the last 28 days
 * @param thankYouPatterns the patterns thank-you pages are recognised by (the client's or the defaults)
 */
public record TagHealthReport(Instant at, Instant lastHourFrom, Instant recentFrom, List<DomainHealth> domains,
                              List<DoubleFirePage> doubleFires, List<ThankYouPages> thankYouPages,
                              List<ActionHealth> actions, List<String> thankYouPatterns) {

    /**
     * One website domain.
     *
     * @param domain         lower-case host; null for hits without a page URL (server API)
     * @param lastHitAt      the latest hit that was not a bot, up to {@code at}; null: none in 28 days
     * @param lastHourHits   hits (bots left out) in the last complete hour
     * @param baselineHits   mean hits (bots left out) of the same hour over the 7 days before
     * @param hitsDropped    the last hour is below 20% of a baseline of at least 5
     * @param recentHits     hits not rejected in the recent 24 hours (stored, duplicates, bots)
     * @param recentStored   stored hits in them
     * @param recentCookieless stored hits without consent (no visitor id)
     * @param recentBots     bot hits in them
     * @param cookielessShare recentCookieless / recentStored, 0..1; null without stored hits
     * @param botShare       recentBots / recentHits, 0..1; null without hits
     */
    public record DomainHealth(String domain, Instant lastHitAt, long lastHourHits, double baselineHits,
                               boolean hitsDropped, long recentHits, long recentStored, long recentCookieless,
                               long recentBots, Double cookielessShare, Double botShare) {
    }

    /**
     * A page whose tag fired twice per load.
     *
     * @param domain       lower-case host
     * @param page         the URL without query and fragment
     * @param pageViews    its page views in the window (with a visitor id)
     * @param doubleLoads  page views that followed one of the same visitor on the same page within a second
     */
    public record DoubleFirePage(String domain, String page, long pageViews, long doubleLoads) {
    }

    /**
     * A domain's thank-you page views.
     *
     * @param views             page views of thank-you pages (with a visitor id) in the window
     * @param withoutConversion those with no conversion by the visitor within 30 minutes either side
     * @param example           one such page without a conversion (URL without query), or null
     * @param alert             whether this raises an alert (≥ 3 without, and at least half of the views)
     */
    public record ThankYouPages(String domain, long views, long withoutConversion, String example, boolean alert) {
    }

    /**
     * A conversion action's firing.
     *
     * @param conversions           conversions in the 28 days before {@code at}
     * @param lastAt                the latest of them; null: none
     * @param usualIntervalSeconds  their mean interval; null with fewer than 5 (not judged)
     * @param stopped               none for 5 times the usual interval and at least an hour
     */
    public record ActionHealth(String actionKey, String name, long conversions, Instant lastAt,
                               Long usualIntervalSeconds, boolean stopped) {
    }
}
