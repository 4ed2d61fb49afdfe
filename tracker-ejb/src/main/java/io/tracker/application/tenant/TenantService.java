package io.tracker.application.tenant;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Agency;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
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
        Tenant tenant = new Tenant(agencyId, name, timeZone, currency, DEFAULT_ACTION_KEY);
        em.persist(tenant);
        em.flush();
        currentTenant.set(tenant.getId());
        conversionActions.create(DEFAULT_ACTION_KEY, "Purchase", ConversionCategory.MACRO, BigDecimal.ZERO,
                CountingMode.EVERY);
        return tenant;
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
