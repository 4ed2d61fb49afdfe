package io.tracker.application.tenant;

import io.tracker.domain.shared.DomainException;
import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.tenant.Permission;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant that the current request acts for, what the caller may do there, who the caller is
 * (for the audit log) and how the request came to act ({@link Origin}). Read by {@link TenantFilter},
 * {@link TenantConnections} and the services.
 *
 * <p>Only {@link TenantSelection} changes it: {@link #act(Grant)} takes a {@link Grant}, which only
 * code of this package can make, so the web tier cannot pick a tenant or a permission set itself.
 */
@RequestScoped
public class CurrentTenant {

    /** Actor name of Tracker's own jobs (start-up, demo data, provisioning). */
    public static final String SYSTEM = "system";

    /** How the request came to act for a tenant. */
    public enum Origin {
        /** Nothing has been authenticated yet. */
        NONE,
        /** Tracker's own job (start-up, demo data, test fixtures). */
        PLATFORM,
        /** An API key. */
        API_KEY,
        /** A signed-in person or service account, through a membership. */
        MEMBER
    }

    private String tenantId;
    private Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    private String actor = SYSTEM;
    private Origin origin = Origin.NONE;

    /** Acts as the grant says. Only {@link TenantSelection} can make a grant. */
    public void act(Grant grant) {
        this.tenantId = grant.tenantId;
        this.permissions = grant.permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(grant.permissions);
        this.actor = grant.actor;
        this.origin = grant.origin;
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
        requireAny(permission);
    }

    /** Fails with a 403-type error unless the caller holds at least one of the permissions in the current tenant. */
    public void requireAny(Permission... anyOf) {
        require();
        for (Permission p : anyOf) {
            if (permissions.contains(p)) {
                return;
            }
        }
        throw new ForbiddenException("your role in this client does not allow "
                + Arrays.stream(anyOf).map(CurrentTenant::describe).collect(Collectors.joining(" or ")));
    }

    public boolean allows(Permission permission) {
        return tenantId != null && permissions.contains(permission);
    }

    public String actor() {
        return actor;
    }

    public Origin origin() {
        return origin;
    }

    private static String describe(Permission p) {
        return switch (p) {
            case READ_REPORTS -> "reading reports";
            case INGEST -> "sending or importing data";
            case EDIT_SETUP -> "changing campaigns, conversion actions or tracking numbers";
            case MANAGE_ACCESS -> "managing users, roles and API keys";
        };
    }

    /**
     * What a request may act as: made only inside this package (by {@link TenantSelection}), from an
     * authenticated key, a membership or the platform itself, with the permissions computed there.
     */
    public static final class Grant {

        private final String tenantId;
        private final Set<Permission> permissions;
        private final String actor;
        private final Origin origin;

        Grant(String tenantId, Set<Permission> permissions, String actor, Origin origin) {
            this.tenantId = tenantId;
            this.permissions = permissions;
            this.actor = actor;
            this.origin = origin;
        }
    }

    /** Thrown when tenant-owned data is touched without a tenant; a programming error, never a client's. */
    public static class NoTenantException extends DomainException {
        public NoTenantException() {
            super("no tenant selected for this request");
        }
    }
}
