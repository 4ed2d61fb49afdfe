package io.tracker.domain.audit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One campaign's conversions on one day as a platform reports them.
 *
 * @param day         the report's day (the platform account's time zone; see {@link Cause#REPORT_TIME_ZONE})
 * @param campaign    the campaign name as in the file (trimmed, case kept), matched exactly to touchpoints'
 *                    campaign
 * @param conversions the platform's conversions, a decimal (platforms report fractions under data-driven models)
 * @param value       the conversions' value, null when the report has none
 * @param currency    ISO 4217 code of {@code value}
 * @param basis       which day the report dates conversions by
 */
public record PlatformRow(AdPlatform platform, LocalDate day, String campaign, BigDecimal conversions,
                          BigDecimal value, String currency, DateBasis basis) {
}
