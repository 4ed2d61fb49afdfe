package io.tracker.application.tenant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a business method only Tracker's own jobs may call (the demo start-up, provisioning a new
 * tenant's defaults): {@link TenantFilter} runs it only while the request acts as the platform
 * ({@link TenantSelection#startPlatformJob()}, {@link TenantSelection#asPlatform(String)}), which a
 * request that authenticated an API key or a person can never do.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PlatformJob {

    /** What the job is, and why it acts as the platform. */
    String value();
}
