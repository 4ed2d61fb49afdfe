/**
 * Touchpoints: the marketing touches that conversions are attributed to, and the value objects that
 * describe where a visit came from ({@link io.tracker.domain.tracking.Utm},
 * {@link io.tracker.domain.tracking.ClickIds}, read from a landing URL by
 * {@link io.tracker.domain.tracking.QueryParameters}) and how a hit came in
 * ({@link io.tracker.domain.tracking.WayIn}).
 */
package io.tracker.domain.tracking;
