package io.tracker.interfaces.shared.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@link LimitSettings#importsMaxConcurrent()} imports run at the same time for one
 * tenant (on this server): an import holds a database transaction and a worker thread for as long
 * as its file streams in, so one tenant must not take them all. A caller over the limit is told to
 * come back later (429 with {@code Retry-After}).
 */
@ApplicationScoped
public class ImportSlots {

    /** Seconds a refused import is asked to wait: imports take seconds to minutes, their end is unknown. */
    public static final long RETRY_AFTER_SECONDS = 10;

    @Inject
    private LimitSettings settings;

    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    /**
     * A slot for one import of this tenant, to close when the import ends; empty when the tenant
     * already runs the most imports allowed.
     */
    public Optional<Slot> tryAcquire(String tenantId) {
        int max = settings.importsMaxConcurrent();
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
        return settings.importsMaxConcurrent();
    }

    /** Largest import body in bytes. */
    public long maxBytes() {
        return settings.importsMaxBytes();
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
