package io.tracker.application.tracking.collection;

import java.time.Instant;
import java.util.List;

/**
 * One of the tenant's websites, as {@link SiteService} lists it.
 *
 * @param siteKey         the public key for the tag snippet (not a secret)
 * @param domains         host names, lower case
 * @param consentRequired true: the tag sets no cookie and sends no identifier until consent
 */
public record Site(long id, String name, List<String> domains, String siteKey, boolean consentRequired,
                   Instant createdAt) {

    public Site {
        domains = List.copyOf(domains);
    }
}
