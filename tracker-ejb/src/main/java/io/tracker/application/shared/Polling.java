package io.tracker.application.shared;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A scheduler's poll: a pass every so many seconds (fixed delay, the first one that long after start) on the
 * scheduler's own executor, inside a request scope (the EJBs it calls keep the tenant there). A pass never ends the
 * schedule: a {@link RuntimeException} is logged and the next poll goes on; an {@link Error}, which would end it
 * without a word, is logged before it does. A long pass asks {@link #stopping()} between its items so that
 * undeploying does not wait for it.
 */
public final class Polling {

    private static final Logger LOG = Logger.getLogger(Polling.class.getName());

    private final String name;
    private final RequestContextController requestContext;
    private final Consumer<Polling> pass;
    private volatile boolean stopping;
    private ScheduledFuture<?> task;

    private Polling(String name, RequestContextController requestContext, Consumer<Polling> pass) {
        this.name = name;
        this.requestContext = requestContext;
        this.pass = pass;
    }

    /**
     * Starts polling.
     *
     * @param name         the scheduler as the log names it ("destination scheduler")
     * @param everySeconds the delay between the end of one pass and the start of the next, in seconds
     * @param pass         one pass; it is given this polling to ask {@link #stopping()}
     */
    public static Polling start(String name, ManagedScheduledExecutorService executor, long everySeconds,
                                RequestContextController requestContext, Consumer<Polling> pass) {
        Polling polling = new Polling(name, requestContext, pass);
        polling.task = executor.scheduleWithFixedDelay(polling::poll, everySeconds, everySeconds, TimeUnit.SECONDS);
        return polling;
    }

    /** Whether {@link #stop()} was called: a pass should return. */
    public boolean stopping() {
        return stopping;
    }

    /** Starts no further pass and asks the running one to stop. */
    public void stop() {
        stopping = true;
        task.cancel(false);
    }

    private void poll() {
        try {
            requestContext.activate();
            try {
                pass.accept(this);
            } finally {
                requestContext.deactivate();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> name + ": poll failed: " + e);
        } catch (Error e) {
            LOG.log(Level.SEVERE, e, () -> name + ": stopped by " + e);
            throw e;
        }
    }
}
