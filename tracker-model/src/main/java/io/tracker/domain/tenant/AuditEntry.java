package io.tracker.domain.tenant;

import io.tracker.domain.shared.Clock;
import io.tracker.domain.shared.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One change in a tenant's set-up: who (an e-mail address, {@code api-key:<prefix>} or
 * {@code system}) did what ({@code campaign.created}, {@code member.invited}, {@code api-key.revoked} …)
 * to which thing, and when (UTC). Append-only.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String target;

    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(String actor, String action, String target, String details) {
        this.at = Clock.now();
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.target = Objects.requireNonNull(target);
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetails() {
        return details;
    }
}
