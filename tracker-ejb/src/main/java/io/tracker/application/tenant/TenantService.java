package io.tracker.application.tenant;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.CurrencyCodes;
import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Agency;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import io.tracker.domain.tenant.TenantRole;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Agencies and their client tenants. */
@Stateless
public class TenantService {

    /** Key of the macro conversion action every new tenant starts with. */
    public static final String DEFAULT_ACTION_KEY = "purchase";

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private ConversionActionService conversionActions;

    @EJB
    private AccessService access;

    @EJB
    private AuditLog audit;

    @EJB
    private TenantSelection selection;

    @PlatformJob("agencies are created by Tracker's operators and the demo start-up, never by a tenant")
    public Agency createAgency(String name) {
        Agency agency = new Agency(name);
        em.persist(agency);
        return agency;
    }

    @PlatformJob("the demo start-up finds its agency by name")
    public Optional<Agency> findAgencyByName(String name) {
        return em.createQuery("select a from Agency a where a.name = :name order by a.createdAt", Agency.class)
                .setParameter("name", name).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Creates a client tenant with its default macro conversion action ({@value #DEFAULT_ACTION_KEY},
     * counted every time, default value 0). Leaves the request acting for the new tenant as the platform.
     */
    @PlatformJob("Tracker's operators and the demo start-up create tenants without an agency admin")
    public Tenant createTenant(String agencyId, String name, ZoneId timeZone, Currency currency) {
        Tenant tenant = new Tenant(agencyId, name, timeZone, currency, DEFAULT_ACTION_KEY);
        insert(tenant);
        selection.asPlatform(tenant.getId());
        addDefaultAction();
        return tenant;
    }

    /**
     * Inserts the tenant row. Row-level security lets anyone insert a tenant (it reads none); who may
     * create one is checked by the callers ({@link #createClient}: an admin of the agency).
     */
    private void insert(Tenant tenant) {
        em.persist(tenant);
        em.flush();
    }

    private void addDefaultAction() {
        conversionActions.create(DEFAULT_ACTION_KEY, "Purchase", ConversionCategory.MACRO, BigDecimal.ZERO,
                CountingMode.EVERY);
    }

    /**
     * An agency admin (or platform admin) creates a client tenant in one of the agencies they
     * administer; {@code agencyId} may be null when they administer exactly one. The caller then acts
     * for the new tenant as its agency admin for the rest of the request.
     *
     * @param phoneRegion where phone numbers without a country code are read (offline conversions, Segment's
     *                    {@code traits.phone}): an ISO 3166-1 alpha-2 region libphonenumber knows, any case; null: US
     * @throws NotFoundException        for an agency the caller does not administer
     * @throws InvalidInputException    for a missing name, an unknown time zone, currency or phone region
     */
    @CrossTenant("the client does not exist yet; the caller must administer the agency (checked here), and "
            + "then acts for the new client through their agency-admin membership")
    public Tenant createClient(Caller caller, String agencyId, String name, String timeZone, String currency,
                               List<String> websiteDomains, String industry, String phoneRegion) {
        String agency = administeredAgency(caller, agencyId);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name is required (at most 200 characters)");
        }
        Text.withoutNul("name", name);
        Text.withoutNul("industry", industry);
        List<String> domains = websiteDomains(websiteDomains);
        ZoneId zone = zone(timeZone);
        Currency money = currency(currency);
        if (findClientByName(agency, name.trim()).isPresent()) {
            throw new ConflictException("the agency already has a client named '" + name.trim() + "'");
        }
        Tenant tenant = new Tenant(agency, name.trim(), zone, money, DEFAULT_ACTION_KEY);
        tenant.setWebsiteDomains(domains);
        tenant.setIndustry(industry);
        tenant.setPhoneRegion(phoneRegion(phoneRegion));
        insert(tenant);
        if (selection.asMember(caller, tenant.getId()).map(TenantAccess::role).orElse(null) != TenantRole.AGENCY_ADMIN) {
            throw new IllegalStateException("the creator of client " + tenant.getId() + " is not its agency admin");
        }
        addDefaultAction();
        audit.record("tenant.created", tenant.getName(), "time zone " + zone.getId() + ", currency "
                + money.getCurrencyCode());
        return tenant;
    }

    private static String phoneRegion(String region) {
        if (region == null || region.isBlank()) {
            return "US";
        }
        String r = region.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(r)) {
            throw new InvalidInputException("phone_region must be a region such as US or DE (ISO 3166-1 alpha-2) "
                    + "that phone numbers are written in; '" + Text.echo(region) + "' is not one");
        }
        return r;
    }

