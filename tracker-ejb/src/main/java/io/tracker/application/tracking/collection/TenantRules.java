package io.tracker.application.tracking.collection;

import io.tracker.domain.conversion.CountingRule;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;

/**
 * What validating a tenant's hits needs to know of the tenant, read once every few seconds
 * ({@link CollectionRules}): its reporting currency and time zone (collection counts are per day
 * there), its default conversion action and its conversion actions by key. Public for the events API,
 * which validates with the same cached rules ({@link Collector#rules}).
 */
public record TenantRules(String tenantId, Currency currency, ZoneId zone, String defaultActionKey,
                   Map<String, CountingRule> actions) {

    public TenantRules {
        actions = Map.copyOf(actions);
    }
}
