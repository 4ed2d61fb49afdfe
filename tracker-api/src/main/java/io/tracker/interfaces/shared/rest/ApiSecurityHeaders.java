package io.tracker.interfaces.shared.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The security headers of every API answer (success, problem+json, the container's own errors),
 * mapped in {@code web.xml} to {@code /api/*} only, for the REQUEST, FORWARD and ERROR dispatches:
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: browsers use the declared content type, never a guess
 *       (no JSON or echo of a request ever runs as a script or a page);</li>
 *   <li>{@code Referrer-Policy: same-origin};</li>
 *   <li>{@code Content-Security-Policy: }{@value #NOTHING}: nothing may run, load or frame an answer.</li>
 * </ul>
 *
 * The collection endpoints outside {@code /api} (tag, pixel, links, {@code /v1/...}) set what they
 * need themselves, so they pay for no filter. Headers are set, never added.
 */
public class ApiSecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The policy of an answer that is not a page: the same as the UI's for its non-page responses. */
    public static final String NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", NOTHING);
        chain.doFilter(request, response);
    }
}
