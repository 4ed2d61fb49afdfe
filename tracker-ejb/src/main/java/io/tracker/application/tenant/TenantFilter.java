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
 * The one place where tenant isolation is switched on: a default interceptor (bound to every
 * EJB in {@code ejb-jar.xml}) that hands the current tenant to EclipseLink's multitenancy
 * before each business method. Every JPA query on a {@link TenantOwned} entity is then limited
 * to that tenant; with no tenant set such a query fails instead of returning other tenants' rows.
 */
public class TenantFilter {

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @Inject
    private CurrentTenant currentTenant;

    @AroundInvoke
    public Object applyTenant(InvocationContext invocation) throws Exception {
        if (requestScopeActive()) {
            currentTenant.get().ifPresent(id -> em.setProperty(TenantOwned.TENANT_PROPERTY, id));
        }
        return invocation.proceed();
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
