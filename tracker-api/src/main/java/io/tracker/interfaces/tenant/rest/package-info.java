/**
 * API authentication and the management API for agencies. {@link io.tracker.interfaces.tenant.rest.ApiAuthentication}
 * turns the bearer credential (a tenant API key or an OpenID Connect access token) into the current tenant and
 * permissions; no tenant id from a URL or body is trusted by itself.
 */
package io.tracker.interfaces.tenant.rest;
