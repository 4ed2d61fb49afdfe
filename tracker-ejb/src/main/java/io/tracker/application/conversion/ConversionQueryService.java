package io.tracker.application.conversion;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.domain.conversion.Conversion;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Reading the current tenant's recorded conversions, newest first. */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class ConversionQueryService {

    /** Most conversions one page lists. */
    public static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    /** Conversions at or after {@code from} and before {@code to} (UTC instants). */
    public List<Conversion> list(Instant from, Instant to, int limit) {
        return em.createQuery("select c from Conversion c where c.occurredAt >= :from and c.occurredAt < :to "
                        + "order by c.occurredAt desc, c.id desc", Conversion.class)
                .setParameter("from", from).setParameter("to", to)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE))).getResultList();
    }

    /** One conversion of the current tenant; another tenant's id is "not found". */
    public Conversion get(long id) {
        Conversion c = em.find(Conversion.class, id);
        if (c == null) {
            throw new NotFoundException("no conversion " + id);
        }
        return c;
    }
}
