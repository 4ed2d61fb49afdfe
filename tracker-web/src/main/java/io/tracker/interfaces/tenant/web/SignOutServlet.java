package io.tracker.interfaces.tenant.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The header's "Sign out": {@code POST /app/sign-out}, accepted only from Tracker's own pages. A POST, so
 * no link or image can sign a person out; and a POST whose {@code Origin} (or, from a browser that
 * sends none, {@code Referer}) is another site's, or that names no origin at all, answers 403, so
 * no other site can sign a person out with a form of its own either (the session cookie's
 * {@code SameSite=Lax} already keeps it off such a POST; this does not depend on it).
 *
 * <p>{@code request.logout()} lets the OpenID Connect mechanism ({@link SingleSignOn}) end the HTTP
 * session and redirect the browser to the provider's end-session endpoint with the identity token
 * as {@code id_token_hint}; the provider ends its own session (so the next visit to {@code /app}
 * shows its login form again) and returns to the landing page ({@link PublicPaths#LANDING_PAGE}).
 * Without a sign-in (an expired session) the browser simply goes there.
 */
@WebServlet(PublicPaths.SIGN_OUT)
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!fromOwnPage(request)) {
            LOG.warning(() -> "refused a sign-out from another site: Origin " + request.getHeader("Origin")
                    + ", Referer " + request.getHeader("Referer"));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (request.getUserPrincipal() != null) {
            // Without a sign-in there is nothing to end (and Soteria's logout fails without an identity token).
            request.logout();
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + PublicPaths.LANDING_PAGE);
        }
    }

    private static boolean fromOwnPage(HttpServletRequest request) {
        String publicUrl = ConfigProvider.getConfig().getOptionalValue("tracker.public-url", String.class).orElse("");
        return fromOwnPage(request.getHeader("Origin"), request.getHeader("Referer"),
                request.getRequestURL().toString(), publicUrl);
    }

    /**
     * Whether a request names Tracker's own origin as the page it came from: its {@code Origin}
     * header, or where that is missing (or the opaque {@code null}) its {@code Referer}, must be the
     * origin of the request URL (scheme, host and port as the browser addressed them) or of the
     * public URL ({@code tracker.public-url}, {@code TRACKER_PUBLIC_URL}; empty when not set), for
     * when a proxy in front changes them. Neither header: false.
     */
    static boolean fromOwnPage(String originHeader, String referer, String requestUrl, String publicUrl) {
        boolean hasOrigin = originHeader != null && !originHeader.isBlank() && !"null".equals(originHeader.trim());
        String from = origin(hasOrigin ? originHeader : referer);
        return !from.isEmpty() && (from.equals(origin(requestUrl)) || from.equals(origin(publicUrl)));
    }

    /** scheme://host[:port] of a URL in lower case, the default port left out; "" when it is no URL. */
    static String origin(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                    || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
