package io.tracker.application.conversion.destinations;

import java.time.Instant;

/**
 * A row's latest result at a destination ({@code destination_upload}).
 *
 * @param kind         {@code CONVERSION} or {@code ADJUSTMENT}
 * @param itemId       the conversion id, or the adjustment id for an adjustment
 * @param conversionId the conversion the row is about
 * @param orderId      its order id, or null
 * @param status       ACCEPTED, FAILED (refused by the platform), INVALID (refused by Tracker before sending, never
 *                     sent), RETRY (a temporary failure: sent again at the next upload)
 * @param error        the platform's error text (FAILED, RETRY) or Tracker's reasons (INVALID); null when accepted
 * @param attempts     how many times a result was kept for it
 * @param requestId    the request ({@link UploadRequest#id()}) that carried it last, null for INVALID
 * @param updatedAt    when the result was kept
 */
public record UploadResult(String kind, long itemId, long conversionId, String orderId, String status, String error,
                           int attempts, Long requestId, Instant updatedAt) {
}
