/**
 * Tenancy: which tenant a request acts for ({@link io.tracker.application.tenant.CurrentTenant}),
 * the interceptor that makes every JPA query honour it ({@link io.tracker.application.tenant.TenantFilter}),
 * tenants and API keys.
 */
package io.tracker.application.tenant;
