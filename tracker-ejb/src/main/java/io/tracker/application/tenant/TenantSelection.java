package io.tracker.application.tenant;

import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.ApiKeySecret;
import io.tracker.domain.tenant.Permission;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one way a request comes to act for a tenant, each computing the permissions itself:
 *
 * <ul>
 *   <li>{@link #asApiKey}: from a presented API key, with the permissions of its scopes;</li>
 *   <li>{@link #asMember}: a signed-in person (or service account) in one client, with the role their
 *       membership gives them there (agency admins and platform admins included);</li>
 *   <li>{@link #asPlatform} / {@link #startPlatformJob}: Tracker's own jobs (demo start-up, a new
 *       tenant's defaults, test fixtures), with every permission; refused once the request has acted
 *       for a key or a person, so an authenticated request can never become the platform.</li>
 * </ul>
 *
 * Each also makes the current transaction's database connection act for the tenant
 * ({@link TenantConnections}). Nothing else can change {@link CurrentTenant}.
 */
@Stateless
public class TenantSelection {

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private TenantConnections connections;

    @EJB
    private AccessService access;

    @Inject
    private ApiKeyCache keyCache;

    @Resource
    private SessionContext context;

    /**
     * Checks a presented secret and, when it is a stored, unrevoked key, acts for its tenant with the
     * permissions of its scopes (a key without scopes may do nothing). Records when the key was last
     * used, at most once a minute per key. Runs without a transaction; a key found is kept for a minute
     * ({@link ApiKeyCache}: on this server a revoked key is refused at once), so a request with a known
     * key costs no database round trip here.
     *
     * @return the key, empty for an unknown or revoked secret (then nothing changes)
     */
    @CrossTenant("API key authentication: the key's tenant is what the lookup finds out; it reads one "
            + "unrevoked key by the hash of the presented secret (database function api_key_by_hash)")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<AuthenticatedKey> asApiKey(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isBlank()) {
            return Optional.empty();
        }
        String hash = new ApiKeySecret(presentedSecret.trim()).hash();
        Optional<AuthenticatedKey> cached = keyCache.find(hash);
        AuthenticatedKey key;
        if (cached.isPresent()) {
            key = cached.get();
        } else {
            Optional<AuthenticatedKey> stored = lookUp(hash);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            key = stored.get();
            keyCache.put(hash, key);
        }
        act(key.tenantId(), key.permissions(), key.actor(), CurrentTenant.Origin.API_KEY);
        if (keyCache.useRecordDue(key.keyId())) {
            context.getBusinessObject(TenantSelection.class).recordUse(key.keyId());
        }
        return Optional.of(key);
    }

    /**
     * Records that the key the current request authenticated was used ({@code api_key.last_used_at}),
     * in its own transaction; called by {@link #asApiKey} at most once a minute per key and server.
     */
    @CrossTenant("records the use of the key this request has just authenticated; the row is the current "
            + "tenant's (row-level security), so no other tenant's key can be touched")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordUse(long keyId) {
        touch(keyId);
    }

    private Optional<AuthenticatedKey> lookUp(String hash) {
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement find = c.prepareStatement("select tenant_id, id, scopes, key_prefix from api_key_by_hash(?)")) {
            find.setString(1, hash);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new AuthenticatedKey(rs.getString(1), rs.getLong(2), scopes(rs.getString(3)),
                        rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API key lookup failed", e);
        }
    }

    /**
     * Acts for the tenant with the caller's role there, if they have one (see {@link AccessService}).
     *
     * @return the caller's access; empty when they have no role in the tenant (then nothing changes)
     */
    @CrossTenant("a signed-in person's membership decides the tenant and role; read by subject "
            + "(database function memberships_of)")
    public Optional<TenantAccess> asMember(Caller caller, String tenantId) {
        Optional<TenantAccess> membership = access.access(caller, tenantId);
        membership.ifPresent(m -> act(m.tenantId(), m.role().permissions(), caller.actor(), CurrentTenant.Origin.MEMBER));
        return membership;
    }

    /**
     * Starts one of Tracker's own jobs without a tenant yet (to create agencies and tenants).
     *
     * @throws ForbiddenException when the request already acted for an API key or a person
     */
    @CrossTenant("starts a platform job; refused in a request that authenticated a key or a person")
    public void startPlatformJob() {
        requirePlatformPossible();
        act(null, EnumSet.noneOf(Permission.class), CurrentTenant.SYSTEM, CurrentTenant.Origin.PLATFORM);
    }

    /**
     * Acts for the tenant as Tracker itself, with every permission.
     *
     * @throws ForbiddenException when the request already acted for an API key or a person
     */
    @CrossTenant("a platform job acts for one tenant; refused in a request that authenticated a key or a person")
    public void asPlatform(String tenantId) {
        requirePlatformPossible();
        act(tenantId, EnumSet.allOf(Permission.class), CurrentTenant.SYSTEM, CurrentTenant.Origin.PLATFORM);
    }

    /**
     * Acts for the tenant as one of Tracker's public collection endpoints that found the tenant by a credential
     * of its own (the tag's number request by the site's public key, the call webhook by its signature), with
     * {@link Permission#INGEST} only.
     *
     * @param actor what acts, for the audit ({@code dni}, {@code call webhook})
     * @throws ForbiddenException when the request already acted for an API key or a person
     */
    @CrossTenant("a collection endpoint acts for the tenant its site key or signed webhook names; send only")
    public void asCollector(String tenantId, String actor) {
        requirePlatformPossible();
        act(tenantId, EnumSet.of(Permission.INGEST), actor, CurrentTenant.Origin.PLATFORM);
    }

    private void requirePlatformPossible() {
        CurrentTenant.Origin origin = currentTenant.origin();
        if (origin != CurrentTenant.Origin.NONE && origin != CurrentTenant.Origin.PLATFORM) {
            throw new ForbiddenException("a request that acts for an API key or a person cannot act as Tracker itself");
        }
    }

    private void act(String tenantId, Set<Permission> permissions, String actor, CurrentTenant.Origin origin) {
        currentTenant.act(new CurrentTenant.Grant(tenantId, permissions, actor, origin));
        connections.applyToTransaction();
    }

    private void touch(long keyId) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement update = c.prepareStatement("update api_key set last_used_at = now() where id = ? "
                     + "and (last_used_at is null or last_used_at < now() - interval '1 minute')")) {
            update.setLong(1, keyId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording the API key's use failed", e);
        }
    }

    /** Stored scopes ({@code READ,WRITE}); an empty text is no scope at all. */
    static Set<ApiKeyScope> scopes(String stored) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String s : stored == null ? new String[0] : stored.split(",")) {
            if (!s.isBlank()) {
                scopes.add(ApiKeyScope.valueOf(s.trim()));
            }
        }
        return scopes;
    }
}
