package io.tracker.application.tenant;

import io.tracker.domain.tenant.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a service method needs in the current tenant. {@link TenantFilter} checks it
 * before the method runs, for every caller: the UI, the REST API, API keys and Tracker's own jobs
 * alike. With several values the caller needs any one of them (reading the tenant's own settings,
 * for example, is part of reporting, ingesting and editing alike).
 *
 * <p>A business method needs this, {@link CrossTenant} or {@link PlatformJob} (on the method or its
 * class); {@link TenantFilter} refuses any other.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    /** The permissions of which the caller must hold at least one; never empty. */
    Permission[] value();
}
