/**
 * Signing in to the browser UI and everything about access: single sign-on with OpenID Connect
 * ({@link io.tracker.interfaces.tenant.web.SingleSignOn}, configured by
 * {@link io.tracker.interfaces.tenant.web.OidcSettings}), the session's signed-in person and selected
 * client ({@link io.tracker.interfaces.tenant.web.SignedInUser}), the
 * {@link io.tracker.interfaces.tenant.web.TenantSessionFilter} that scopes every signed-in
 * request to that client with the person's role there and refuses pages the role does not include
 * ({@link io.tracker.interfaces.tenant.web.PageAccess}), the tenant switcher, sign-out, and the agency
 * admin pages: clients, users, API keys, audit log.
 *
 * <p>Invariants: a tenant is only ever selected from the list {@code AccessService.tenantsOf} gave for
 * the signed-in caller, never from a request parameter; pages that change something check that the
 * selected tenant is still the one they were opened for.
 */
package io.tracker.interfaces.tenant.web;
