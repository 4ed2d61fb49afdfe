package io.tracker.interfaces.tenant.web;

import io.tracker.domain.tenant.Permission;

/**
 * What each signed-in page needs, by its path in the UI module (context root {@code /app}). The navigation hides what the
 * caller's role cannot open, {@link TenantSessionFilter} refuses such a page opened by URL (403),
 * and the services refuse the calls anyway ({@code @RequiresPermission}); this is the middle line.
 *
 * <ul>
 *   <li>{@code /admin/portfolio.xhtml}, {@code /admin/clients.xhtml}, {@code /admin/benchmarks.xhtml} (read
 *       by agency admins, changed by platform admins only): agency admins (of any agency; platform admins are
 *       admins of all of them);</li>
 *   <li>other pages under {@code /admin/}: {@link Permission#MANAGE_ACCESS} in the selected
 *       tenant (users, API keys, audit log);</li>
 *   <li>{@code /import.xhtml}, {@code /offline-conversions.xhtml}: {@link Permission#INGEST};</li>
 *   <li>{@code /conversion-actions.xhtml}: {@link Permission#EDIT_SETUP};</li>
 *   <li>every other page (dashboard, campaigns, sites: adding a site needs {@code EDIT_SETUP} in the
 *       service; destinations; {@code /cart-recovery.xhtml}): {@link Permission#READ_REPORTS}.</li>
 * </ul>
 */
public enum PageAccess {

    /** The caller administers an agency. */
    AGENCY_ADMIN(null),
    MANAGE_ACCESS(Permission.MANAGE_ACCESS),
    INGEST(Permission.INGEST),
    EDIT_SETUP(Permission.EDIT_SETUP),
    READ_REPORTS(Permission.READ_REPORTS);

    private final Permission permission;

    PageAccess(Permission permission) {
        this.permission = permission;
    }

    /** What the page at this path (servlet path such as {@code /admin/keys.xhtml}) needs. */
    public static PageAccess of(String path) {
        String p = path == null ? "" : path;
        if (p.equals("/admin/portfolio.xhtml") || p.equals("/admin/clients.xhtml") || p.equals("/admin/benchmarks.xhtml")) {
            return AGENCY_ADMIN;
        }
        if (p.startsWith("/admin/")) {
            return MANAGE_ACCESS;
        }
        if (p.equals("/import.xhtml") || p.equals("/offline-conversions.xhtml")) {
            return INGEST;
        }
        if (p.equals("/conversion-actions.xhtml")) {
            return EDIT_SETUP;
        }
        return READ_REPORTS;
    }

    /**
     * Whether a caller may open the page.
     *
     * @param tenant        the selected tenant and the caller's role there (never null here)
     * @param agencyAdmin   whether the caller administers at least one agency
     */
    public boolean allows(TenantChoice tenant, boolean agencyAdmin) {
        return permission == null ? agencyAdmin : tenant.allows(permission);
    }
}
