package io.tracker.application.tracking.collection;

/** What a {@link CollectedHit} is. */
public enum HitType {
    /** A page was viewed (tag, pixel, Segment {@code page}). */
    PAGE_VIEW,
    /** A custom event ({@code tracker('event', name, props)}, Segment {@code track}). */
    EVENT,
    /** A conversion of a conversion action ({@code tracker('conversion', …)}, a thank-you page pixel). */
    CONVERSION,
    /** A visitor id is known to belong to a user id or a hashed e-mail address. */
    IDENTIFY,
    /** A tracked link was opened ({@code /c/{code}}). */
    CLICK
}
