package io.tracker.application.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, checked on the real classes: every public business method of every EJB in this
 * module declares what it needs ({@link RequiresPermission}, {@link PlatformJob} or
 * {@link CrossTenant} with a reason), so {@link TenantFilter} refuses none of them for want of a
 * declaration, and a new method without one fails here before it fails in production.
 */
class EveryBusinessMethodDeclaresItsAccessTest {

    @Test
    void everyPublicBusinessMethodOfEveryEjbDeclaresItsAccess() throws Exception {
        List<Class<?>> beans = ejbClasses();
        assertThat(beans).as("EJBs found in the module's classes")
                .contains(TenantService.class, ApiKeyService.class, AccessService.class, TenantSelection.class)
                .hasSizeGreaterThan(15);
        List<String> undeclared = new ArrayList<>();
        List<String> withoutReason = new ArrayList<>();
        for (Class<?> bean : beans) {
            for (Method m : businessMethods(bean)) {
                String name = bean.getSimpleName() + "." + m.getName();
                if (TenantFilter.rule(m, bean) == TenantFilter.Rule.UNDECLARED) {
                    undeclared.add(name);
                }
                CrossTenant cross = m.getAnnotation(CrossTenant.class);
                PlatformJob job = m.isAnnotationPresent(PlatformJob.class) ? m.getAnnotation(PlatformJob.class)
                        : bean.getAnnotation(PlatformJob.class);
                RequiresPermission permission = m.isAnnotationPresent(RequiresPermission.class)
                        ? m.getAnnotation(RequiresPermission.class) : bean.getAnnotation(RequiresPermission.class);
                if ((cross != null && cross.value().isBlank()) || (job != null && job.value().isBlank())
                        || (permission != null && permission.value().length == 0)) {
                    withoutReason.add(name);
                }
            }
        }
        assertThat(undeclared).as("business methods without @RequiresPermission, @PlatformJob or @CrossTenant").isEmpty();
        assertThat(withoutReason).as("declarations without a reason or a permission").isEmpty();
    }

    @Test
    void theCheckFindsAnUndeclaredMethod() throws Exception {
        Method undeclared = Undeclared.class.getMethod("undeclared");
        assertThat(businessMethods(Undeclared.class)).contains(undeclared);
        assertThat(TenantFilter.rule(undeclared, Undeclared.class)).isEqualTo(TenantFilter.Rule.UNDECLARED);
    }

    @Test
    void aMethodsOwnDeclarationComesBeforeItsClasss() throws Exception {
        assertThat(TenantFilter.rule(TenantService.class.getMethod("clientsOf", Caller.class), TenantService.class))
                .isEqualTo(TenantFilter.Rule.CROSS_TENANT);
        assertThat(TenantFilter.rule(MembershipService.class.getMethod("list"), MembershipService.class))
                .isEqualTo(TenantFilter.Rule.PERMISSION);
        assertThat(TenantFilter.rule(TenantService.class.getMethod("createAgency", String.class), TenantService.class))
                .isEqualTo(TenantFilter.Rule.PLATFORM_JOB);
    }

    /** An EJB that forgot its declaration: what the interceptor must refuse. */
    @Stateless
    static class Undeclared {
        public void undeclared() {
        }
    }

    private static List<Method> businessMethods(Class<?> bean) {
        return Arrays.stream(bean.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class)
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .toList();
    }

    private static List<Class<?>> ejbClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(TenantFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.')
                        .replaceAll("\\.class$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, TenantFilter.class.getClassLoader());
                if (type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                        || type.isAnnotationPresent(Stateful.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}
