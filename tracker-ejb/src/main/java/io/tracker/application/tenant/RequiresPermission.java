package io.tracker.application.tenant;

import io.tracker.domain.tenant.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a service method needs in the current tenant. {@link TenantFilter} checks it
 * before the method runs, for every caller: the UI, the REST API and API keys alike.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
    Permission value();
}
