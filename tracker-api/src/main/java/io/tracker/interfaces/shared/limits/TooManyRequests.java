package io.tracker.interfaces.shared.limits;

import io.tracker.interfaces.shared.rest.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 429 (and 503) answers of the limits: problem+json with {@code Retry-After} in whole seconds. */
public final class TooManyRequests {

    private TooManyRequests() {
    }

    public static Response response(int status, String detail, long nanosToWait) {
        long seconds = retryAfterSeconds(nanosToWait);
        Response problem = Problem.of(status, detail + "; retry after " + seconds + (seconds == 1 ? " second" : " seconds"));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /** Whole seconds, rounded up, at least 1 (Retry-After has no fractions). */
    static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
