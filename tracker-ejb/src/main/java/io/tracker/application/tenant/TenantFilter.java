package io.tracker.application.tenant;

import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.shared.TenantOwned;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Method;

/**
 * The one place where tenant isolation and permissions are enforced: a default interceptor (bound
 * to every EJB in {@code ejb-jar.xml}) that runs before each business method and
 *
 * <ol>
 *   <li>refuses the method unless it declares what it needs ({@link #rule}): a
 *       {@link RequiresPermission} the caller holds in the current tenant, {@link PlatformJob} while
 *       the request acts as the platform, or {@link CrossTenant} (the few documented cross-tenant
 *       operations). A method that declares nothing is refused: deny by default;</li>
 *   <li>hands the current tenant to EclipseLink's multitenancy (every JPA query on a
 *       {@link TenantOwned} entity is then limited to it, and fails without one) and to the
 *       database ({@link TenantConnections#applyToTransaction()}: row-level security, the second wall).</li>
 * </ol>
 */
public class TenantFilter {

    /** What a business method declared. */
    public enum Rule {
        /** {@link RequiresPermission}: the caller needs one of its permissions in the current tenant. */
        PERMISSION,
        /** {@link PlatformJob}: only while the request acts as the platform. */
        PLATFORM_JOB,
        /** {@link CrossTenant}: checks its caller itself. */
        CROSS_TENANT,
        /** Nothing: refused. */
        UNDECLARED
    }

    @PersistenceContext(unitName = "tracker")
    private EntityManager em;

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private TenantConnections connections;

    @AroundInvoke
    public Object applyTenant(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Class<?> bean = invocation.getTarget().getClass();
        Rule rule = rule(method, bean);
        boolean requestScope = requestScopeActive();
        switch (rule) {
            case UNDECLARED -> throw new EJBAccessException(method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " declares neither @RequiresPermission, @PlatformJob nor @CrossTenant: refused");
            case PERMISSION -> {
                if (!requestScope) {
                    throw new CurrentTenant.NoTenantException();
                }
                currentTenant.requireAny(permissionOf(method, bean).value());
            }
            case PLATFORM_JOB -> {
                if (!requestScope || currentTenant.origin() != CurrentTenant.Origin.PLATFORM) {
                    throw new ForbiddenException("only Tracker's own jobs may " + method.getName());
                }
            }
            case CROSS_TENANT -> {
                // checks its caller itself (see CrossTenant)
            }
        }
        if (requestScope) {
            currentTenant.get().ifPresent(id -> em.setProperty(TenantOwned.TENANT_PROPERTY, id));
            connections.applyToTransaction();
        }
        return invocation.proceed();
    }

    /**
     * What the method declares: its own annotation first ({@link CrossTenant}, {@link PlatformJob},
     * {@link RequiresPermission}), else its class's ({@link PlatformJob}, {@link RequiresPermission}).
     *
     * @param bean the bean's class (or a container subclass of it)
     */
    public static Rule rule(Method method, Class<?> bean) {
        if (method.isAnnotationPresent(CrossTenant.class)) {
            return Rule.CROSS_TENANT;
        }
        if (method.isAnnotationPresent(PlatformJob.class)) {
            return Rule.PLATFORM_JOB;
        }
        if (method.isAnnotationPresent(RequiresPermission.class)) {
            return Rule.PERMISSION;
        }
        if (classAnnotation(method, bean, PlatformJob.class) != null) {
            return Rule.PLATFORM_JOB;
        }
        if (classAnnotation(method, bean, RequiresPermission.class) != null) {
            return Rule.PERMISSION;
        }
        return Rule.UNDECLARED;
    }

    private static RequiresPermission permissionOf(Method method, Class<?> bean) {
        RequiresPermission onMethod = method.getAnnotation(RequiresPermission.class);
        return onMethod != null ? onMethod : classAnnotation(method, bean, RequiresPermission.class);
    }

    private static <A extends java.lang.annotation.Annotation> A classAnnotation(Method method, Class<?> bean,
                                                                                 Class<A> type) {
        A onDeclaring = method.getDeclaringClass().getAnnotation(type);
        return onDeclaring != null ? onDeclaring : bean.getAnnotation(type);
    }

    /** Start-up and timer code runs outside a request unless it opens one: then no tenant can be set. */
    private static boolean requestScopeActive() {
        try {
            return CDI.current().getBeanManager().getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
