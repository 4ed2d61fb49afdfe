package io.tracker.domain.campaign;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import io.tracker.domain.shared.QueryParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a tracked link ({@code /c/{code}}) sends the visitor: the link's destination, plus every
 * parameter the link was opened with, plus {@code trk=<click id>}.
 *
 * <p>Rules, in this order:
 * <ol>
 *   <li>the destination's own query comes first, exactly as the tenant wrote it;</li>
 *   <li>each parameter the link was opened with follows, in the order it came, except a UTM key
 *       ({@code utm_*}) the destination already carries (the link's own UTM values win on a
 *       collision) and {@code trk} (the click id is Tracker's to set);</li>
 *   <li>{@code trk=<click id>} comes last.</li>
 * </ol>
 * Opening parameters are decoded exactly once as a query string is ({@code +} is a space,
 * {@code %2B} is {@code +}, {@code %2520} is {@code %20}) and encoded again as RFC 3986 asks of a
 * query component (unreserved characters as they are, everything else as UTF-8 percent-escapes, so a
 * space becomes {@code %20} and a literal {@code %20} becomes {@code %2520}). A parameter without
 * {@code =} stays without it. The destination's fragment stays the fragment, after the query.
 */
public final class TrackedLinkRedirect {

    /** The query parameter that carries Tracker's click id to the landing page. */
    public static final String CLICK_ID_PARAMETER = "trk";

    private TrackedLinkRedirect() {
    }

    /**
     * @param destination  the link's absolute destination URL (validated when the link was made)
     * @param openedQuery  the raw query string the link was opened with, without {@code ?}; may be null
     * @param clickId      the new click id
     * @return the URL to redirect to
     */
    public static String target(String destination, String openedQuery, String clickId) {
        URI uri = URI.create(destination);
        String ownQuery = uri.getRawQuery();
        Set<String> ownUtmKeys = new HashSet<>();
        for (QueryParameter p : QueryParameter.parse(ownQuery)) {
            if (p.name().startsWith("utm_")) {
                ownUtmKeys.add(p.name());
            }
        }
        List<String> parts = new ArrayList<>();
        if (ownQuery != null && !ownQuery.isEmpty()) {
            for (String segment : ownQuery.split("&")) {
                if (!segment.isEmpty()
                        && QueryParameter.parse(segment).stream().noneMatch(TrackedLinkRedirect::isClickIdParameter)) {
                    parts.add(segment);
                }
            }
        }
        for (QueryParameter p : QueryParameter.parse(openedQuery)) {
            if (isClickIdParameter(p) || ownUtmKeys.contains(p.name())) {
                continue;
            }
            parts.add(p.value() == null ? encode(p.name()) : encode(p.name()) + "=" + encode(p.value()));
        }
        parts.add(CLICK_ID_PARAMETER + "=" + encode(clickId));

        StringBuilder target = new StringBuilder();
        target.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        target.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        target.append('?').append(String.join("&", parts));
        if (uri.getRawFragment() != null) {
            target.append('#').append(uri.getRawFragment());
        }
        return target.toString();
    }

    /**
     * Checks a destination when a link is made: an absolute http(s) URL whose host is one of the
     * tenant's website domains or a subdomain of one (no open redirect).
     *
     * @param websiteDomains the tenant's domains, lower case, such as {@code shop.example}
     * @throws IllegalArgumentException naming what is wrong
     */
    public static URI checkDestination(String destination, Set<String> websiteDomains) {
        URI uri;
        try {
            uri = new URI(destination == null ? "" : destination.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the destination is not a valid URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
            throw new IllegalArgumentException("the destination must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the destination must name a host (and no user name)");
        }
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean allowed = websiteDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
        if (!allowed) {
            throw new IllegalArgumentException("the destination's host " + host
                    + " is not one of the client's website domains " + new java.util.TreeSet<>(websiteDomains));
        }
        return uri;
    }

    /**
     * The destination a link is stored with: the tenant's destination with the link's UTM values in its
     * query. A key the destination already has gets the given value in place of its first occurrence
     * (later occurrences go); a key it lacks is appended, in the order given; a null or blank value
     * changes nothing. Every other part of the destination stays exactly as written, so a destination
     * that already carries the values comes back unchanged.
     *
     * @param destination an absolute URL, checked by {@link #checkDestination}
     * @param utm         {@code utm_*} names and values (decoded), in the order to append them
     */
    public static String withUtm(String destination, Map<String, String> utm) {
        Map<String, String> wanted = new LinkedHashMap<>();
        utm.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                wanted.put(name, value.strip());
            }
        });
        URI uri = URI.create(destination);
        String query = uri.getRawQuery();
        List<String> parts = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        boolean changed = false;
        if (query != null && !query.isEmpty()) {
            for (String raw : query.split("&", -1)) {
                int eq = raw.indexOf('=');
                String name = QueryParameter.decode(eq < 0 ? raw : raw.substring(0, eq));
                String value = wanted.get(name);
                if (value == null) {
                    parts.add(raw);
                } else if (placed.add(name)) {
                    String pair = encode(name) + "=" + encode(value);
                    changed |= !pair.equals(raw);
                    parts.add(pair);
                } else {
                    changed = true;
                }
            }
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (placed.add(e.getKey())) {
                parts.add(encode(e.getKey()) + "=" + encode(e.getValue()));
                changed = true;
            }
        }
        if (!changed) {
            return destination;
        }
        StringBuilder out = new StringBuilder();
        out.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        out.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        out.append('?').append(String.join("&", parts));
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return out.toString();
    }

    /** Percent-encodes a query name or value as RFC 3986 allows it unescaped: unreserved characters only. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Tracker's own click id parameter in any letter case: only the id this redirect makes may reach the
     * landing page (a {@code TRK=} or {@code trk=} in the destination or the opening URL would otherwise
     * let a visitor choose the click id the landing page's visit joins).
     */
    private static boolean isClickIdParameter(QueryParameter p) {
        return p.name().equalsIgnoreCase(CLICK_ID_PARAMETER);
    }
}
