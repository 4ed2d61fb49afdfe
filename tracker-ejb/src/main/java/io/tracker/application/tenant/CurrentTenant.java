package io.tracker.application.tenant;

import io.tracker.domain.shared.DomainException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The tenant that the current request acts for. Set once by whoever authenticated the request
 * (the API key filter, the signed-in dashboard session, a start-up job), read by
 * {@link TenantFilter} and by the JDBC write paths.
 */
@RequestScoped
public class CurrentTenant {

    private String tenantId;

    public void set(String tenantId) {
        this.tenantId = tenantId;
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

    /** Thrown when tenant-owned data is touched without a tenant; a programming error, never a client's. */
    public static class NoTenantException extends DomainException {
        public NoTenantException() {
            super("no tenant selected for this request");
        }
    }
}
