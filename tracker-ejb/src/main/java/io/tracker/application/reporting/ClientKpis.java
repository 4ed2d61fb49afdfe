package io.tracker.application.reporting;

/**
 * One client's headline KPIs in an agency's portfolio.
 *
 * @param timeZone IANA id of the client's time zone, in which its days are counted
 * @param currency ISO 4217 code of the client's reporting currency, in which {@link Kpis#revenue()} is
 * @param industry free text, may be null
 */
public record ClientKpis(String tenantId, String name, String industry, String timeZone, String currency, Kpis kpis) {
}
