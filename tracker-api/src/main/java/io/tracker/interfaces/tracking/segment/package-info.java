/**
 * The Segment-compatible HTTP Tracking API ({@code /v1/batch}, {@code /v1/track}, …): Segment's libraries
 * send to Tracker unchanged. {@link io.tracker.interfaces.tracking.segment.SegmentServlet} authenticates
 * the write key and bounds the body, {@code SegmentJson} reads it with one cached Jackson mapper,
 * {@code SegmentMessages} and {@link io.tracker.interfaces.tracking.segment.TrackNames} map messages to
 * the collector's hits ({@code WayIn.SEGMENT}); the answer comes after the commit. Invariants: the tenant
 * is the write key's, never the body's; an e-mail address is hashed here and never stored.
 */
package io.tracker.interfaces.tracking.segment;
