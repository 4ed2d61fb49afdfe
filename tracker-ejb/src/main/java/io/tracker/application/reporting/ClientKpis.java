package io.tracker.application.reporting;

import java.time.LocalDate;

/**
 * One client's headline KPIs in an agency's portfolio, over the portfolio's period and the period of the
 * same length just before it.
 *
 * @param timeZone IANA id of the client's time zone, in which its days are counted
 * @param currency ISO 4217 code of the client's reporting currency, in which {@link Kpis#revenue()} is
 * @param industry free text, may be null
 * @param first    first day of the period in the client's time zone (inclusive)
 * @param last     last day of the period (inclusive)
 * @param kpis     over {@code first}..{@code last}
 * @param previous over the same number of days ending the day before {@code first}
 * @param archived whether the client is archived
 */
public record ClientKpis(String tenantId, String name, String industry, String timeZone, String currency,
                         LocalDate first, LocalDate last, Kpis kpis, Kpis previous, boolean archived) {
}
