package io.tracker.application.tenant;

import io.tracker.domain.tenant.ApiKeyScope;
import java.util.Set;

/** An API key that matched a stored, unrevoked key: whose it is and what it may do. */
public record AuthenticatedKey(String tenantId, long keyId, Set<ApiKeyScope> scopes) {

    public boolean allows(ApiKeyScope scope) {
        return scopes.contains(scope);
    }
}
