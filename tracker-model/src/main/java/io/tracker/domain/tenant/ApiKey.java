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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's API key. Only the SHA-256 hash of the secret is stored (see {@link ApiKeySecret});
 * the secret itself is shown once, when the key is created. The prefix (the first characters of
 * the secret) lets a person tell keys apart in a list.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    /** Comma-separated {@link ApiKeyScope} names, such as {@code READ,WRITE}. */
    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    /** @throws IllegalArgumentException for no scopes: a key that may do nothing is a mistake, never "all" */
    public ApiKey(String name, ApiKeySecret secret, Set<ApiKeyScope> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key needs at least one scope");
        }
        this.name = Objects.requireNonNull(name);
        this.keyHash = secret.hash();
        this.keyPrefix = secret.prefix();
        this.scopes = scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.createdAt = Clock.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public Set<ApiKeyScope> getScopes() {
        EnumSet<ApiKeyScope> set = EnumSet.noneOf(ApiKeyScope.class);
        Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).map(ApiKeyScope::valueOf).forEach(set::add);
        return set;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Clock.now();
        }
    }
}
