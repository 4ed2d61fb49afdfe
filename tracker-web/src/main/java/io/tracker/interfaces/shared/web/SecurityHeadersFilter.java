package io.tracker.interfaces.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The security headers of every response of the web module (pages, API, static resources, error
 * pages, redirects the application makes), mapped to {@code /*} in {@code web.xml} first after
 * {@link ServerTimingFilter}:
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: browsers use the declared content type, never a guess
 *       (no JSON or upload echo ever runs as a script or a page);</li>
 *   <li>{@code Referrer-Policy: same-origin}: Tracker's URLs go to Tracker only, not to other sites
 *       (the same-origin {@code Origin} header that {@code SignOutServlet} checks is still sent);</li>
 *   <li>{@code Content-Security-Policy}: {@link ContentSecurityPolicy#NOTHING} (nothing may run, load or
 *       frame) for everything that is not a page. Pages get {@link ContentSecurityPolicy#getPages()}
 *       from PrimeFaces (context parameter {@code primefaces.CSP}), which adds the request's script
 *       nonce; the response wrapper lets that header replace the default instead of adding a second
 *       policy (two policies would both apply).</li>
 * </ul>
 *
 * Mapped for the REQUEST, FORWARD and ERROR dispatches, since the container's error pages are
 * written to the unwrapped response. Headers are set, never added, so a second pass changes nothing.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CSP = "Content-Security-Policy";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(CSP, ContentSecurityPolicy.NOTHING);
        chain.doFilter(request, new PagePolicyReplacesDefault(response));
    }

    /** A response on which a later Content-Security-Policy (the page's) replaces the default one. */
    static final class PagePolicyReplacesDefault extends HttpServletResponseWrapper {

        PagePolicyReplacesDefault(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
