package io.tracker.application.tracking.collection;

import org.eclipse.microprofile.config.Config;

/**
 * How the {@link Collector} is sized. From the environment (MicroProfile Config):
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code TRACKER_COLLECT_QUEUE_CAPACITY}</td><td>20000</td><td>hits waiting to be written, at most</td></tr>
 *   <tr><td>{@code TRACKER_COLLECT_QUEUE_MAX_MB}</td><td>64</td><td>their estimated heap size, at most (MiB)</td></tr>
 *   <tr><td>{@code TRACKER_COLLECT_WRITERS}</td><td>2</td><td>writer threads (each one transaction at a time)</td></tr>
 *   <tr><td>{@code TRACKER_COLLECT_BATCH_MAX}</td><td>2000</td><td>hits per transaction, at most</td></tr>
 * </table>
 *
 * @param queueCapacity  hits the queue holds at most; beyond, {@link QueueFullException}
 * @param queueMaxBytes  estimated bytes the queued hits may take at most; beyond, {@link QueueFullException}
 * @param writers        writer threads
 * @param maxBatch       hits one transaction takes at most (a request's hits are never split)
 */
public record CollectorSettings(int queueCapacity, long queueMaxBytes, int writers, int maxBatch) {

    public static final CollectorSettings DEFAULTS = new CollectorSettings(20_000, 64L << 20, 2, 2_000);

    public CollectorSettings {
        if (queueCapacity < 1 || queueMaxBytes < 1 || writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("collector settings must be positive: " + queueCapacity + ", "
                    + queueMaxBytes + ", " + writers + ", " + maxBatch);
        }
    }

    /** The settings from the configuration, the defaults where it says nothing. */
    public static CollectorSettings from(Config config) {
        return new CollectorSettings(
                config.getOptionalValue("tracker.collect.queue-capacity", Integer.class).orElse(DEFAULTS.queueCapacity),
                config.getOptionalValue("tracker.collect.queue-max-mb", Long.class).map(mb -> mb << 20)
                        .orElse(DEFAULTS.queueMaxBytes),
                config.getOptionalValue("tracker.collect.writers", Integer.class).orElse(DEFAULTS.writers),
                config.getOptionalValue("tracker.collect.batch-max", Integer.class).orElse(DEFAULTS.maxBatch));
    }

    /** These settings with another queue capacity (tests). */
    public CollectorSettings withQueueCapacity(int capacity) {
        return new CollectorSettings(capacity, queueMaxBytes, writers, maxBatch);
    }
}
