package io.tracker.application.tenant;

import io.tracker.domain.tenant.TenantRole;

/** One client tenant a caller may open, and the caller's role there. */
public record TenantAccess(String tenantId, String tenantName, String agencyId, String agencyName, TenantRole role) {
}
