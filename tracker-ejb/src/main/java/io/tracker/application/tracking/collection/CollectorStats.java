package io.tracker.application.tracking.collection;

/**
 * The collector's state since it started, for health checks, benchmarks and tests.
 *
 * @param queuedHits          hits waiting for a writer (or being written) now
 * @param queuedBytes         their estimated heap size
 * @param queueCapacity       the queue's capacity in hits
 * @param transactions        group transactions committed
 * @param hitsCommitted       hits in committed transactions (stored, duplicates, bots, rejected)
 * @param failedTransactions  transactions that failed (their hits' futures failed)
 * @param lastRoundTrips      database round trips of the last committed transaction, commit included
 * @param lastTransactionHits hits in the last committed transaction
 * @param lastTenants         tenants in the last committed transaction
 */
public record CollectorStats(long queuedHits, long queuedBytes, int queueCapacity, long transactions,
                             long hitsCommitted, long failedTransactions, int lastRoundTrips,
                             int lastTransactionHits, int lastTenants) {
}
