package io.tracker.domain.campaign.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One campaign's cost on one day, as read from a file.
 *
 * @param day          the file's date, a day in the tenant's time zone
 * @param campaign     the campaign name as in the file (trimmed, case kept)
 * @param channel      the report channel the cost belongs to, or null when the file does not say (the plain
 *                     layout without a {@code channel} column: resolved from the campaign's touchpoints)
 * @param sourceMedium {@code source / medium}, or null when the file does not say
 * @param cost         the amount spent, not negative, in {@code currency}
 * @param currency     ISO 4217 code (always the tenant's reporting currency: others are refused)
 * @param clicks       clicks, null when the file has none
 * @param impressions  impressions, null when the file has none
 */
public record CostRow(LocalDate day, String campaign, String channel, String sourceMedium, BigDecimal cost,
                      String currency, Long clicks, Long impressions) {
}
