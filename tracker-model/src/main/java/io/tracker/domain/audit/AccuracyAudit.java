package io.tracker.domain.audit;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of a data-accuracy audit over whole days {@code from}–{@code to} (both included) in the tenant's time
 * zone. Shop figures count {@link OrderStatus#PAID} orders by the day they were placed; Tracker figures count the
 * purchase action's (counted) conversions by the day they happened. Gaps are percentages with one decimal, null
 * where the base is 0 (see {@link AccuracyAuditor}).
 *
 * @param thresholdPercent  the tenant's threshold: a gap whose size exceeds it is flagged
 * @param shopCompared      whether the shop's orders are compared on some day of the period (a day its order
 *                          imports cover); a day not covered keeps its shop columns at 0, no shop gap, unflagged
 * @param days              one row per day of the period, oldest first
 * @param totals            the period's figures (its {@code day} is null)
 * @param campaigns         per platform and campaign over the days the platform reported, platform then campaign
 * @param missingInTracker  the shop's paid orders of the period Tracker has no purchase for (any time), by time
 * @param notInShop         Tracker's purchases of the period that are not one of the shop's sales, by time
 * @param valueMismatches   orders both have whose values differ by more than 0.01, or whose currencies differ
 */
public record AccuracyAudit(LocalDate from, LocalDate to, BigDecimal thresholdPercent, boolean shopCompared,
                            List<Day> days, Day totals, List<Campaign> campaigns,
                            List<MissingOrder> missingInTracker, List<ExtraPurchase> notInShop,
                            List<ValueMismatch> valueMismatches) implements Serializable {

    /** The flagged days, oldest first: what an alert raises. */
    public List<Day> flaggedDays() {
        return days.stream().filter(Day::flagged).toList();
    }

    /**
     * One day (or the totals).
     *
     * @param shopOrders       the shop's paid orders placed that day
     * @param shopValue        their value (summed as recorded, whatever their currency)
     * @param trackerPurchases Tracker's purchases that day, all of them (matched or not)
     * @param matched          the day's shop orders Tracker has a purchase for
     * @param shopGapPercent   (Tracker − shop) ÷ shop × 100; null when the shop has none (or is not compared that
 *                         day); in the totals, over the days compared only
     * @param platforms        one comparison per platform that reported the day
     * @param causes           the likely causes of the flagged gaps, empty when not flagged
     */
    public record Day(LocalDate day, int shopOrders, BigDecimal shopValue, int trackerPurchases,
                      BigDecimal trackerValue, int matched, int missingInTracker, int notInShop, int valueMismatches,
                      BigDecimal shopGapPercent, boolean shopFlagged, List<PlatformComparison> platforms,
                      boolean flagged, List<Cause> causes) implements Serializable {
    }

    /**
     * A platform's reported conversions next to Tracker's under the platform's rule ({@link AdPlatform}).
     *
     * @param gapPercent (platform − Tracker) ÷ Tracker × 100; null when Tracker has none
     * @param basis      the report's date basis (CLICK when any of its rows that day is)
     */
    public record PlatformComparison(AdPlatform platform, BigDecimal platformConversions, BigDecimal platformValue,
                                     int trackerConversions, BigDecimal trackerValue, BigDecimal gapPercent,
                                     boolean flagged, DateBasis basis) implements Serializable {
    }

    /** A platform's campaign over the days the platform reported; {@code campaign} "" for clicks without one. */
    public record Campaign(AdPlatform platform, String campaign, BigDecimal platformConversions,
                           BigDecimal platformValue, int trackerConversions, BigDecimal trackerValue,
                           BigDecimal gapPercent, boolean flagged, List<Cause> causes) implements Serializable {
    }

    /** A shop order the tag did not record. */
    public record MissingOrder(String orderId, LocalDate day, Instant placedAt, BigDecimal value, String currency)
            implements Serializable {
    }

    /** A Tracker purchase that is not a shop sale; {@code shopStatus} the shop's word, null when unknown. */
    public record ExtraPurchase(long conversionId, String orderId, LocalDate day, Instant occurredAt, BigDecimal value,
                                String currency, ExtraReason reason, String shopStatus) implements Serializable {
    }

    /** An order whose value or currency differs between the shop and Tracker; {@code day} the shop's. */
    public record ValueMismatch(String orderId, LocalDate day, BigDecimal shopValue, String shopCurrency,
                                BigDecimal trackerValue, String trackerCurrency) implements Serializable {
    }
}
