package io.tracker.interfaces.tenant.rest;

import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.AuthenticatedKey;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.interfaces.shared.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Authenticates API calls to methods marked {@link RequiresApiKey}: reads the bearer key, finds
 * its tenant (401 when the key is missing, unknown or revoked; 403 when it lacks the scope), and
 * selects that tenant for the rest of the request. The key alone decides the tenant: no tenant id
 * from the URL or the body is ever trusted.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthentication implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Context
    private ResourceInfo resourceInfo;

    @EJB
    private ApiKeyService apiKeys;

    @Inject
    private CurrentTenant currentTenant;

    @Override
    public void filter(ContainerRequestContext request) {
        RequiresApiKey required = requirement();
        if (required == null) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("send the tenant's API key as 'Authorization: Bearer <key>'"));
            return;
        }
        Optional<AuthenticatedKey> key = apiKeys.authenticate(header.substring(BEARER.length()));
        if (key.isEmpty()) {
            request.abortWith(unauthorized("the API key is unknown or revoked"));
            return;
        }
        if (!key.get().allows(required.value())) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN,
                    "this API key lacks the '" + required.value().name().toLowerCase() + "' scope"));
            return;
        }
        currentTenant.set(key.get().tenantId());
    }

    private RequiresApiKey requirement() {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return null;
        }
        RequiresApiKey onMethod = resourceInfo.getResourceMethod().getAnnotation(RequiresApiKey.class);
        return onMethod != null ? onMethod : resourceInfo.getResourceClass().getAnnotation(RequiresApiKey.class);
    }

    private static Response unauthorized(String detail) {
        Response problem = Problem.of(Response.Status.UNAUTHORIZED, detail);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tracker\"").build();
    }
}
