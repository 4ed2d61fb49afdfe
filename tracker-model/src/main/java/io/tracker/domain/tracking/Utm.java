package io.tracker.domain.tracking;

import java.util.Map;

/**
 * The five UTM parameters of a visit, as sent (values trimmed by the collector, case kept). Every
 * field may be null.
 */
public record Utm(String source, String medium, String campaign, String term, String content) {

    /** No UTM values. */
    public static final Utm NONE = new Utm(null, null, null, null, null);

    /** The UTM parameters of a landing page URL's query (see {@link QueryParameters}). */
    public static Utm fromQuery(Map<String, String> query) {
        return new Utm(query.get("utm_source"), query.get("utm_medium"), query.get("utm_campaign"),
                query.get("utm_term"), query.get("utm_content"));
    }

    /** This one's values, each missing one taken from {@code other}. */
    public Utm orElse(Utm other) {
        return new Utm(or(source, other.source), or(medium, other.medium), or(campaign, other.campaign),
                or(term, other.term), or(content, other.content));
    }

    static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
