package io.tracker.application.tracking.collection;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * A website as the tag's requests name it by its public site key ({@link CollectionKeys#site}).
 *
 * @param tenantId        the tenant the site belongs to: the tenant its hits are collected for
 * @param siteId          the site's id within the tenant
 * @param domains         the site's host names, lower case (where the tag may run, where links may lead)
 * @param consentRequired true: no cookie and no identifier until the visitor consents
 * @param currency        the tenant's reporting currency
 * @param zone            the tenant's reporting time zone
 */
public record SiteContext(String tenantId, long siteId, List<String> domains, boolean consentRequired,
                          Currency currency, ZoneId zone) {

    public SiteContext {
        domains = List.copyOf(domains);
    }
}
