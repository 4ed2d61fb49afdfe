package io.tracker.interfaces.tenant.rest;

import io.tracker.interfaces.shared.limits.RateLimits;
import io.tracker.interfaces.shared.limits.TooManyRequests;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Limits each authenticated API caller to a token bucket of requests ({@link RateLimits}): an API
 * key is one caller (known here by a SHA-256 of the key, so no secret is kept), an OpenID Connect
 * subject is one caller whatever token it presents. Runs after {@link ApiAuthentication}, so only
 * accepted credentials get here; over the limit the answer is 429 with {@code Retry-After}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class CallerRateLimit implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Context
    private ResourceInfo resourceInfo;

    @Inject
    private RateLimits limits;

    @Inject
    private CurrentCaller currentCaller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ApiResources.guarded(resourceInfo)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()) {
            return;
        }
        String credential = header.substring(BEARER.length()).trim();
        String caller = currentCaller.isSet() ? "oidc:" + currentCaller.require().subject() : "key:" + sha256(credential);
        long wait = limits.takeCallerRequest(caller);
        if (wait > 0) {
            request.abortWith(TooManyRequests.response(429, "too many requests with this credential", wait));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
