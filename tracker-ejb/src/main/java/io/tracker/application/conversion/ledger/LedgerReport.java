package io.tracker.application.conversion.ledger;

import java.util.List;

/**
 * What a batch of adjustments did: {@code received = applied + duplicates + rejected}.
 *
 * @param received   adjustments (JSON items, CSV rows, Segment messages) read
 * @param applied    stored in the ledger and applied to their conversion
 * @param duplicates the same adjustment (same action, order, time, kind and amount) stored before, or earlier in
 *                   this batch: nothing changed
 * @param rejected   not applied, each with its reason in {@code errors}
 * @param errors     the first {@value ConversionLedgerService#MAX_ERRORS} rejected ones, by position: the index
 *                   from 0 (JSON, Segment) or the CSV line (the header is line 1)
 */
public record LedgerReport(int received, int applied, int duplicates, int rejected, List<ItemError> errors) {

    /** A rejected adjustment: its position and why, starting with the field at fault when one is. */
    public record ItemError(long position, String error) {
    }
}
