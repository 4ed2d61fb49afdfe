package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.TenantAccess;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.TenantRole;
import java.io.Serializable;

/**
 * One client tenant the signed-in person may open and their role there, as the session keeps it
 * (a copy of {@link TenantAccess}, which is not serializable).
 */
public record TenantChoice(String tenantId, String tenantName, String agencyId, String agencyName, TenantRole role)
        implements Serializable {

    static TenantChoice of(TenantAccess access) {
        return new TenantChoice(access.tenantId(), access.tenantName(), access.agencyId(), access.agencyName(),
                access.role());
    }

    public boolean allows(Permission permission) {
        return role.allows(permission);
    }

    /** The role as the pages name it: "Agency admin", "Analyst", "Viewer". */
    public String getRoleLabel() {
        return roleLabel(role);
    }

    /** Label of the tenant switcher's entry: "Demo Outdoor Shop · Analyst". */
    public String getLabel() {
        return tenantName + " · " + roleLabel(role);
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getTenantName() {
        return tenantName;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public TenantRole getRole() {
        return role;
    }

    public static String roleLabel(TenantRole role) {
        return switch (role) {
            case AGENCY_ADMIN -> "Agency admin";
            case ANALYST -> "Analyst";
            case VIEWER -> "Viewer";
        };
    }
}
