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

    /** Amounts are below this: what {@code platform_conversion}'s {@code numeric(18, 6)} columns hold. */
    public static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    /**
     * This row and a later one of the same platform, day and campaign in one file, added up (an export segmented
     * by conversion action or device has several).
     *
     * @throws RowException for the later row when the sums reach {@link #LIMIT} (stored, they would fail the whole
     *                      upload) or its value is in another currency (values of two currencies do not add up)
     */
    public PlatformRow plus(PlatformRow later) throws RowException {
        if (value != null && later.value != null && !currency.equals(later.currency)) {
            throw new RowException(null, "its value is in " + later.currency + ", an earlier row of " + day + " and '"
                    + campaign + "' in " + currency + ": export the report in one currency");
        }
        BigDecimal sum = value == null ? later.value : later.value == null ? value : value.add(later.value);
        BigDecimal count = conversions.add(later.conversions);
        if (count.compareTo(LIMIT) >= 0 || sum != null && sum.compareTo(LIMIT) >= 0) {
            throw new RowException(null, "with the earlier rows of " + day + " and '" + campaign
                    + "' the conversions or value reach 10^12");
        }
        return new PlatformRow(platform, day, campaign, count, sum, value != null ? currency : later.currency, basis);
    }
}
