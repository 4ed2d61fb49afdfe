package io.tracker.application.tenant;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.shared.ConflictException;
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
import java.util.EnumSet;
import java.util.Set;
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

    public Agency createAgency(String name) {
        Agency agency = new Agency(name);
        em.persist(agency);
        return agency;
    }

    public Optional<Agency> findAgencyByName(String name) {
        return em.createQuery("select a from Agency a where a.name = :name order by a.createdAt", Agency.class)
                .setParameter("name", name).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Creates a client tenant with its default macro conversion action ({@value #DEFAULT_ACTION_KEY},
     * counted every time, default value 0). Leaves the new tenant selected for the rest of the request.
     */
    public Tenant createTenant(String agencyId, String name, ZoneId timeZone, Currency currency) {
        return provision(new Tenant(agencyId, name, timeZone, currency, DEFAULT_ACTION_KEY),
                EnumSet.allOf(Permission.class), CurrentTenant.SYSTEM);
    }

    private Tenant provision(Tenant tenant, Set<Permission> permissions,
                             String actor) {
        em.persist(tenant);
        em.flush();
        currentTenant.set(tenant.getId(), permissions, actor);
        conversionActions.create(DEFAULT_ACTION_KEY, "Purchase", ConversionCategory.MACRO, BigDecimal.ZERO,
                CountingMode.EVERY);
        return tenant;
    }

    /**
     * An agency admin (or platform admin) creates a client tenant in one of the agencies they
     * administer; {@code agencyId} may be null when they administer exactly one. The caller then acts
     * for the new tenant as its agency admin for the rest of the request.
     *
     * @throws NotFoundException        for an agency the caller does not administer
     * @throws InvalidInputException    for a missing name, an unknown time zone or currency
     */
    public Tenant createClient(Caller caller, String agencyId, String name, String timeZone, String currency,
                               List<String> websiteDomains, String industry) {
        String agency = administeredAgency(caller, agencyId);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name is required (at most 200 characters)");
        }
        Text.withoutNul("name", name);
        Text.withoutNul("industry", industry);
        List<String> domains = websiteDomains(websiteDomains);
        ZoneId zone = zone(timeZone);
        Currency money = currency(currency);
        if (findTenantByName(agency, name.trim()).isPresent()) {
            throw new ConflictException("the agency already has a client named '" + name.trim() + "'");
        }
        Tenant tenant = new Tenant(agency, name.trim(), zone, money, DEFAULT_ACTION_KEY);
        tenant.setWebsiteDomains(domains);
        tenant.setIndustry(industry);
        provision(tenant, TenantRole.AGENCY_ADMIN.permissions(), caller.actor());
        audit.record("tenant.created", tenant.getName(), "time zone " + zone.getId() + ", currency "
                + money.getCurrencyCode());
        return tenant;
    }

    /** The agencies the caller administers (every agency for a platform admin), by name. */
    public List<Agency> agenciesOf(Caller caller) {
        List<String> agencies = access.administeredAgencies(caller);
        if (agencies.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Agency a where a.id in :agencies order by a.name", Agency.class)
                .setParameter("agencies", agencies).getResultList();
    }

    /** The clients of every agency the caller administers, by name. */
    public List<Tenant> clientsOf(Caller caller) {
        List<String> agencies = access.administeredAgencies(caller);
        if (agencies.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t from Tenant t where t.agencyId in :agencies order by t.name", Tenant.class)
                .setParameter("agencies", agencies).getResultList();
    }

    /**
     * A client the caller administers, selected for the rest of the request with agency-admin
     * rights; any other id is "not found", so ids of other agencies' clients cannot be probed.
     */
    public Tenant selectAdministeredClient(Caller caller, String tenantId) {
        Tenant tenant = findTenant(tenantId)
                .filter(t -> access.administeredAgencies(caller).contains(t.getAgencyId()))
                .orElseThrow(() -> new NotFoundException("no client tenant " + tenantId));
        currentTenant.set(tenant.getId(), TenantRole.AGENCY_ADMIN.permissions(), caller.actor());
        return tenant;
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

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code == null ? "" : code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency must be an ISO 4217 code such as EUR, not '" + code + "'");
        }
    }

    public Optional<Tenant> findTenant(String tenantId) {
        return Optional.ofNullable(em.find(Tenant.class, tenantId));
    }

    public Tenant getTenant(String tenantId) {
        return findTenant(tenantId).orElseThrow(() -> new NotFoundException("no tenant " + tenantId));
    }

    /** The tenant of the current request. */
    public Tenant current() {
        return getTenant(currentTenant.require());
    }

    public Optional<Tenant> findTenantByName(String agencyId, String name) {
        return em.createQuery("select t from Tenant t where t.agencyId = :agency and t.name = :name", Tenant.class)
                .setParameter("agency", agencyId).setParameter("name", name)
                .getResultStream().findFirst();
    }

    public List<Tenant> tenantsOf(String agencyId) {
        return em.createQuery("select t from Tenant t where t.agencyId = :agency order by t.name", Tenant.class)
                .setParameter("agency", agencyId).getResultList();
    }
}
