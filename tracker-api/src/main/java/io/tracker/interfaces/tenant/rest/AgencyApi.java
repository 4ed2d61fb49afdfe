package io.tracker.interfaces.tenant.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the management API for agencies: open only to OpenID Connect access tokens (of a person
 * or of a client-credentials service account); API keys belong to one tenant and are refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AgencyApi {
}
