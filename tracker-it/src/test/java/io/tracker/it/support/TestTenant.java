package io.tracker.it.support;

/**
 * A tenant made for one test, with an API key.
 *
 * @param id       tenant id
 * @param agencyId id of the agency made for it
 * @param name     unique tenant name (the label the test gave plus a random suffix)
 * @param timeZone IANA time zone id; report dates are days in this zone
 * @param currency ISO 4217 reporting currency
 * @param apiKey   the key's secret, for {@code Authorization: Bearer <apiKey>}
 */
public record TestTenant(String id, String agencyId, String name, String timeZone, String currency, String apiKey) {
}
