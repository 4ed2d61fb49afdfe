package io.tracker.application.tracking;

import java.util.List;

/**
 * What happened to a batch: how many items were stored, how many were duplicates of stored
 * ones (same event id, same order id, second conversion of a count-one action), and which were
 * rejected, with the reason.
 */
public record IngestionReport(int accepted, int duplicates, List<RejectedEvent> rejected) {
}
