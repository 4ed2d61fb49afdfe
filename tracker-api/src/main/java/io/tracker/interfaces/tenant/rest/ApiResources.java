package io.tracker.interfaces.tenant.rest;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;

/** Which resources {@link ApiAuthentication} guards (those marked {@link TenantApi} or {@link AgencyApi}). */
final class ApiResources {

    private ApiResources() {
    }

    static boolean guarded(ResourceInfo resourceInfo) {
        return annotation(resourceInfo, TenantApi.class) != null || annotation(resourceInfo, AgencyApi.class) != null;
    }

    static <A extends Annotation> A annotation(ResourceInfo resourceInfo, Class<A> type) {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return null;
        }
        A onMethod = resourceInfo.getResourceMethod().getAnnotation(type);
        return onMethod != null ? onMethod : resourceInfo.getResourceClass().getAnnotation(type);
    }
}
