package io.tracker.interfaces.tracking.collect;

import io.tracker.application.tracking.collection.CollectionUnavailableException;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.QueueFullException;
import io.tracker.interfaces.shared.rest.Problem;
import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the collection endpoints answer: problem+json (RFC 9457) for a client's mistake, {@code 429} and
 * {@code 503} with {@code Retry-After} when the collector refuses or fails, and the asynchronous answer
 * once the collector's future completes (after commit), so no request thread waits for the database.
 */
final class Answers {

    private static final Logger LOG = Logger.getLogger(Answers.class.getName());

    /** Longest wait for the collector before answering 503 (it commits within milliseconds normally). */
    static final long ASYNC_TIMEOUT_MS = 30_000;

    /** Writes the success answer for the hits' outcomes. */
    @FunctionalInterface
    interface Success {
        void write(List<HitOutcome> outcomes, HttpServletResponse response) throws IOException;
    }

    private Answers() {
    }

    /** A problem+json answer: {@code type}, {@code title}, {@code status}, {@code detail}. */
    static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        byte[] body = StrictJson.PROVIDER.createObjectBuilder()
                .add("type", "about:blank").add("title", Problem.title(status)).add("status", status)
                .add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** 429 or 503 with {@code Retry-After} for what {@code Collector.collect} threw or failed with. */
    static void refused(HttpServletResponse response, Throwable failure) throws IOException {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof QueueFullException full) {
            response.setHeader("Retry-After", String.valueOf(full.retryAfterSeconds()));
            problem(response, 429, "collection is busy: send the hits again in a second");
        } else if (t instanceof CollectionUnavailableException down) {
            response.setHeader("Retry-After", String.valueOf(down.retryAfterSeconds()));
            problem(response, 503, "collection is unavailable; nothing of this request was stored: send it again later");
        } else {
            LOG.log(Level.SEVERE, "collection failed unexpectedly", t);
            response.setHeader("Retry-After", "5");
            problem(response, 503, "collection failed; nothing of this request was stored: send it again later");
        }
    }

    /**
     * Answers when the future completes: on success with {@code success}, on failure 503 (429 cannot
     * arrive this way). Starts async processing unless the future is already done; answers 503 after
     * {@link #ASYNC_TIMEOUT_MS}. Exactly one answer is written.
     */
    static void when(HttpServletRequest request, HttpServletResponse response,
                     CompletableFuture<List<HitOutcome>> future, Success success) throws IOException {
        if (future.isDone()) {
            List<HitOutcome> outcomes;
            try {
                outcomes = future.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                refused(response, e);
                return;
            }
            success.write(outcomes, response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(ASYNC_TIMEOUT_MS);
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (answered.compareAndSet(false, true)) {
                    HttpServletResponse r = (HttpServletResponse) event.getAsyncContext().getResponse();
                    r.setHeader("Retry-After", "5");
                    problem(r, 503, "collection did not confirm the hits in time; send them again (event ids make that safe)");
                    event.getAsyncContext().complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
                answered.set(true);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        future.whenComplete((outcomes, failure) -> {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            HttpServletResponse r = (HttpServletResponse) async.getResponse();
            try {
                if (failure != null) {
                    refused(r, failure);
                } else {
                    success.write(outcomes, r);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "collection: the client went away before the answer", e);
            } finally {
                async.complete();
            }
        });
    }

    /** {@code Access-Control-Allow-Origin: *} (no credentials): pages of any site may send to the endpoints. */
    static void anyOrigin(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
    }
}
