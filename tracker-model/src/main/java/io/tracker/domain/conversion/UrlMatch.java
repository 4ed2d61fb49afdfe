package io.tracker.domain.conversion;

/** How a URL rule compares a page URL with its pattern; see {@link UrlRule#matches} for the exact rules. */
public enum UrlMatch {
    EQUALS,
    STARTS_WITH,
    REGEX
}
