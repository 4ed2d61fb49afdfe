package io.tracker.domain.audit;

import java.net.URI;
import java.util.Locale;

/**
 * The website domain a hit belongs to, for tag health: the lower-case host of its page URL, as written (a
 * {@code www.} prefix is kept: {@code www.shop.example} and {@code shop.example} may be set up apart). Hits without
 * a URL (server calls of the events API) and URLs without a host belong to {@link #NONE}.
 */
public final class WebsiteDomain {

    /** The domain of hits without a page URL. */
    public static final String NONE = "";

    private WebsiteDomain() {
    }

    /**
     * The host of {@code url}, lower-case, without port or user info; {@link #NONE} when there is none.
     * A URL that {@link URI} refuses (a space in its query, say) is read by hand: after {@code //}, up to the first
     * {@code / ? #}.
     */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return NONE;
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException notAUri) {
            host = byHand(url.strip());
        }
        return host == null || host.isBlank() ? NONE : host.toLowerCase(Locale.ROOT);
    }

    private static String byHand(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return null;
        }
        start += 2;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            authority = authority.substring(0, colon);
        }
        return authority;
    }
}
