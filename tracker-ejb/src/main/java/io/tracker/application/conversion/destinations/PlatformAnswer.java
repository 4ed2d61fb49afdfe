package io.tracker.application.conversion.destinations;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A platform's answer to one request, row by row: what {@link ConversionUploader} read from the HTTP answer
 * (or from its absence) and {@link DestinationUploads#record} keeps.
 *
 * @param httpStatus null when no answer came (timeout, connection refused)
 * @param rows       one outcome per row sent, in the order sent
 * @param outcome    the request's summary for {@code destination_request.outcome}
 */
public record PlatformAnswer(Integer httpStatus, List<RowOutcome> rows, String outcome) implements Serializable {

    /** Every row the same outcome. */
    static PlatformAnswer all(Integer httpStatus, int rows, RowOutcome outcome, String summary) {
        return new PlatformAnswer(httpStatus, new ArrayList<>(Collections.nCopies(rows, outcome)), summary);
    }

    int count(String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
