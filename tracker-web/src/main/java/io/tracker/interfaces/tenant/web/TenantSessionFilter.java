package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.CurrentTenant;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Guards the signed-in pages ({@code /app/*}, mapped in {@code web.xml}). Without a signed-in
 * tenant in the HTTP session the browser goes to the sign-in page ({@code /?reason=signin}); an
 * ajax request gets a JSF partial-response redirect there instead, so PrimeFaces follows it.
 * Otherwise the session's tenant becomes the request's {@link CurrentTenant}, which makes every
 * EJB call of the request tenant-scoped (see {@code TenantFilter}).
 *
 * <p>The session's key is checked again at most every {@link #KEY_RECHECK}: a revoked key ends
 * the session ({@code /?reason=revoked}). Pages under {@code /app} are sent {@code no-store} so
 * that the back button after signing out shows no figures from the cache.
 */
public class TenantSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** How long a signed-in session trusts its key before looking whether it was revoked. */
    static final Duration KEY_RECHECK = Duration.ofMinutes(1);

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private SignedInTenant signedIn;

    @EJB
    private ApiKeyService apiKeys;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        // The session-scoped bean is consulted only when a session exists, so this filter never creates one.
        if (session == null || !signedIn.isSignedIn()) {
            toSignIn(request, response, "signin");
            return;
        }
        currentTenant.set(signedIn.getTenantId());
        Instant now = Instant.now();
        if (signedIn.getKeyCheckedAt() == null || signedIn.getKeyCheckedAt().plus(KEY_RECHECK).isBefore(now)) {
            if (!keyStillValid()) {
                signedIn.signOut();
                session.invalidate();
                toSignIn(request, response, "revoked");
                return;
            }
            signedIn.keyChecked(now);
        }
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    private boolean keyStillValid() {
        long keyId = signedIn.getKeyId();
        return apiKeys.list().stream().anyMatch(k -> k.getId() == keyId && !k.isRevoked());
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        String url = request.getContextPath() + "/?reason=" + reason;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<partial-response><redirect url=\"" + url + "\"></redirect></partial-response>");
        } else {
            response.sendRedirect(url);
        }
    }
}
