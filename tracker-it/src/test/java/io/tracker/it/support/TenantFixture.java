package io.tracker.it.support;

import io.tracker.application.attribution.AttributionQueue;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tenant.MembershipService;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.collection.Site;
import io.tracker.application.tracking.collection.SiteService;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Agency;
import io.tracker.domain.tenant.AgencyMember;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Tenant;
import io.tracker.domain.tenant.TenantMember;
import io.tracker.domain.tenant.TenantRole;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitOutcome;
import java.util.Set;
import java.util.UUID;

/**
 * Server side (test deployments only): sets up agencies, client tenants, API keys and memberships
 * through the product's own services and entities, as an operator would; tests then exercise the
 * public API against them. Needs an active request scope (a servlet request, an in-container test
 * method); the tenant methods act as Tracker itself ({@link TenantSelection#asPlatform}, the platform's
 * own way to act for a tenant) and leave their tenant selected in {@link CurrentTenant} for the rest of it.
 *
 * <p>The test database holds no demo data: whoever needs the Keycloak demo users
 * ({@code admin@demo-agency.example} …) in a tenant makes them members here first.
 */
@ApplicationScoped
public class TenantFixture {

    @EJB
    private TenantService tenants;

    @EJB
    private ApiKeyService apiKeys;

    @EJB
    private ConversionActionService conversionActions;

    @EJB
    private MembershipService memberships;

    @EJB
    private TenantSelection selection;

    @Inject
    private io.tracker.application.tracking.collection.Collector collector;

    @EJB
    private AttributionQueue attributionQueue;

    @EJB
    private SiteService sites;

    /**
     * Only for {@link #addAgencyAdmin}: Tracker has no service that makes agency admins (the demo
     * set-up and operators do it), so the fixture persists the product's entity itself.
     */
    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

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

    /** Creates the tenant in an agency of its own; see {@link #create(String, String, ZoneId, String, Set, List)}. */
    public TestTenant create(String label, ZoneId zone, String currency, Set<ApiKeyScope> scopes,
                             List<ActionSpec> actions) {
        return create(null, label, zone, currency, scopes, actions);
    }

    /**
     * Creates the tenant with an API key.
     *
     * @param agencyId the agency to add the tenant to, or null for a new agency named after the tenant
     * @param label    readable part of the name; a random suffix makes it unique
     * @param zone     the tenant's reporting time zone
     * @param currency ISO 4217 reporting currency
     * @param scopes   the API key's scopes
     * @param actions  conversion actions to add
     * @throws NotFoundException for an unknown agency id
     */
    public TestTenant create(String agencyId, String label, ZoneId zone, String currency, Set<ApiKeyScope> scopes,
                             List<ActionSpec> actions) {
        String name = label + " " + UUID.randomUUID().toString().substring(0, 8);
        selection.startPlatformJob();
        String agency = agencyId != null ? agency(agencyId) : tenants.createAgency("IT agency for " + name).getId();
        Tenant tenant = tenants.createTenant(agency, name, zone, Currency.getInstance(currency));
        for (ActionSpec a : actions) {
            conversionActions.create(a.key(), a.key(), a.category(), a.defaultValue(), a.counting());
        }
        String secret = apiKeys.create("integration test key", scopes).secret().value();
        return new TestTenant(tenant.getId(), agency, name, zone.getId(), currency, secret);
    }

    /**
     * Makes the person or service account with this e-mail address an agency admin of the agency
     * (bound to their OIDC subject when they next call with a verified address). Idempotent.
     *
     * @return the normalised address
     * @throws NotFoundException for an unknown agency id
     */
    @Transactional
    public String addAgencyAdmin(String agencyId, String email) {
        agency(agencyId);
        AgencyMember member = new AgencyMember(agencyId, email);
        if (em.find(AgencyMember.class, new AgencyMember.Key(agencyId, member.getEmail())) == null) {
            em.persist(member);
        }
        return member.getEmail();
    }

    /**
     * Invites the address into the tenant with the role, through {@link MembershipService} acting
     * as Tracker itself (audit actor {@value CurrentTenant#SYSTEM}).
     *
     * @param role {@link TenantRole#ANALYST} or {@link TenantRole#VIEWER}
     * @throws NotFoundException for an unknown tenant id
     */
    public TenantMember invite(String tenantId, String email, TenantRole role) {
        selection.asPlatform(tenantId);
        tenants.current();
        return memberships.invite(email, role);
    }

    /**
     * Adds a website to the tenant through {@link SiteService}, acting as Tracker itself.
     *
     * @return the site with its new public site key
     * @throws NotFoundException for an unknown tenant id
     */
    public Site createSite(String tenantId, String name, List<String> domains, boolean consentRequired) {
        selection.asPlatform(tenantId);
        tenants.current();
        return sites.create(name, domains, consentRequired);
    }

    /**
     * In the container: waits (polling, at most {@link TrackerClient#ATTRIBUTION_TIMEOUT}) until the
     * attribution worker has re-attributed every visitor of the tenant marked so far; leaves the tenant
     * selected as Tracker itself.
     */
    public void awaitAttribution(String tenantId) {
        selection.asPlatform(tenantId);
        Duration timeout = TrackerClient.ATTRIBUTION_TIMEOUT;
        Waits.until(() -> attributionQueue.tenantLag().upToDate(), timeout,
                () -> "the attribution worker did not re-attribute tenant " + tenantId + " within " + timeout + ": "
                        + attributionQueue.tenantLag().summary());
    }

    /**
     * Hands hits to the collection core for the tenant, as the tag's endpoint would, and waits (at most
     * a minute) until they are committed.
     */
    public List<HitOutcome> collect(String tenantId, List<CollectedHit> hits) {
        try {
            return collector.collect(tenantId, hits).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("collecting the test hits failed: " + e, e);
        }
    }

    private String agency(String agencyId) {
        Agency agency = em.find(Agency.class, agencyId);
        if (agency == null) {
            throw new NotFoundException("no agency " + agencyId);
        }
        return agency.getId();
    }
}
