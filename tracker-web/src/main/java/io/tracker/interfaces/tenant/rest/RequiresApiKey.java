package io.tracker.interfaces.tenant.rest;

import io.tracker.domain.tenant.ApiKeyScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that a tenant's API key opens ({@code Authorization: Bearer <key>}),
 * and the scope the key needs. {@link ApiKeyAuthentication} enforces it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresApiKey {
    ApiKeyScope value();
}
