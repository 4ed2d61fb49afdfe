package io.tracker.domain.tracking;

/** How a hit came in; stored with every touchpoint, conversion and custom event it makes. */
public enum WayIn {
    /** Tracker's first-party JavaScript tag ({@code /t.js}, beacons to {@code /v1/collect}). */
    TAG,
    /** The image pixel {@code /p.gif} (pages and e-mails without JavaScript). */
    PIXEL,
    /** A tracked link {@code /c/{code}} (SMS, e-mail, QR codes, print). */
    LINK,
    /** The Segment-compatible server API ({@code /v1/batch}, {@code /v1/track}…). */
    SEGMENT,
    /** Tracker's own events API ({@code /api/v1/events}). */
    API
}
