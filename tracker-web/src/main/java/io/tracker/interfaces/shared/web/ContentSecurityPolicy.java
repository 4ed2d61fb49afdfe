package io.tracker.interfaces.shared.web;

import io.tracker.interfaces.tenant.web.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;

/**
 * Tracker's Content-Security-Policy values. {@code web.xml} hands {@link #getPages()} to PrimeFaces
 * ({@code primefaces.CSP_POLICY = #{contentSecurityPolicy.pages}}), which appends the request's nonce
 * to its last directive, {@code script-src}: PrimeFaces then moves every script and {@code on…}
 * handler of its components into nonce-carrying scripts, so no inline script without the nonce
 * runs, and scripts load from Tracker itself only.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    /** For responses that are not pages (JSON, CSS, fonts, redirects): nothing may run, load or frame them. */
    public static final String NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Inject
    OidcSettings oidc;

    /**
     * The policy of the pages, without the nonce, ending in {@code script-src}:
     * <ul>
     *   <li>everything from Tracker itself; images and fonts also as {@code data:} URLs (PrimeFaces'
     *       theme uses some);</li>
     *   <li>{@code style-src 'unsafe-inline'}: PrimeFaces' markup and widgets set {@code style}
     *       attributes (its CSP support covers scripts only); styles cannot run code;</li>
     *   <li>no plugins, no framing by other sites, {@code <base>} only to Tracker;</li>
     *   <li>forms post to Tracker, and redirects after a form may go to the OpenID Connect provider (the
     *       sign-out form ends there, at its logout endpoint).</li>
     * </ul>
     */
    public String getPages() {
        return "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + origin(oidc.getIssuer()) + "; script-src 'self'";
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