    /**
     * An agency admin changes a client's name, website domains and industry (time zone and currency
     * stay: stored days and amounts were counted in them). Recorded in the client's audit log.
     *
     * @throws NotFoundException     for a client the caller does not administer
     * @throws InvalidInputException for a missing or too long name, a bad domain
     * @throws ConflictException     for a name another client of the agency has
     */
    @CrossTenant("the caller must be agency admin of the client (selectAdministeredClient), then acts for it")
    public Tenant editClient(Caller caller, String tenantId, String name, List<String> websiteDomains, String industry) {
        Tenant tenant = selectAdministeredClient(caller, tenantId);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name is required (at most 200 characters)");
        }
        Text.withoutNul("name", name);
        Text.withoutNul("industry", industry);
        List<String> domains = websiteDomains(websiteDomains);
        String trimmed = name.trim();
        if (findClientByName(tenant.getAgencyId(), trimmed).filter(t -> !t.getId().equals(tenantId)).isPresent()) {
            throw new ConflictException("the agency already has a client named '" + trimmed + "'");
        }
        String before = tenant.getName();
        tenant.setName(trimmed);
        tenant.setWebsiteDomains(domains);
        tenant.setIndustry(industry == null || industry.isBlank() ? null : industry.trim());
        em.flush();
        audit.record("tenant.changed", trimmed, (before.equals(trimmed) ? "" : "name was " + before + "; ")
                + "websites " + (domains.isEmpty() ? "none" : String.join(", ", domains))
                + ", industry " + (tenant.getIndustry() == null ? "none" : tenant.getIndustry()));
        return tenant;
    }

    /**
     * An agency admin archives ({@code archived}) or unarchives a client of their agency. An archived
     * client keeps its data, API keys and collection, but leaves the UI: no member sees it in the
     * switcher, the portfolio shows it only when asked. Recorded in the client's audit log.
     *
     * @return whether anything changed (false when it already was in that state)
     * @throws NotFoundException for a client of an agency the caller does not administer
     */
    @CrossTenant("an agency admin's client list: the database function agency_client_archive changes only "
            + "clients of the agencies the caller administers (AccessService)")
    public boolean archiveClient(Caller caller, String tenantId, boolean archived) {
        List<String> agencies = access.administeredAgencies(caller);
        Tenant client = clientsOfAgencies(agencies).stream().filter(t -> t.getId().equals(tenantId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no client tenant " + tenantId));
        if (client.isArchived() == archived) {
            return false;
        }
        if (archived) {
            // Recorded while the client is still open to its agency admins.
            recordAsAdmin(caller, tenantId, "tenant.archived", client.getName());
        }
        boolean changed = (Boolean) em.createNativeQuery("select agency_client_archive(string_to_array(?1, ','), ?2, ?3, ?4)")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, String.join(",", agencies)).setParameter(2, tenantId).setParameter(3, archived)
                .setParameter(4, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).getSingleResult();
        if (changed && !archived) {
            recordAsAdmin(caller, tenantId, "tenant.unarchived", client.getName());
        }
        return changed;
    }

    /** Acts for the client as the caller (its agency admin) for the rest of the request, and records the action. */
    private void recordAsAdmin(Caller caller, String tenantId, String action, String target) {
        if (selection.asMember(caller, tenantId).map(TenantAccess::role).orElse(null) != TenantRole.AGENCY_ADMIN) {
            throw new NotFoundException("no client tenant " + tenantId);
        }
        audit.record(action, target, "");
    }

    /** The agencies the caller administers (every agency for a platform admin), by name. */
    @CrossTenant("a signed-in person's administered agencies (agencies are not tenant-owned)")
    public List<Agency> agenciesOf(Caller caller) {
        List<String> agencies = access.administeredAgencies(caller);
        if (agencies.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Agency a where a.id in :agencies order by a.name", Agency.class)
                .setParameter("agencies", agencies).getResultList();
    }

    /** The clients of every agency the caller administers, by name. */
    @CrossTenant("an agency admin's client list, read through the database function agency_clients for the "
            + "agencies the caller administers")
    public List<Tenant> clientsOf(Caller caller) {
        return clientsOfAgencies(access.administeredAgencies(caller));
    }

    /**
     * The agencies' clients by name, read across tenants through the database function
     * {@code agency_clients} (row-level security shows a plain query only the current tenant).
     * Read-only: the entities are not to be changed.
     */
    @SuppressWarnings("unchecked")
    private List<Tenant> clientsOfAgencies(List<String> agencyIds) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        // Tenant and agency ids are UUIDs: no commas inside. EclipseLink refuses native SQL in a unit
        // with multitenant entities unless a query asks; this one reads only through the function.
        return em.createNativeQuery("select * from agency_clients(string_to_array(?1, ','))", Tenant.class)
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, String.join(",", agencyIds)).getResultList();
    }

    /**
     * A client the caller administers, selected for the rest of the request with agency-admin
     * rights; any other id is "not found", so ids of other agencies' clients cannot be probed.
     */
    @CrossTenant("the management API acts for a client of the caller's agency: only through an agency-admin "
            + "membership (TenantSelection.asMember), anything else is not found")
    public Tenant selectAdministeredClient(Caller caller, String tenantId) {
        boolean agencyAdmin = tenantId != null && access.access(caller, tenantId)
                .filter(a -> a.role() == TenantRole.AGENCY_ADMIN).isPresent();
        if (!agencyAdmin || selection.asMember(caller, tenantId).isEmpty()) {
            throw new NotFoundException("no client tenant " + tenantId);
        }
        return current();
    }

    private String administeredAgency(Caller caller, String agencyId) {
        List<String> agencies = access.administeredAgencies(caller);
        if (agencyId == null || agencyId.isBlank()) {
            if (agencies.size() == 1) {
                return agencies.get(0);
            }
            if (agencies.isEmpty()) {
                throw new ForbiddenException("only agency admins create client tenants");
            }
            throw new InvalidInputException("agency_id is required: you administer " + agencies.size() + " agencies");
        }
        if (!agencies.contains(agencyId)) {
            throw new NotFoundException("no agency " + agencyId);
        }
        return agencyId;
    }

    /** Host names such as {@code shop.example} (no scheme, no path), at most 20. */
    private static List<String> websiteDomains(List<?> domains) {
        if (domains == null) {
            return List.of();
        }
        if (domains.size() > 20) {
            throw new InvalidInputException("website_domains holds at most 20 host names");
        }
        List<String> hosts = new java.util.ArrayList<>();
        for (Object d : domains) {
            String host = d instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : "";
            if (!host.matches("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
                throw new InvalidInputException("website_domains must be host names such as shop.example, not "
                        + (d == null ? "null" : "'" + d + "'"));
            }
            hosts.add(host);
        }
        return hosts;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone.trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException("time_zone must be an IANA time zone such as Europe/Berlin"
                    + (timeZone == null ? "; it is missing" : ", not '" + timeZone + "'"));
        }
    }

    /** A currency some country uses today ({@link CurrencyCodes#inUse()}); not DEM, XAU, XTS or XXX. */
    private static Currency currency(String code) {
        return CurrencyCodes.inUse(code).orElseThrow(() -> new InvalidInputException(
                "currency must be an ISO 4217 code of a currency in use today, such as EUR; "
                        + (code == null ? "it is missing" : Text.echo(code) + " is not one")));
    }

    /**
     * The tenant of the current request: its name, time zone, currency and settings, which every
     * role and key needs.
     *
     * @throws NotFoundException when the tenant does not exist (a platform job named a wrong id)
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP, Permission.MANAGE_ACCESS})
    public Tenant current() {
        String tenantId = currentTenant.require();
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new NotFoundException("no tenant " + tenantId);
        }
        return tenant;
    }

    /** The agency's client with this name, if any (names are unique per agency). */
    @PlatformJob("the demo start-up finds its clients by name")
    public Optional<Tenant> findTenantByName(String agencyId, String name) {
        return findClientByName(agencyId, name);
    }

    private Optional<Tenant> findClientByName(String agencyId, String name) {
        return clientsOfAgencies(List.of(agencyId)).stream().filter(t -> t.getName().equals(name)).findFirst();
    }
}
