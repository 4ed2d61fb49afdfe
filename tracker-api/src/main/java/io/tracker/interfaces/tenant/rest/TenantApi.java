package io.tracker.interfaces.tenant.rest;

import io.tracker.domain.tenant.ApiKeyScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that works on one tenant's data. {@link ApiAuthentication} opens it to
 * {@code Authorization: Bearer <credential>} where the credential is either the tenant's API key
 * with this scope, or an OpenID Connect access token of a member of the tenant named by the
 * {@code X-Tracker-Tenant} header (or the {@code tenant} query parameter). What the caller may then
 * do is decided by the services' permissions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TenantApi {
    /** The scope an API key needs here. */
    ApiKeyScope value();
}
