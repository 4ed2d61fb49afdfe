package io.tracker.application.tenant;

import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.Permission;
import java.util.EnumSet;
import java.util.Set;

/** An API key that matched a stored, unrevoked key: whose it is and what it may do. */
public record AuthenticatedKey(String tenantId, long keyId, Set<ApiKeyScope> scopes, String prefix) {

    public boolean allows(ApiKeyScope scope) {
        return scopes.contains(scope);
    }

    /** What the key may do: {@code read} reads reports, {@code write} sends events and imports. */
    public Set<Permission> permissions() {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (scopes.contains(ApiKeyScope.READ)) {
            permissions.add(Permission.READ_REPORTS);
        }
        if (scopes.contains(ApiKeyScope.WRITE)) {
            permissions.add(Permission.INGEST);
        }
        return permissions;
    }

    /** How the key appears in the audit log. */
    public String actor() {
        return "api-key:" + prefix;
    }
}
