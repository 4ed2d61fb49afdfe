package io.tracker.application.tracking.imports;

import io.tracker.application.tracking.EventStore;
import io.tracker.application.tracking.RejectedEvent;
import io.tracker.application.tracking.TrackedConversion;
import io.tracker.application.tracking.TrackedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects an import's events and writes them in chunks, so a large file streams through in
 * bounded memory; hands each chunk's stored visitors to the marker (attribution is recomputed by
 * the worker after the import committed, over journeys that may have arrived in any order).
 */
final class ImportBatch {

    private static final int CHUNK = 2_000;
    /** Line errors kept for the report: a file of a million bad lines must not make a million-line answer. */
    static final int MAX_ERRORS_LISTED = 1_000;

    private final EventStore store;
    private final Consumer<Collection<String>> markForAttribution;
    private final List<TrackedEvent> pending = new ArrayList<>(CHUNK);
    private final List<RejectedEvent> errors = new ArrayList<>();
    private long rows;
    private long touchpoints;
    private long conversions;
    private long duplicates;
    private long rejected;

    ImportBatch(EventStore store, Consumer<Collection<String>> markForAttribution) {
        this.store = store;
        this.markForAttribution = markForAttribution;
    }

    void row() {
        rows++;
    }

    void add(TrackedEvent event) {
        pending.add(event);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    void reject(long line, String error) {
        rejected++;
        if (errors.size() < MAX_ERRORS_LISTED) {
            errors.add(new RejectedEvent((int) Math.min(line, Integer.MAX_VALUE), error));
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        boolean[] stored = store.store(pending);
        Set<String> visitors = new LinkedHashSet<>();
        for (int i = 0; i < stored.length; i++) {
            TrackedEvent e = pending.get(i);
            if (!stored[i]) {
                duplicates++;
            } else {
                visitors.add(e.visitorId());
                if (e instanceof TrackedConversion) {
                    conversions++;
                } else {
                    touchpoints++;
                }
            }
        }
        markForAttribution.accept(visitors);
        pending.clear();
    }

    ImportReport report() {
        return new ImportReport(rows, touchpoints, conversions, duplicates, rejected, List.copyOf(errors));
    }
}
