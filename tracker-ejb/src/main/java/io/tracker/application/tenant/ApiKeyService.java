package io.tracker.application.tenant;

import io.tracker.application.shared.Database;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKey;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.ApiKeySecret;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Creates, lists, revokes and checks tenants' API keys. */
@Stateless
public class ApiKeyService {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    /** A new key for the current tenant. The returned secret is the only time it is readable. */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public CreatedKey create(String name, Set<ApiKeyScope> scopes) {
        return store(name, ApiKeySecret.generate(), scopes);
    }

    /** Stores a key whose secret the caller chose (the demo tenant's configured key). */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public CreatedKey store(String name, ApiKeySecret secret, Set<ApiKeyScope> scopes) {
        ApiKey key = new ApiKey(name, secret, scopes.isEmpty() ? EnumSet.allOf(ApiKeyScope.class) : scopes);
        em.persist(key);
        em.flush();
        audit.record("api-key.created", key.getName() + " (" + key.getKeyPrefix() + "…)",
                "scopes " + key.getScopes().toString().toLowerCase());
        return new CreatedKey(key, secret);
    }

    /** The current tenant's keys, newest first, revoked ones included. */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public List<ApiKey> list() {
        return em.createQuery("select k from ApiKey k order by k.createdAt desc", ApiKey.class).getResultList();
    }

    /** Revokes one of the current tenant's keys; a key of another tenant is "not found". */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public ApiKey revoke(long keyId) {
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null) {
            throw new NotFoundException("no API key " + keyId);
        }
        if (!key.isRevoked()) {
            key.revoke();
            audit.record("api-key.revoked", key.getName() + " (" + key.getKeyPrefix() + "…)", null);
        }
        return key;
    }

    /** Whether the current tenant already has a key with this secret. */
    public boolean exists(ApiKeySecret secret) {
        return !em.createQuery("select k from ApiKey k where k.keyHash = :hash", ApiKey.class)
                .setParameter("hash", secret.hash()).getResultList().isEmpty();
    }

    /**
     * Checks a presented secret. This is the one read across tenants (the tenant is what it
     * finds out), so it goes by the unique hash index in plain SQL. It also records when the key
     * was last used, at most once a minute per key.
     */
    public Optional<AuthenticatedKey> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isBlank()) {
            return Optional.empty();
        }
        String hash = new ApiKeySecret(presentedSecret.trim()).hash();
        try (Connection c = dataSource.getConnection();
             PreparedStatement find = c.prepareStatement(
                     "select tenant_id, id, scopes, key_prefix from api_key where key_hash = ? and revoked_at is null")) {
            find.setString(1, hash);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String tenantId = rs.getString(1);
                long keyId = rs.getLong(2);
                Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
                for (String s : rs.getString(3).split(",")) {
                    scopes.add(ApiKeyScope.valueOf(s.trim()));
                }
                touch(c, tenantId, keyId);
                return Optional.of(new AuthenticatedKey(tenantId, keyId, scopes, rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API key lookup failed", e);
        }
    }

    private static void touch(Connection c, String tenantId, long keyId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update api_key set last_used_at = now() "
                + "where tenant_id = ? and id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')")) {
            update.setString(1, tenantId);
            update.setLong(2, keyId);
            update.executeUpdate();
        }
    }

    /** A freshly created key and its secret. */
    public record CreatedKey(ApiKey key, ApiKeySecret secret) {
    }
}
