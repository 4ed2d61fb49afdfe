package io.tracker.application.tenant;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a client stands in getting set up: the dashboard's checklist until its first event arrives.
 *
 * @param apiKeys    API keys not revoked
 * @param sites      websites with a tag (site key)
 * @param hasEvents  whether any visit or conversion has been stored
 * @param imports    files imported (offline conversions, ad costs)
 * @param actions    the conversion actions, with when each last fired
 */
public record Onboarding(long apiKeys, long sites, boolean hasEvents, long imports, List<Action> actions)
        implements Serializable {

    /**
     * @param key        the action's key
     * @param name       its name
     * @param macro      macro (true) or micro
     * @param lastFired  the tenant-local day of its latest counted conversion, null if it never fired
     */
    public record Action(String key, String name, boolean macro, LocalDate lastFired) implements Serializable {
    }

    /** A key or a site: something can send events. */
    public boolean canCollect() {
        return apiKeys > 0 || sites > 0;
    }
}
