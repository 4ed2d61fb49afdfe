package io.tracker.application.tracking.collection;

import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.conversion.TriggerType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What validating a tenant's hits needs to know of the tenant, read once every few seconds
 * ({@link CollectionRules}): its reporting currency and time zone (collection counts are per day
 * there), its default conversion action and its conversion actions by key, with the indexes the
 * triggers need: event-triggered actions by event name ({@code eventActions}) and URL-triggered ones in
 * key order ({@code urlActions}). Public for the events API, which validates with the same cached rules
 * ({@link Collector#rules}).
 */
public record TenantRules(String tenantId, Currency currency, ZoneId zone, String defaultActionKey,
                          Map<String, CountingRule> actions, Map<String, CountingRule> eventActions,
                          List<CountingRule> urlActions, String phoneRegion) {

    public TenantRules {
        actions = Map.copyOf(actions);
        eventActions = Map.copyOf(eventActions);
        urlActions = List.copyOf(urlActions);
    }

    /** Rules with the trigger indexes built from {@code actions}, phone numbers read in the US. */
    public TenantRules(String tenantId, Currency currency, ZoneId zone, String defaultActionKey,
                       Map<String, CountingRule> actions) {
        this(tenantId, currency, zone, defaultActionKey, actions, "US");
    }

    /**
     * Rules with the trigger indexes built from {@code actions}.
     *
     * @param phoneRegion ISO 3166-1 alpha-2 region for phone numbers without a country code (identify)
     */
    public TenantRules(String tenantId, Currency currency, ZoneId zone, String defaultActionKey,
                       Map<String, CountingRule> actions, String phoneRegion) {
        this(tenantId, currency, zone, defaultActionKey, actions, byEvent(actions), byUrl(actions), phoneRegion);
    }

    /** The event-triggered action recording events of this exact name (paused ones included). */
    public Optional<CountingRule> forEvent(String eventName) {
        return eventName == null ? Optional.empty() : Optional.ofNullable(eventActions.get(eventName));
    }

    /**
     * The URL-triggered action recording a page view of this URL (paused ones included): when several
     * rules match, the action whose key sorts first, so the answer never depends on the order of reading.
     */
    public Optional<CountingRule> forUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        for (CountingRule rule : urlActions) {
            if (rule.trigger().url().matches(url)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Two actions listening to one name cannot be saved; were there any, the key sorting first wins. */
    private static Map<String, CountingRule> byEvent(Map<String, CountingRule> actions) {
        Map<String, CountingRule> byName = new HashMap<>();
        actions.values().stream().sorted(Comparator.comparing(CountingRule::key)).forEach(rule -> {
            String name = rule.trigger().eventName(rule.key());
            if (name != null) {
                byName.putIfAbsent(name, rule);
            }
        });
        return byName;
    }

    private static List<CountingRule> byUrl(Map<String, CountingRule> actions) {
        List<CountingRule> rules = new ArrayList<>();
        for (CountingRule rule : actions.values()) {
            if (rule.trigger().type() == TriggerType.URL) {
                rules.add(rule);
            }
        }
        rules.sort(Comparator.comparing(CountingRule::key));
        return rules;
    }
}
