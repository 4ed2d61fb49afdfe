package io.tracker.domain.tracking;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The query parameters of a landing page URL, percent-decoded exactly once as HTML forms encode them
 * ({@code %2B} is {@code +}, a literal {@code +} is a space, {@code %2520} stays {@code %20}). Keys are
 * compared without case (tags are written {@code UTM_SOURCE} too); values are kept exactly as decoded,
 * since click ids are case-sensitive. The first occurrence of a key wins. A parameter with a malformed
 * escape is skipped without spoiling the others; the fragment is not part of the query.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameters by lower-case key; empty for null, a URL without query, or an empty query. */
    public static Map<String, String> of(String url) {
        Map<String, String> params = new HashMap<>();
        int q = url == null ? -1 : url.indexOf('?');
        if (q < 0) {
            return params;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            add(params, query.substring(start, end));
            start = end + 1;
        }
        return params;
    }

    private static void add(Map<String, String> params, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        try {
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        } catch (IllegalArgumentException malformed) {
            // "%zz" in one parameter does not hide the others
        }
    }
}
