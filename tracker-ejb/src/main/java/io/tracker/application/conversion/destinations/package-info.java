/**
 * Conversions sent back to the ad platforms (issue #10, "Out"): per tenant and platform the destination's
 * settings and action mapping ({@link io.tracker.application.conversion.destinations.DestinationService}), the
 * conversions as they go out ({@link io.tracker.application.conversion.destinations.OutgoingConversions}), the
 * files a user uploads by hand ({@link io.tracker.application.conversion.destinations.DestinationExports}) and the
 * uploader for Google Ads and Meta ({@link io.tracker.application.conversion.destinations.ConversionUploader}, on
 * demand and on a schedule by {@link io.tracker.application.conversion.destinations.DestinationScheduler}).
 *
 * <p>Invariants: every row considered gets a result in {@code destination_upload} (ACCEPTED, FAILED with the
 * platform's text, INVALID with Tracker's reason, RETRY for a temporary failure); nothing refused by validation is
 * ever sent; a settled row is sent again only when the conversion changed; a request carries at most
 * {@link io.tracker.domain.conversion.export.Platform#maxRowsPerRequest()} rows; credentials are written, never read
 * back out of the service (only whether they are set). The formats themselves are
 * {@code io.tracker.domain.conversion.export}'s.
 */
package io.tracker.application.conversion.destinations;
