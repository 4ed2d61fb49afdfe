package io.tracker.application.tracking.collection;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One {@link Collector#collect} call's hits in the queue, with the future its caller waits on. */
final class Submission {

    final String tenantId;
    final TenantRules rules;
    final List<Prepared> items;
    final long bytes;
    final CompletableFuture<List<HitOutcome>> future = new CompletableFuture<>();

    Submission(String tenantId, TenantRules rules, List<Prepared> items) {
        this.tenantId = tenantId;
        this.rules = rules;
        this.items = List.copyOf(items);
        long b = 128;
        for (Prepared p : items) {
            b += p.estimatedBytes();
        }
        this.bytes = b;
    }

    int hits() {
        return items.size();
    }
}
