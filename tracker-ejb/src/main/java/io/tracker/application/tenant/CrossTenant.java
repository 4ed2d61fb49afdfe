package io.tracker.application.tenant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks one of the few business methods that run before, or across, a tenant: authenticating an API
 * key (the tenant is what it finds out), a signed-in person's memberships and administered agencies,
 * an agency admin's client list and portfolio. {@link TenantFilter} lets such a method run without a
 * {@link RequiresPermission}; the method itself checks who may do it (an agency admin of the agency,
 * the holder of the key…) and reads through the narrow database functions of {@code V3__row_level_security.sql},
 * never through a tenant-blind query.
 *
 * <p>Anything else (a method that simply forgot its permission) is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CrossTenant {

    /** Why this method may not be scoped to one tenant, and what it checks instead. */
    String value();
}
