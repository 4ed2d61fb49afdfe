package io.tracker.application.tenant;

import io.tracker.domain.shared.DomainException;
import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.tenant.Permission;
import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant that the current request acts for, what the caller may do there, and who the caller
 * is (for the audit log). Set once by whoever authenticated the request (the API key filter, the
 * signed-in session, a start-up job); read by {@link TenantFilter} and by the JDBC write paths.
 */
@RequestScoped
public class CurrentTenant {

    /** Actor name of Tracker's own jobs (start-up, demo data). */
    public static final String SYSTEM = "system";

    private String tenantId;
    private Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    private String actor = SYSTEM;

    /** Acts for the tenant as a person or key holding these permissions. */
    public void set(String tenantId, Set<Permission> permissions, String actor) {
        this.tenantId = tenantId;
        this.permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
        this.actor = actor;
    }

    /** Acts for the tenant as Tracker itself, with every permission: only for trusted internal jobs. */
    public void set(String tenantId) {
        set(tenantId, EnumSet.allOf(Permission.class), SYSTEM);
    }

    public Optional<String> get() {
        return Optional.ofNullable(tenantId);
    }

    /** The tenant id; fails when no tenant was set, so nothing runs unscoped by mistake. */
    public String require() {
        if (tenantId == null) {
            throw new NoTenantException();
        }
        return tenantId;
    }

    /** Fails with a 403-type error unless the caller holds the permission in the current tenant. */
    public void require(Permission permission) {
        require();
        if (!permissions.contains(permission)) {
            throw new ForbiddenException("your role in this client does not allow " + describe(permission));
        }
    }

    public boolean allows(Permission permission) {
        return tenantId != null && permissions.contains(permission);
    }

    public String actor() {
        return actor;
    }

    private static String describe(Permission p) {
        return switch (p) {
            case READ_REPORTS -> "reading reports";
            case INGEST -> "sending or importing data";
            case EDIT_SETUP -> "changing campaigns, conversion actions or tracking numbers";
            case MANAGE_ACCESS -> "managing users, roles and API keys";
        };
    }

    /** Thrown when tenant-owned data is touched without a tenant; a programming error, never a client's. */
    public static class NoTenantException extends DomainException {
        public NoTenantException() {
            super("no tenant selected for this request");
        }
    }
}
