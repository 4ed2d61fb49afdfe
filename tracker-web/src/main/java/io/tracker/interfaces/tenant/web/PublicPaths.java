package io.tracker.interfaces.tenant.web;

import java.util.List;

/**
 * The paths of the UI module (context root {@code /app}) that anyone may open without signing in;
 * everything else is a signed-in page. {@code web.xml} says the same to the container (a security
 * constraint on {@code /*} with unconstrained exceptions; {@code PublicPathsTest} checks that both
 * lists agree), and {@link TenantSessionFilter} and {@code StatelessPublicPages} ask this class.
 *
 * <ul>
 *   <li>{@value #LANDING_PAGE}: the landing page ({@code /} of the API module redirects here);</li>
 *   <li>{@code /errors/*}: the error pages;</li>
 *   <li>{@code /jakarta.faces.resource/*} and {@code /resources/*}: style sheets, scripts, fonts;</li>
 *   <li>{@value #SIGN_OUT} and {@value #CALLBACK} (the identity provider's redirect back, which the
 *       OpenID Connect mechanism handles before any page).</li>
 * </ul>
 */
public final class PublicPaths {

    /** The public landing page, where sign-out ends. */
    public static final String LANDING_PAGE = "/welcome.xhtml";
    public static final String SIGN_OUT = "/sign-out";
    public static final String CALLBACK = "/Callback";

    /** Exact paths. */
    static final List<String> EXACT = List.of(LANDING_PAGE, SIGN_OUT, CALLBACK);
    /** Path prefixes (each ends with a slash). */
    static final List<String> PREFIXES = List.of("/errors/", "/jakarta.faces.resource/", "/resources/");

    private PublicPaths() {
    }

    /**
     * Whether a path of this module (servlet path plus path info, or a view id, such as
     * {@code /errors/404.xhtml}) is public.
     */
    public static boolean isPublic(String path) {
        if (path == null) {
            return false;
        }
        return EXACT.contains(path) || PREFIXES.stream().anyMatch(path::startsWith);
    }
}
