package io.tracker.it;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;

/**
 * Test-only EJB of {@link RowLevelSecurityIT}'s deployment, where the web module's own
 * {@code ejb-jar.xml} binds the product's {@code TenantFilter} to it as a default interceptor, as
 * tracker-ejb's binds it to every product EJB.
 */
@Stateless
public class TenancyProbe {

    /** Deliberately declares nothing: the interceptor must refuse to run it. */
    public String undeclared() {
        return "ran";
    }

    /** Declares what it needs: runs for a caller who reads reports in the current tenant. */
    @RequiresPermission(Permission.READ_REPORTS)
    public String declared() {
        return "ran";
    }
}
