package io.tracker.it.support;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.tenant.Agency;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Server side (test deployments only): makes a fresh agency, tenant and API key through the
 * product's own services, as an administrator would. Tracker has no tenant-management API yet,
 * so this is the only way in. Needs an active request scope (a servlet request, an in-container
 * test method); leaves the new tenant selected in {@link CurrentTenant} for the rest of it.
 */
@ApplicationScoped
public class TenantFixture {

    @EJB
    private TenantService tenants;

    @EJB
    private ApiKeyService apiKeys;

    @EJB
    private ConversionActionService conversionActions;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * An extra conversion action beside the default macro action {@code purchase}.
     *
     * @param defaultValue value recorded when a conversion carries none, in the tenant's currency
     */
    public record ActionSpec(String key, ConversionCategory category, CountingMode counting, BigDecimal defaultValue) {

        /** Reads {@code key:CATEGORY:COUNTING:defaultValue}, such as {@code add_to_cart:MICRO:EVERY:0}. */
        public static ActionSpec parse(String text) {
            String[] parts = text.split(":");
            if (parts.length != 4) {
                throw new IllegalArgumentException("action must be key:CATEGORY:COUNTING:defaultValue, not " + text);
            }
            return new ActionSpec(parts[0], ConversionCategory.valueOf(parts[1]), CountingMode.valueOf(parts[2]),
                    new BigDecimal(parts[3]));
        }
    }

    /**
     * Creates the tenant.
     *
     * @param label    readable part of the name; a random suffix makes it unique
     * @param zone     the tenant's reporting time zone
     * @param currency ISO 4217 reporting currency
     * @param scopes   the API key's scopes
     * @param actions  conversion actions to add
     */
    public TestTenant create(String label, ZoneId zone, String currency, Set<ApiKeyScope> scopes,
                             List<ActionSpec> actions) {
        String name = label + " " + UUID.randomUUID().toString().substring(0, 8);
        Agency agency = tenants.createAgency("IT agency for " + name);
        Tenant tenant = tenants.createTenant(agency.getId(), name, zone, Currency.getInstance(currency));
        currentTenant.set(tenant.getId());
        for (ActionSpec a : actions) {
            conversionActions.create(a.key(), a.key(), a.category(), a.defaultValue(), a.counting());
        }
        String secret = apiKeys.create("integration test key", scopes).secret().value();
        return new TestTenant(tenant.getId(), agency.getId(), name, zone.getId(), currency, secret);
    }
}
