/**
 * Tenancy: which tenant a request acts for ({@link io.tracker.application.tenant.CurrentTenant}),
 * the one way to come to act for one ({@link io.tracker.application.tenant.TenantSelection}: an API
 * key, a membership, or Tracker's own job), the deny-by-default interceptor that checks every
 * business method's declaration and scopes JPA and the database to the tenant
 * ({@link io.tracker.application.tenant.TenantFilter}), the one tenant-scoped JDBC path
 * ({@link io.tracker.application.tenant.TenantConnections}, PostgreSQL row-level security), tenants,
 * memberships and API keys.
 *
 * <p>Invariants: nothing outside this package can pick a tenant or a permission set; every business
 * method of every EJB declares {@link io.tracker.application.tenant.RequiresPermission},
 * {@link io.tracker.application.tenant.PlatformJob} or {@link io.tracker.application.tenant.CrossTenant};
 * cross-tenant reads go only through the documented {@code SECURITY DEFINER} functions.
 */
package io.tracker.application.tenant;
