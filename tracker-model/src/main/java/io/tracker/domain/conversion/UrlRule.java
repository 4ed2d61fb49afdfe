package io.tracker.domain.conversion;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The URL rule of a {@link TriggerType#URL} action: which page views are its conversions.
 *
 * <ul>
 *   <li>{@link UrlMatch#EQUALS}: the page URL without its {@code #fragment} equals the pattern; when the
 *       pattern has no {@code ?}, the URL's query is ignored too, so {@code https://shop.example/thanks}
 *       matches {@code https://shop.example/thanks?order=42};</li>
 *   <li>{@link UrlMatch#STARTS_WITH}: the page URL without its {@code #fragment} starts with the pattern;</li>
 *   <li>{@link UrlMatch#REGEX}: a Java regular expression found anywhere in the whole URL (anchor it with
 *       {@code ^…$} for the whole URL). At most {@value #MAX_REGEX} characters; a match that takes more
 *       than {@value #MAX_REGEX_STEPS} character reads (catastrophic backtracking) counts as no match, so
 *       no pattern can stall collection.</li>
 * </ul>
 * Comparisons are case-sensitive, as URL paths are. Patterns are at most {@value #MAX_PATTERN} characters.
 */
public final class UrlRule {

    public static final int MAX_PATTERN = 2048;
    public static final int MAX_REGEX = 500;
    static final long MAX_REGEX_STEPS = 1_000_000;

    private final UrlMatch match;
    private final String pattern;
    private final Pattern regex;

    private UrlRule(UrlMatch match, String pattern, Pattern regex) {
        this.match = match;
        this.pattern = pattern;
        this.regex = regex;
    }

    /**
     * A checked rule.
     *
     * @throws InvalidInputException naming {@code trigger.url_match} or {@code trigger.url_pattern}: a missing
     *                               match or pattern, a pattern too long, a regular expression that does not compile
     */
    public static UrlRule of(UrlMatch match, String pattern) {
        if (match == null) {
            throw new InvalidInputException("trigger.url_match is required for a URL trigger: equals, starts_with or regex");
        }
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidInputException("trigger.url_pattern is required for a URL trigger, such as "
                    + "https://shop.example/thanks");
        }
        String p = pattern.strip();
        if (p.indexOf('\0') >= 0 || Text.hasLoneSurrogate(p)) {
            throw new InvalidInputException("trigger.url_pattern contains a NUL character or an unpaired surrogate");
        }
        int max = match == UrlMatch.REGEX ? MAX_REGEX : MAX_PATTERN;
        if (p.length() > max) {
            throw new InvalidInputException("trigger.url_pattern is longer than " + max + " characters");
        }
        Pattern compiled = null;
        if (match == UrlMatch.REGEX) {
            try {
                compiled = Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new InvalidInputException("trigger.url_pattern is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        return new UrlRule(match, p, compiled);
    }

    public UrlMatch match() {
        return match;
    }

    public String pattern() {
        return pattern;
    }

    /** True when a page view of this URL is a conversion by this rule; false for a null URL. */
    public boolean matches(String url) {
        if (url == null) {
            return false;
        }
        return switch (match) {
            case EQUALS -> withoutFragment(pattern.indexOf('?') < 0 ? withoutQuery(url) : url)
                    .equals(withoutFragment(pattern));
            case STARTS_WITH -> withoutFragment(url).startsWith(pattern);
            case REGEX -> find(url);
        };
    }

    private boolean find(String url) {
        Matcher m = regex.matcher(new Bounded(url, MAX_REGEX_STEPS));
        try {
            return m.find();
        } catch (Bounded.Exhausted e) {
            return false;
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + (url.indexOf('#', q) < 0 ? "" : url.substring(url.indexOf('#', q)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UrlRule r && r.match == match && r.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(match, pattern);
    }

    @Override
    public String toString() {
        return match + " " + pattern;
    }

    /** The URL as the regex engine reads it, counting reads: a runaway match stops instead of stalling. */
    private static final class Bounded implements CharSequence {
        private final String text;
        private final long[] budget;

        Bounded(String text, long steps) {
            this(text, new long[] {steps});
        }

        private Bounded(String text, long[] budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super("the regular expression took too long", null, false, false);
            }
        }
    }
}
