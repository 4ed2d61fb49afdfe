package io.tracker.application.tracking.imports;

import io.tracker.application.tracking.RejectedEvent;
import java.util.List;

/**
 * Outcome of a file import.
 *
 * @param rows        data rows read (the header not counted)
 * @param touchpoints touchpoints stored
 * @param conversions conversions stored
 * @param duplicates  events already stored before (a file imported twice adds nothing)
 * @param rejected    rows skipped or only partly imported (all of them, also those beyond the listed
 *                    {@code errors}); a partly imported row's error says what was kept
 * @param errors      the first 1,000 rows skipped, each with its 1-based line number in the file and the reason
 */
public record ImportReport(long rows, long touchpoints, long conversions, long duplicates, long rejected,
                           List<RejectedEvent> errors) {
}
