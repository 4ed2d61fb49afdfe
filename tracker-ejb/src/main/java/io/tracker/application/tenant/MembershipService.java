package io.tracker.application.tenant;

import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.TenantMember;
import io.tracker.domain.tenant.TenantRole;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The current tenant's users: invitations by e-mail (the person then signs in through the
 * identity provider with that address), role changes and removals. Agency admins only.
 */
@Stateless
@RequiresPermission(Permission.MANAGE_ACCESS)
public class MembershipService {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    public List<TenantMember> list() {
        return em.createQuery("select m from TenantMember m order by m.email", TenantMember.class).getResultList();
    }

    public TenantMember invite(String email, TenantRole role) {
        String normalised = normalise(email);
        if (em.find(TenantMember.class, normalised) != null) {
            throw new ConflictException(normalised + " is already a member of this client");
        }
        TenantMember member = newMember(normalised, role);
        em.persist(member);
        audit.record("member.invited", normalised, "role " + role.name().toLowerCase());
        return member;
    }

    public TenantMember changeRole(String email, TenantRole role) {
        TenantMember member = get(email);
        TenantRole before = member.getRole();
        try {
            member.changeRole(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        audit.record("member.role-changed", member.getEmail(),
                before.name().toLowerCase() + " → " + role.name().toLowerCase());
        return member;
    }

    public void remove(String email) {
        TenantMember member = get(email);
        em.remove(member);
        audit.record("member.removed", member.getEmail(), null);
    }

    private TenantMember get(String email) {
        TenantMember member = em.find(TenantMember.class, normalise(email));
        if (member == null) {
            throw new NotFoundException("no member " + email + " in this client");
        }
        return member;
    }

    private static TenantMember newMember(String email, TenantRole role) {
        try {
            return new TenantMember(email, role);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static String normalise(String email) {
        try {
            return TenantMember.normaliseEmail(email == null ? "" : email);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
