/**
 * Signing in to the browser UI with a tenant API key (until single sign-on arrives): the session's
 * {@link io.tracker.interfaces.tenant.web.SignedInTenant}, the sign-in and sign-out actions, and
 * the {@link io.tracker.interfaces.tenant.web.TenantSessionFilter} that keeps {@code /app/*} for
 * signed-in users and scopes each of their requests to their tenant. The tenant always comes from
 * the session, never from the request.
 */
package io.tracker.interfaces.tenant.web;
