package io.tracker.interfaces.tenant.rest;

import io.tracker.application.tenant.AuthenticatedKey;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.TenantSelection;
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
import java.lang.reflect.AnnotatedElement;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates every API call to a {@link TenantApi} or {@link AgencyApi} resource, from the
 * {@code Authorization: Bearer} credential alone:
 *
 * <ul>
 *   <li>a tenant API key ({@code trk_…}) selects its own tenant, with the permissions of its scopes;
 *       a request that names another tenant ({@code X-Tracker-Tenant} or {@code tenant}) is refused
 *       rather than answered from the key's tenant; the agency API refuses keys;</li>
 *   <li>an OpenID Connect access token identifies a person or service account; on a tenant API it
 *       must name a tenant ({@code X-Tracker-Tenant} header or {@code tenant} query parameter) where
 *       the caller is a member, and acts there with the caller's role.</li>
 * </ul>
 *
 * 401 for a missing, unknown, revoked or expired credential; 403 for a key without the scope; 404
 * for a tenant the caller is not a member of (its existence is not revealed). No tenant id in a URL
 * or body is ever trusted by itself.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthentication implements ContainerRequestFilter {

    /** Header naming the tenant an access token acts for. */
    public static final String TENANT_HEADER = "X-Tracker-Tenant";
    private static final String BEARER = "bearer ";
    private static final String API_KEY_PREFIX = "trk_";
    /** Retry-After (seconds) of the 503 answered while the identity provider's keys cannot be fetched. */
    private static final int IDENTITY_PROVIDER_RETRY_SECONDS = 30;

    @Context
    private ResourceInfo resourceInfo;

    @EJB
    private TenantSelection selection;

    @Inject
    private AccessTokenVerifier tokens;

    @Inject
    private CurrentCaller currentCaller;

    @Override
    public void filter(ContainerRequestContext request) {
        TenantApi tenantApi = annotation(TenantApi.class);
        boolean agencyApi = annotation(AgencyApi.class) != null;
        if (tenantApi == null && !agencyApi) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            request.abortWith(unauthorized("send 'Authorization: Bearer <API key or access token>'"));
            return;
        }
        String credential = header.substring(BEARER.length()).trim();
        if (credential.startsWith(API_KEY_PREFIX)) {
            if (agencyApi) {
                request.abortWith(Problem.of(Response.Status.FORBIDDEN,
                        "API keys belong to one client; the agency API needs an OpenID Connect access token"));
                return;
            }
            authenticateKey(request, credential, tenantApi);
            return;
        }
        Optional<Caller> caller;
        try {
            caller = tokens.verify(credential);
        } catch (IllegalStateException e) {
            Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "the identity provider cannot be reached to verify the access token; try again in "
                            + IDENTITY_PROVIDER_RETRY_SECONDS + " seconds");
            request.abortWith(Response.fromResponse(problem)
                    .header(HttpHeaders.RETRY_AFTER, IDENTITY_PROVIDER_RETRY_SECONDS).build());
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(unauthorized("the access token is not valid (signature, issuer, audience or expiry)"));
            return;
        }
        currentCaller.set(caller.get());
        if (tenantApi != null && !agencyApi) {
            selectTenant(request, caller.get());
        }
    }

    private void authenticateKey(ContainerRequestContext request, String secret, TenantApi tenantApi) {
        // Acts for the key's tenant at once; a refusal below aborts the request before any resource runs.
        Optional<AuthenticatedKey> key = selection.asApiKey(secret);
        if (key.isEmpty()) {
            request.abortWith(unauthorized("the API key is unknown or revoked"));
            return;
        }
        String named = namedTenant(request);
        if (named != null && !named.equals(key.get().tenantId())) {
            // Answering from the key's own tenant would hand the caller another client's numbers
            // under B's name, or store B's data in A: refuse, as for a tenant one is not a member of.
            request.abortWith(Problem.of(Response.Status.NOT_FOUND, "no client tenant " + named));
            return;
        }
        if (!key.get().allows(tenantApi.value())) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN,
                    "this API key lacks the '" + tenantApi.value().name().toLowerCase(Locale.ROOT) + "' scope"));
        }
    }

    private void selectTenant(ContainerRequestContext request, Caller caller) {
        String tenantId = namedTenant(request);
        if (tenantId == null) {
            request.abortWith(Problem.of(Response.Status.BAD_REQUEST,
                    "name the client tenant with the " + TENANT_HEADER + " header when using an access token"));
            return;
        }
        if (selection.asMember(caller, tenantId).isEmpty()) {
            request.abortWith(Problem.of(Response.Status.NOT_FOUND, "no client tenant " + tenantId));
        }
    }

    /** The tenant the request names ({@code X-Tracker-Tenant}, else {@code ?tenant=}), trimmed; null when none. */
    private static String namedTenant(ContainerRequestContext request) {
        String tenantId = request.getHeaderString(TENANT_HEADER);
        if (tenantId == null || tenantId.isBlank()) {
            tenantId = request.getUriInfo().getQueryParameters().getFirst("tenant");
        }
        return tenantId == null || tenantId.isBlank() ? null : tenantId.trim();
    }

    private <A extends java.lang.annotation.Annotation> A annotation(Class<A> type) {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return null;
        }
        A onMethod = resourceInfo.getResourceMethod().getAnnotation(type);
        AnnotatedElement resourceClass = resourceInfo.getResourceClass();
        return onMethod != null ? onMethod : resourceClass.getAnnotation(type);
    }

    private static Response unauthorized(String detail) {
        Response problem = Problem.of(Response.Status.UNAUTHORIZED, detail);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tracker\"").build();
    }
}
