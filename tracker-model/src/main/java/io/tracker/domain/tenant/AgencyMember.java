package io.tracker.domain.tenant;

import io.tracker.domain.shared.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An agency admin: may manage every client tenant of the agency. Invited by e-mail address,
 * bound to the OpenID Connect subject at first sign-in, like {@link TenantMember}.
 */
@Entity
@Table(name = "agency_member")
@IdClass(AgencyMember.Key.class)
public class AgencyMember {

    @Id
    @Column(name = "agency_id")
    private String agencyId;

    @Id
    private String email;

    private String subject;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "joined_at")
    private Instant joinedAt;

    protected AgencyMember() {
    }

    public AgencyMember(String agencyId, String email) {
        this.agencyId = Objects.requireNonNull(agencyId);
        this.email = TenantMember.normaliseEmail(email);
        this.invitedAt = Clock.now();
    }

    public String getAgencyId() {
        return agencyId;
    }

    public String getEmail() {
        return email;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        private String agencyId;
        private String email;

        public Key() {
        }

        public Key(String agencyId, String email) {
            this.agencyId = agencyId;
            this.email = email;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(agencyId, k.agencyId) && Objects.equals(email, k.email);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agencyId, email);
        }
    }
}
