package io.tracker.interfaces.tenant.web;

import io.tracker.application.tenant.AccessService;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.LandingClient;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Scopes every request to a signed-in page (every path of the UI module but the {@link PublicPaths},
 * which it passes on untouched) to the caller's selected client tenant. The container has already
 * made sure the caller signed in (the security constraint in {@code web.xml} and
 * {@link SingleSignOn}); this filter then
 *
 * <ol>
 *   <li>reads the caller from the identity token ({@code sub}, {@code email}, {@code email_verified},
 *       {@code name}, {@code groups} containing {@code platform-admin}) into {@link SignedInUser},
 *       once per session (again if the subject ever changes);</li>
 *   <li>loads the caller's tenants with {@code AccessService.tenantsOf} when the session's list is
 *       older than {@link SignedInUser#TENANTS_TTL}, so a new invitation, a changed role or a removal
 *       takes effect within a minute (and at once on a tenant switch);</li>
 *   <li>sends a caller without any tenant to {@value #NO_ACCESS} ("no access yet"), except an
 *       agency admin on their way to create the agency's first client;</li>
 *   <li>acts for the selected tenant through {@link TenantSelection#asMember}, which reads the
 *       caller's role there afresh (a removal or a changed role applies at the next request) and
 *       makes every EJB call of the request tenant-scoped and permission-checked (see
 *       {@code TenantFilter}); when the role differs from the session's list, the list is read again;</li>
 *   <li>answers 403 for a page the role does not include ({@link PageAccess}).</li>
 * </ol>
 *
 * Signed-in pages are sent {@code no-store}, so the back button after signing out shows
 * no figures from the cache. The tenant never comes from the request.
 *
 * <p>The caller is read from the identity token rather than from {@code SecurityContext}: on the
 * request that completes the login, {@code SecurityContext.isCallerInRole} still answers false.
 */
public class TenantSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(TenantSessionFilter.class.getName());

    /** The page for signed-in people who are not a member of any client yet. */
    static final String NO_ACCESS = "/no-access.xhtml";
    static final String DASHBOARD = "/dashboard.xhtml";
    static final String CLIENTS = "/admin/clients.xhtml";
    /** Realm role (in the identity token's flat {@code groups} claim) of platform admins. */
    static final String PLATFORM_ADMIN_GROUP = "platform-admin";
    /** Query parameters of the provider's redirect back to Tracker (OpenID Connect core, RFC 9207). */
    private static final Set<String> LOGIN_PARAMETERS = Set.of("code", "state", "session_state", "iss");

    @Inject
    private SignedInUser user;

    @EJB
    private TenantSelection selection;

    @Inject
    private OpenIdContext openId;

    @EJB
    private AccessService access;

    @EJB
    private TenantService tenants;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (PublicPaths.isPublic(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))) {
            chain.doFilter(request, response);
            return;
        }
        IdentityToken token = request.getUserPrincipal() == null ? null : openId.getIdentityToken();
        if (token == null) {
            // Only reachable if web.xml's constraint were removed: never serve a signed-in page without a person.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Caller caller = callerOf(token);
        if (!user.isSignedInAs(caller.subject())) {
            user.signIn(caller, token.getJwtClaims().getStringClaim("name").orElse(null));
            // A new session id at the moment of sign-in, so an id planted before it is worth nothing.
            request.changeSessionId();
            LOG.info(() -> "signed in to the UI: " + caller.actor() + (caller.platformAdmin() ? " (platform admin)" : ""));
        }
        if (completesLogin(request)) {
            response.sendRedirect(withoutLoginParameters(request));
            return;
        }
        Instant now = Instant.now();
        // Someone without a tenant is read again at once, so an invitation shows the moment they reload.
        if (user.tenantsStale(now) || !user.isHasTenant()) {
            reloadTenants(access, user, now);
        }
        response.setHeader("Cache-Control", "no-store");

        String path = request.getServletPath();
        TenantChoice tenant = user.selected().isPresent() ? actForSelection(selection, access, user, now).orElse(null) : null;
        if (tenant == null) {
            // An agency admin whose agency has no client yet may still create the first one.
            if (NO_ACCESS.equals(path) || (CLIENTS.equals(path) && user.isAgencyAdmin())) {
                chain.doFilter(request, response);
            } else {
                redirect(request, response, NO_ACCESS);
            }
            return;
        }
        if (NO_ACCESS.equals(path)) {
            redirect(request, response, DASHBOARD);
            return;
        }
        if (!user.hasSettingsOf(tenant.tenantId())) {
            Tenant t = tenants.current();
            user.settings(t.getId(), t.getName(), t.getTimeZone(), t.getCurrency().getCurrencyCode());
        }
        if (!PageAccess.of(path).allows(tenant, user.isAgencyAdmin())) {
            LOG.info(() -> caller.actor() + " (" + tenant.role() + " of " + tenant.tenantId() + ") refused " + path);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether this is the request that completed the sign-in: the provider's redirect back to the page
     * first asked for, with {@code code} and {@code state} in its query string. Such a request is sent
     * on, once more, to the same page without them: the address bar then shows a clean address that
     * can be reloaded and bookmarked, and the page never sees Soteria's stand-in for the original
     * request (whose parameter methods fail when the original request had none).
     */
    static boolean completesLogin(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        boolean code = false;
        boolean state = false;
        for (String pair : query.split("&")) {
            code |= pair.startsWith("code=");
            state |= pair.startsWith("state=");
        }
        return code && state;
    }

    /** The page first asked for, with its own query parameters (if it had any) but not the sign-in's. */
    static String withoutLoginParameters(HttpServletRequest request) {
        Map<String, String[]> original;
        try {
            original = request.getParameterMap();
        } catch (NullPointerException e) {
            // Soteria's stand-in for an original request without parameters has no parameter map at all.
            original = Map.of();
        }
        StringBuilder url = new StringBuilder(request.getRequestURI());
        char separator = '?';
        for (Map.Entry<String, String[]> e : original == null ? Map.<String, String[]>of().entrySet() : original.entrySet()) {
            if (LOGIN_PARAMETERS.contains(e.getKey())) {
                continue;
            }
            for (String value : e.getValue()) {
                url.append(separator).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    /**
     * Makes the request act for the session's selected tenant with the caller's role there, as
     * {@link TenantSelection#asMember} reads it now (also to return to it after creating a client).
     * When that role differs from the session's list (changed or removed since), reads the list again
     * and acts for the selection it then holds.
     *
     * @return the tenant acted for; empty when the caller has none (left)
     */
    public static Optional<TenantChoice> actForSelection(TenantSelection selection, AccessService access,
                                                         SignedInUser user, Instant now) {
        Optional<TenantChoice> choice = user.selected();
        if (choice.isPresent() && selection.asMember(user.caller(), choice.get().tenantId())
                .filter(a -> a.role() == choice.get().role()).isPresent()) {
            return choice;
        }
        reloadTenants(access, user, now);
        Optional<TenantChoice> fresh = user.selected();
        if (fresh.isEmpty() || selection.asMember(user.caller(), fresh.get().tenantId()).isEmpty()) {
            return Optional.empty();
        }
        return fresh;
    }

    /**
     * Reads the caller's tenants (binding pending invitations) and agency-admin status now. Right after
     * sign-in (nothing selected yet) it selects the client the person last switched to, else the first
     * with data ({@code AccessService.landingClient}).
     */
    public static void reloadTenants(AccessService access, SignedInUser user, Instant now) {
        Caller caller = user.caller();
        List<TenantChoice> fresh = access.tenantsOf(caller).stream().map(TenantChoice::of).toList();
        LandingClient landing = user.landingOpen() && !fresh.isEmpty()
                ? access.landingClient(caller, fresh.stream().map(TenantChoice::tenantId).toList()).orElse(null)
                : null;
        user.tenantsLoaded(fresh, !access.administeredAgencies(caller).isEmpty(), now, landing);
    }

    /** The caller as the identity token describes them. */
    static Caller callerOf(IdentityToken token) {
        Map<String, Object> claims = token.getClaims();
        String subject = token.getJwtClaims().getSubject()
                .orElseThrow(() -> new IllegalStateException("identity token without a subject"));
        List<String> groups = token.getJwtClaims().getArrayStringClaim("groups");
        groups = groups == null ? List.of() : groups;
        return new Caller(subject, token.getJwtClaims().getStringClaim("email").orElse(null),
                Boolean.TRUE.equals(claims.get("email_verified")), groups.contains(PLATFORM_ADMIN_GROUP));
    }

    /** A redirect the browser follows, also from a PrimeFaces ajax request (as a partial-response redirect). */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String url = request.getContextPath() + path;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<partial-response><redirect url=\"" + url + "\"></redirect></partial-response>");
        } else {
            response.sendRedirect(url);
        }
    }
}
