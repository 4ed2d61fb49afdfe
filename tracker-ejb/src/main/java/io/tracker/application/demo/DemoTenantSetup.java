package io.tracker.application.demo;

import io.tracker.application.campaign.CampaignService;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tenant.MembershipService;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.EventIngestionService;
import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.IngestionReport;
import io.tracker.domain.campaign.Campaign;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.tenant.Agency;
import io.tracker.domain.tenant.AgencyMember;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.ApiKeySecret;
import io.tracker.domain.tenant.Tenant;
import io.tracker.domain.tenant.TenantMember;
import io.tracker.domain.tenant.TenantRole;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates, idempotently, the demo agency with two client tenants, their demo users' memberships
 * (matching the demo users of the Keycloak realm in {@code docker/keycloak/tracker-realm.json}),
 * and fills the last 90 days with {@link DemoDataGenerator generated} traffic. Safe to run at every
 * start: what exists is kept, and only what is missing is added ({@link DemoFillWindow} says which
 * days can hold missing events).
 */
@Stateless
@PlatformJob("the demo start-up creates the demo agency, its clients and their data as Tracker itself")
public class DemoTenantSetup {

    public static final String AGENCY_NAME = "Demo Agency";
    public static final String TENANT_NAME = "Demo Outdoor Shop";
    public static final String SECOND_TENANT_NAME = "Demo Coffee Roasters";
    static final int DAYS = 90;

    /** Agency admins of the demo agency: a person and the automation client's service account. */
    static final List<String> AGENCY_ADMINS = List.of("admin@demo-agency.example", "automation@demo-agency.example");
    /** Per-client roles: the analyst is analyst for the shop and viewer for the roasters. */
    static final Map<String, Map<String, TenantRole>> MEMBERS = Map.of(
            TENANT_NAME, Map.of("analyst@demo-agency.example", TenantRole.ANALYST,
                    "viewer@demo-agency.example", TenantRole.VIEWER),
            SECOND_TENANT_NAME, Map.of("analyst@demo-agency.example", TenantRole.VIEWER));

    private static final Logger LOG = Logger.getLogger(DemoTenantSetup.class.getName());

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private TenantService tenants;

    @EJB
    private ApiKeyService apiKeys;

    @EJB
    private ConversionActionService conversionActions;

    @EJB
    private MembershipService memberships;

    @EJB
    private CampaignService campaigns;

    @EJB
    private EventIngestionService ingestion;

    @EJB
    private TenantSelection selection;

    /**
     * Makes sure the demo agency, its admins and the named client exist, and that the client has
     * the given key (when one is given); returns the client's id. Runs in one transaction.
     */
    public String ensureTenant(String name, ZoneId zone, Currency currency, ApiKeySecret key) {
        Agency agency = tenants.findAgencyByName(AGENCY_NAME).orElseGet(() -> tenants.createAgency(AGENCY_NAME));
        for (String admin : AGENCY_ADMINS) {
            if (em.find(AgencyMember.class, key(agency.getId(), admin)) == null) {
                em.persist(new AgencyMember(agency.getId(), admin));
            }
        }
        Tenant tenant = tenants.findTenantByName(agency.getId(), name).orElse(null);
        if (tenant == null) {
            tenant = tenants.createTenant(agency.getId(), name, zone, currency);
            tenant.setWebsiteDomains(List.of(name.toLowerCase().replace("demo ", "").replace(' ', '-') + ".example"));
            tenant.setIndustry(name.contains("Coffee") ? "Food & Beverage" : "Retail");
            conversionActions.create("add_to_cart", "Add to cart", ConversionCategory.MICRO, BigDecimal.ZERO,
                    CountingMode.EVERY);
            conversionActions.create("newsletter_signup", "Newsletter signup", ConversionCategory.MICRO,
                    new BigDecimal("2.00"), CountingMode.ONE);
        }
        // Acting for the tenant before changing it: row-level security lets only its own row be updated.
        selection.asPlatform(tenant.getId());
        if (tenant.getWebsiteDomains().isEmpty()) {
            // tenants created before version 2 of the schema had neither
            tenant.setWebsiteDomains(List.of(name.toLowerCase().replace("demo ", "").replace(' ', '-') + ".example"));
            tenant.setIndustry(name.contains("Coffee") ? "Food & Beverage" : "Retail");
        }
        List<String> registered = campaigns.list().stream().map(Campaign::getName).toList();
        for (DemoDataGenerator.DemoCampaign c : DemoDataGenerator.campaigns()) {
            if (!registered.contains(c.name())) {
                campaigns.create(c.name(), c.channel(), c.utmSource(), c.utmMedium(), c.name());
            }
        }
        List<String> existing = memberships.list().stream().map(TenantMember::getEmail).toList();
        MEMBERS.getOrDefault(name, Map.of()).forEach((email, role) -> {
            if (!existing.contains(email)) {
                memberships.invite(email, role);
            }
        });
        if (key != null && !apiKeys.exists(key)) {
            apiKeys.store("Demo key", key, EnumSet.allOf(ApiKeyScope.class));
        }
        return tenant.getId();
    }

    /**
     * The time of the newest demo touchpoint (event id {@value DemoDataGenerator#EVENT_ID_PREFIX}...)
     * stored for the current tenant; empty when none is. Events sent or imported into the demo tenant
     * by hand do not count.
     */
    public Optional<Instant> newestDemoTouchpoint() {
        // Newest first over the (tenant_id, occurred_at) index: stops at the first demo row.
        return em.createQuery("select t.occurredAt from Touchpoint t where t.eventId like :prefix "
                        + "order by t.occurredAt desc", Instant.class)
                .setParameter("prefix", DemoDataGenerator.EVENT_ID_PREFIX + "%")
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The current tenant's time zone, which defines its days. */
    public ZoneId timeZone() {
        return tenants.current().getTimeZone();
    }

    /** Generates one day's journeys into the current tenant (one transaction per call). */
    public IngestionReport fillDay(LocalDate day, Instant now, long seed, int journeysPerDay) {
        Tenant tenant = tenants.current();
        String site = "https://" + tenant.getWebsiteDomains().stream().findFirst().orElse("shop.example") + "/";
        List<EventInput> events = new DemoDataGenerator(tenant.getTimeZone(), site, seed, journeysPerDay)
                .eventsStartingOn(day, now);
        IngestionReport report = ingestion.ingest(events, List.of());
        if (!report.rejected().isEmpty()) {
            LOG.warning(() -> "demo data for " + day + " had rejected events: " + report.rejected());
        }
        return report;
    }

    private static AgencyMember.Key key(String agencyId, String email) {
        return new AgencyMember.Key(agencyId, email);
    }
}
