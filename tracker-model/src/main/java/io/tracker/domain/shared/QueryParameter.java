package io.tracker.domain.shared;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code name=value} pair of a URL's query, decoded exactly once as HTML forms and
 * {@code URLSearchParams} decode a query: {@code +} is a space, {@code %2B} is {@code +},
 * {@code %2520} is {@code %20} (never decoded twice). A {@code %} not followed by two hex digits is
 * kept as it is rather than refused, as browsers do; bytes that are not UTF-8 become U+FFFD.
 *
 * @param name  the decoded name, never null
 * @param value the decoded value; null when the pair had no {@code =} (as in {@code ?preview})
 */
public record QueryParameter(String name, String value) {

    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** The pairs of a raw query (without the leading {@code ?}), in order; empty pairs are skipped. */
    public static List<QueryParameter> parse(String rawQuery) {
        List<QueryParameter> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.add(new QueryParameter(name, eq < 0 ? null : decode(pair.substring(eq + 1))));
        }
        return out;
    }

    /** Decodes one query component once (see the class comment). */
    public static String decode(String raw) {
        return URLDecoder.decode(STRAY_PERCENT.matcher(raw).replaceAll("%25"), StandardCharsets.UTF_8);
    }
}
