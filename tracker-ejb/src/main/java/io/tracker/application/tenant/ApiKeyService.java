package io.tracker.application.tenant;

import io.tracker.application.tracking.collection.CollectionKeys;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKey;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.ApiKeySecret;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Set;

/**
 * Creates, lists and revokes the current tenant's API keys. Checking a presented key is
 * {@link TenantSelection#asApiKey}, the one way a key makes a request act for its tenant.
 */
@Stateless
public class ApiKeyService {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    @Inject
    private ApiKeyCache keyCache;

    @Inject
    private CollectionKeys collectionKeys;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * A new key for the current tenant. The returned secret is the only time it is readable.
     *
     * @throws InvalidInputException for no scopes
     */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public CreatedKey create(String name, Set<ApiKeyScope> scopes) {
        return store(name, ApiKeySecret.generate(), scopes);
    }

    /**
     * Stores a key whose secret the caller chose (the demo tenant's configured key).
     *
     * @param scopes what the key may do; at least one (a key without scopes could do nothing)
     * @throws InvalidInputException for no scopes
     */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public CreatedKey store(String name, ApiKeySecret secret, Set<ApiKeyScope> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("an API key needs at least one scope: read, write or both");
        }
        ApiKey key = new ApiKey(name, secret, scopes);
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
            forgetWhenDone(keyId);
            audit.record("api-key.revoked", key.getName() + " (" + key.getKeyPrefix() + "…)", null);
        }
        return key;
    }

    /**
     * Drops the key from this server's caches (the API's {@link ApiKeyCache}, the Segment write keys of
     * {@code CollectionKeys}) now and again when the revocation's transaction ends, so that no request
     * that read it before the commit keeps it cached.
     */
    private void forgetWhenDone(long keyId) {
        keyCache.forget(keyId);
        collectionKeys.forgetWriteKey(keyId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                keyCache.forget(keyId);
                collectionKeys.forgetWriteKey(keyId);
            }
        });
    }

    /** Whether the current tenant already has a key with this secret. */
    @RequiresPermission(Permission.MANAGE_ACCESS)
    public boolean exists(ApiKeySecret secret) {
        return !em.createQuery("select k from ApiKey k where k.keyHash = :hash", ApiKey.class)
                .setParameter("hash", secret.hash()).getResultList().isEmpty();
    }

    /** A freshly created key and its secret. */
    public record CreatedKey(ApiKey key, ApiKeySecret secret) {
    }
}
