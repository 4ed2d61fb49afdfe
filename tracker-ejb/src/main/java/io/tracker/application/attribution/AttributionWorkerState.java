package io.tracker.application.attribution;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What this server's {@link AttributionWorker} last did, for the health check: when it last made
 * progress (a poll that found nothing to do, or a batch committed). Not an EJB, so reading it takes
 * no tenant and no transaction.
 */
@ApplicationScoped
public class AttributionWorkerState {

    private volatile Instant lastProgress = Instant.now();

    /** Records progress now. */
    void progressed() {
        lastProgress = Instant.now();
    }

    /** When the worker last made progress (the application's start until its first poll). */
    public Instant lastProgress() {
        return lastProgress;
    }
}
