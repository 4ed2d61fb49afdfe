package io.tracker.application.tracking.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@link #max()} imports run at the same time for one tenant (on this server), uploads in
 * the UI and the API's imports together: an import holds a database transaction and a worker
 * thread for as long as its file streams in, so one tenant must not take them all. A caller over
 * the limit is told to come back later (the API: 429 with {@code Retry-After}; the UI: a message).
 *
 * <p>In the EJB module, so that both web modules (tracker-web, tracker-api) inject the one
 * application-scoped instance of the EAR and count against the same slots.
 */
@ApplicationScoped
public class ImportSlots {

    /** Seconds a refused import is asked to wait: imports take seconds to minutes, their end is unknown. */
    public static final long RETRY_AFTER_SECONDS = 10;

    /** Imports running at the same time for one tenant ({@code TRACKER_IMPORTS_MAX_CONCURRENT}). */
    @Inject
    @ConfigProperty(name = "tracker.imports.max-concurrent", defaultValue = "2")
    int maxConcurrent;

    /** Largest import body in bytes ({@code TRACKER_IMPORTS_MAX_BYTES}; default 100 MiB). */
    @Inject
    @ConfigProperty(name = "tracker.imports.max-bytes", defaultValue = "104857600")
    long maxBytes;

    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    /**
     * A slot for one import of this tenant, to close when the import ends; empty when the tenant
     * already runs the most imports allowed.
     */
    public Optional<Slot> tryAcquire(String tenantId) {
        int max = max();
        boolean[] acquired = {false};
        running.compute(tenantId, (id, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return n;
            }
            acquired[0] = true;
            return now + 1;
        });
        return acquired[0] ? Optional.of(new Slot(tenantId)) : Optional.empty();
    }

    /** Most imports one tenant may run at once. */
    public int max() {
        return Math.max(1, maxConcurrent);
    }

    /** Largest import body in bytes. */
    public long maxBytes() {
        return Math.max(1, maxBytes);
    }

    /** A running import's place; closing it (once) frees the place. */
    public final class Slot implements AutoCloseable {

        private final String tenantId;
        private boolean closed;

        private Slot(String tenantId) {
            this.tenantId = tenantId;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                running.computeIfPresent(tenantId, (id, n) -> n <= 1 ? null : n - 1);
            }
        }
    }
}
