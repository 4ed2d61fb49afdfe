package io.tracker.domain.tenant;

import io.tracker.domain.shared.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A marketing agency (or an in-house team) that manages one or more client tenants. */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Agency() {
    }

    public Agency(String name) {
        this.id = UUID.randomUUID().toString();
        this.name = Objects.requireNonNull(name);
        this.createdAt = Clock.now();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
