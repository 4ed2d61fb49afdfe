package io.tracker.interfaces.tenant.rest;

import io.tracker.interfaces.shared.limits.RateLimits;
import io.tracker.interfaces.shared.limits.TooManyRequests;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Throttles credential guessing per client address: each credential {@link ApiAuthentication}
 * refuses with 401 counts against the address that sent it ({@link RateLimits}); once the
 * address has used up its failures, any credential it sends is answered 429 with
 * {@code Retry-After}, before it is checked, until the bucket refills. A request without an
 * {@code Authorization} header guesses nothing and is not counted.
 *
 * <p>The address is the TCP peer's ({@code getRemoteAddr}); behind a reverse proxy, configure
 * Payara's network listener to take the client address from the proxy's header, or the proxy
 * counts as one client.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class FailedAuthenticationLimit implements ContainerRequestFilter, ContainerResponseFilter {

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    @Inject
    private RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!presentsCredential(request)) {
            return;
        }
        long wait = limits.failedAuthenticationsWait(servletRequest.getRemoteAddr());
        if (wait > 0) {
            request.abortWith(TooManyRequests.response(429,
                    "too many refused credentials from your address; credentials are not checked for a while", wait));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 && presentsCredential(request)) {
            limits.failedAuthentication(servletRequest.getRemoteAddr());
        }
    }

    private boolean presentsCredential(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && !authorization.isBlank() && ApiResources.guarded(resourceInfo);
    }
}
