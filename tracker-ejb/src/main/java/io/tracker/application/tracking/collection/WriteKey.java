package io.tracker.application.tracking.collection;

import io.tracker.domain.tenant.ApiKeyScope;
import java.util.Set;

/**
 * An API key presented to a collection endpoint (as a Segment write key: the Basic-auth user name),
 * found by {@link CollectionKeys#writeKey}.
 *
 * @param tenantId the key's tenant: the tenant its hits are collected for
 * @param keyId    the key's id within the tenant
 * @param scopes   its scopes; only a key with {@link ApiKeyScope#WRITE} may send ({@link #canWrite()})
 */
public record WriteKey(String tenantId, long keyId, Set<ApiKeyScope> scopes) {

    public WriteKey {
        scopes = Set.copyOf(scopes);
    }

    /** True when the key may send events (answer 403 otherwise). */
    public boolean canWrite() {
        return scopes.contains(ApiKeyScope.WRITE);
    }
}
