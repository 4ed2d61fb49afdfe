package io.tracker.interfaces.tracking.web;

import io.tracker.application.tracking.collection.Site;

/**
 * The HTML a client puts on their site, exactly as README "Collecting from websites" documents it: the
 * tag snippet (the queueing stub, {@code init} with the site key and this server's origin, plus
 * {@code consent: 'required'} for a site that requires consent, and the async {@code t.js}) and a
 * thank-you page pixel in the client's reporting currency. Pure.
 */
public final class SiteSnippets {

    private final String origin;

    /** @param publicUrl Tracker's origin as browsers reach it, such as {@code https://tracker.example.com} */
    public SiteSnippets(String publicUrl) {
        this.origin = withoutTrailingSlash(publicUrl);
    }

    /** The snippet for every page's {@code <head>}. */
    public String tag(Site site) {
        return "<script>\n"
                + "  window.tracker=window.tracker||function(){(tracker.q=tracker.q||[]).push(arguments)};\n"
                + "  tracker('init', {site: '" + site.siteKey() + "', endpoint: '" + origin + "'"
                + (site.consentRequired() ? ", consent: 'required'" : "") + "});\n"
                + "</script>\n"
                + "<script async src=\"" + origin + "/t.js\"></script>";
    }

    /** A thank-you page pixel (a conversion of the default action {@code purchase}) in that currency. */
    public String pixel(Site site, String currency) {
        return "<img src=\"" + origin + "/p.gif?k=" + site.siteKey()
                + "&type=conversion&action=purchase&value=59.90&currency=" + currency + "&order_id=A-1001\"\n"
                + "     width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">";
    }

    static String withoutTrailingSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
