package io.tracker.domain.tenant;

import io.tracker.domain.shared.Clock;
import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's role in one client tenant. Invited by e-mail address; bound to the person's OpenID
 * Connect subject the first time they sign in with that (verified) address.
 */
@Entity
@Table(name = "tenant_member")
public class TenantMember extends TenantOwned {

    @Id
    private String email;

    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantRole role;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "joined_at")
    private Instant joinedAt;

    protected TenantMember() {
    }

    public TenantMember(String email, TenantRole role) {
        if (role == TenantRole.AGENCY_ADMIN) {
            throw new IllegalArgumentException("agency admins are members of the agency, not of one client");
        }
        this.email = normaliseEmail(email);
        this.role = Objects.requireNonNull(role);
        this.invitedAt = Clock.now();
    }

    /** E-mail addresses are compared trimmed and lower-cased. */
    public static String normaliseEmail(String email) {
        String e = Objects.requireNonNull(email).trim().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s\\x00]+@[^@\\s\\x00]+\\.[^@\\s\\x00]+") || e.length() > 254) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        return e;
    }

    public String getEmail() {
        return email;
    }

    public String getSubject() {
        return subject;
    }

    public TenantRole getRole() {
        return role;
    }

    public void changeRole(TenantRole newRole) {
        if (newRole == TenantRole.AGENCY_ADMIN) {
            throw new IllegalArgumentException("agency admins are members of the agency, not of one client");
        }
        this.role = Objects.requireNonNull(newRole);
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public boolean hasJoined() {
        return joinedAt != null;
    }
}
