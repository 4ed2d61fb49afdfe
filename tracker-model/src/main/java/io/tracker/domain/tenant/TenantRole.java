package io.tracker.domain.tenant;

import java.util.EnumSet;
import java.util.Set;

/**
 * A person's role in one client tenant. Agency admins hold {@link #AGENCY_ADMIN} in every client
 * of their agency; analysts and viewers are invited per client.
 */
public enum TenantRole {
    /** Creates clients, invites users, manages keys; also everything an analyst may do. */
    AGENCY_ADMIN(EnumSet.allOf(Permission.class)),
    /** Edits campaigns, conversion actions and tracking numbers; imports data; reads reports. */
    ANALYST(EnumSet.of(Permission.READ_REPORTS, Permission.INGEST, Permission.EDIT_SETUP)),
    /** Reads reports. */
    VIEWER(EnumSet.of(Permission.READ_REPORTS));

    private final Set<Permission> permissions;

    TenantRole(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }
}
