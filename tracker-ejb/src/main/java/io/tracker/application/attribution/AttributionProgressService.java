package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * How far the current tenant's attribution is behind: the visitors waiting in {@code attribution_pending}
 * (new events, or a conversion action whose settings changed) and the age of the oldest mark. What the
 * conversion actions page polls while re-attribution runs, and {@code GET /api/v1/attribution/status}.
 */
@Stateless
@RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
public class AttributionProgressService {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @Inject
    private CurrentTenant currentTenant;

    /** The current tenant's pending visitors and the age of its oldest mark, in seconds by the database's clock. */
    public AttributionLag current() {
        // The explicit tenant condition: a database owner (development) is not subject to row-level security.
        Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(extract(epoch from now() - "
                        + "min(marked_at))::double precision, 0) from attribution_pending where tenant_id = ?1")
                .setParameter(1, currentTenant.require()).getSingleResult();
        return new AttributionLag(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
    }
}
