package io.tracker.application.tenant;

import io.tracker.domain.shared.TenantOwned;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one place where tenant isolation and permissions are enforced: a default interceptor (bound
 * to every EJB in {@code ejb-jar.xml}) that hands the current tenant to EclipseLink's multitenancy
 * before each business method, and checks the method's {@link RequiresPermission}. Every JPA query
 * on a {@link TenantOwned} entity is then limited to that tenant; with no tenant set such a query
 * fails instead of returning other tenants' rows.
 */
public class TenantFilter {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @Inject
    private CurrentTenant currentTenant;

    @AroundInvoke
    public Object applyTenant(InvocationContext invocation) throws Exception {
        RequiresPermission required = requirement(invocation);
        if (requestScopeActive()) {
            currentTenant.get().ifPresent(id -> em.setProperty(TenantOwned.TENANT_PROPERTY, id));
            if (required != null) {
                currentTenant.require(required.value());
            }
        } else if (required != null) {
            throw new CurrentTenant.NoTenantException();
        }
        return invocation.proceed();
    }

    private static RequiresPermission requirement(InvocationContext invocation) {
        RequiresPermission onMethod = invocation.getMethod().getAnnotation(RequiresPermission.class);
        return onMethod != null ? onMethod : invocation.getTarget().getClass().getAnnotation(RequiresPermission.class);
    }

    /** Start-up and timer code runs outside a request: then no tenant can be set, and none is applied. */
    private static boolean requestScopeActive() {
        try {
            return CDI.current().getBeanManager().getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
