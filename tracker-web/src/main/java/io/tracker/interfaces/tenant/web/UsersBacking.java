package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.MembershipService;
import io.tracker.domain.shared.DomainException;
import io.tracker.domain.tenant.TenantMember;
import io.tracker.domain.tenant.TenantRole;
import io.tracker.interfaces.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backs {@code /app/admin/users.xhtml} (agency admins): who may open the selected client and with
 * which role. Inviting takes an e-mail address and a role (analyst or viewer); the person then
 * signs in through the single sign-on with that (verified) address and is bound to it. Roles can be
 * changed and members removed. All through {@link MembershipService}, which checks the
 * {@code MANAGE_ACCESS} permission and writes the audit log. Agency admins are not listed: they
 * reach every client of their agency through the agency.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MembershipService members;

    @Inject
    private SignedInUser user;

    private String tenantId;
    private List<MemberRow> rows = List.of();

    private String inviteEmail;
    private TenantRole inviteRole = TenantRole.ANALYST;

    @PostConstruct
    public void init() {
        tenantId = user.getTenantId();
        load();
    }

    private void load() {
        rows = members.list().stream().map(MemberRow::new).toList();
    }

    public void invite() {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            TenantMember m = members.invite(inviteEmail, inviteRole);
            Messages.info("Invited " + m.getEmail() + " as " + TenantChoice.roleLabel(m.getRole()).toLowerCase()
                    + ". They get access when they sign in with that address.");
            inviteEmail = null;
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }

    /** Applies the role chosen in the member's row. */
    public void changeRole(MemberRow row) {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            TenantMember m = members.changeRole(row.getEmail(), row.getRole());
            Messages.info(m.getEmail() + " is now " + TenantChoice.roleLabel(m.getRole()).toLowerCase() + ".");
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
            load();
        }
    }

    public void remove(String email) {
        if (!user.confirmStill(tenantId)) {
            return;
        }
        try {
            members.remove(email);
            Messages.info(email + " no longer has access to this client.");
            load();
        } catch (DomainException | EJBException e) {
            Messages.error(Messages.domainCause(e).orElseThrow(() -> e).getMessage());
        }
    }


    /** The roles a member of one client can hold (agency admins belong to the agency). */
    public List<TenantRole> getRoles() {
        return List.of(TenantRole.ANALYST, TenantRole.VIEWER);
    }

    public String roleLabel(TenantRole role) {
        return TenantChoice.roleLabel(role);
    }

    public List<MemberRow> getRows() {
        return rows;
    }

    public String getInviteEmail() {
        return inviteEmail;
    }

    public void setInviteEmail(String inviteEmail) {
        this.inviteEmail = inviteEmail;
    }

    public TenantRole getInviteRole() {
        return inviteRole;
    }

    public void setInviteRole(TenantRole inviteRole) {
        this.inviteRole = inviteRole;
    }

    /** One member as the table shows it; the role is editable in place. */
    public static final class MemberRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String email;
        private TenantRole role;
        private final Instant invitedAt;
        private final Instant joinedAt;

        MemberRow(TenantMember m) {
            this.email = m.getEmail();
            this.role = m.getRole();
            this.invitedAt = m.getInvitedAt();
            this.joinedAt = m.getJoinedAt();
        }

        public String getEmail() {
            return email;
        }

        public TenantRole getRole() {
            return role;
        }

        public void setRole(TenantRole role) {
            this.role = role;
        }

        public Instant getInvitedAt() {
            return invitedAt;
        }

        public Instant getJoinedAt() {
            return joinedAt;
        }

        /** Whether the person has signed in since the invitation. */
        public boolean isJoined() {
            return joinedAt != null;
        }
    }
}
