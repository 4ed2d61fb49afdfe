package io.tracker.application.tenant;

import io.tracker.domain.tenant.AuditEntry;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The current tenant's audit log: every change to campaigns, conversion actions, tracking
 * numbers, members, roles and API keys is recorded with its actor, in the same transaction as the
 * change itself.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * @param action what happened, as {@code thing.verb}: {@code api-key.created}, {@code member.invited} …
     * @param target which thing, in words a person recognises (a name, a key prefix, an e-mail address)
     */
    @RequiresPermission({Permission.EDIT_SETUP, Permission.MANAGE_ACCESS})
    public void record(String action, String target, String details) {
        em.persist(new AuditEntry(currentTenant.actor(), action, target, details));
    }

    /** The newest entries first, at most {@code limit}. */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public List<AuditEntry> recent(int limit) {
        return em.createQuery("select e from AuditEntry e order by e.at desc, e.id desc", AuditEntry.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList();
    }
}
