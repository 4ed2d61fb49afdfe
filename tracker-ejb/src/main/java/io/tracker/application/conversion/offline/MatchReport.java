package io.tracker.application.conversion.offline;

import io.tracker.application.shared.RowError;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What an upload of offline conversions did, row by row summed up. {@code rows = stored + duplicates +
 * rejected}; every stored row is matched by exactly one of click id, e-mail or phone, or unmatched
 * ({@code matchedByClickId + matchedByEmail + matchedByPhone + unmatched = stored}).
 *
 * @param id              the upload's id ({@code GET /api/v1/imports/offline-conversions/{id}})
 * @param outsideLookback stored rows whose click or person was found, but not within the action's lookback
 *                        window before the sale: kept unmatched (never credited to a stale journey)
 * @param duplicates      rows whose (order id, action) is stored already (or retracted by the ledger), or
 *                        repeats an earlier row of the upload; rows without order id repeat when every value
 *                        is the same
 * @param invalidEmails   rows with an e-mail that is not an address (not used; the row is kept)
 * @param invalidPhones   rows with a phone in which libphonenumber (tenant's region) finds no valid number
 * @param fields          per identifier column: how many rows gave it, how many of those were unusable
 * @param errors          the first 1,000 rejected rows: line (CSV, the header is line 1) or index (JSON, from 0),
 *                        the column at fault (null for the row) and why
 */
public record MatchReport(long id, Instant receivedAt, String source, int rows, int stored, int matchedByClickId,
                          int matchedByEmail, int matchedByPhone, int unmatched, int outsideLookback,
                          int duplicates, int rejected, int invalidEmails, int invalidPhones,
                          List<FieldCount> fields, List<RowError> errors) implements Serializable {

    /** One identifier column's diagnostics. */
    public record FieldCount(String field, int provided, int invalid) implements Serializable {
    }
}
