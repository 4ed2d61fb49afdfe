package io.tracker.application.conversion.destinations;

import java.time.Instant;

/**
 * One request sent to a platform ({@code destination_request}).
 *
 * @param rows       rows it carried (at most the platform's per-request limit)
 * @param httpStatus the HTTP status of the answer, null when none came (timeout, connection refused)
 * @param outcome    a summary: {@code accepted 1998, failed 2}, or the failure, with the platform's request id
 *                   ({@code request-id} header of Google, {@code fbtrace_id} of Meta) when it gave one
 */
public record UploadRequest(long id, Instant sentAt, int rows, Integer httpStatus, String outcome) {
}
