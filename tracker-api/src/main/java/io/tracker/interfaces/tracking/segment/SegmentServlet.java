package io.tracker.interfaces.tracking.segment;

import io.tracker.application.conversion.ledger.AdjustmentSource;
import io.tracker.application.conversion.ledger.ConversionLedgerService;
import io.tracker.application.conversion.ledger.LedgerReport;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.CollectionKeys;
import io.tracker.application.tracking.collection.CollectionUnavailableException;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.QueueFullException;
import io.tracker.application.tracking.collection.WriteKey;
import io.tracker.interfaces.shared.limits.RateLimits;
import io.tracker.interfaces.tracking.segment.SegmentAnswer.Rejection;
import io.tracker.interfaces.tracking.segment.SegmentJson.Item;
import io.tracker.interfaces.tracking.segment.SegmentMessages.Type;
import io.tracker.domain.conversion.ledger.Adjustment;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tracker's Segment-compatible HTTP Tracking API, so that Segment's libraries (analytics-java,
 * analytics-node, analytics-python, analytics.js …) send to Tracker unchanged:
 * {@code POST /v1/batch} and {@code /v1/import} (a batch), {@code /v1/track}, {@code /v1/page},
 * {@code /v1/identify} (one message; {@code /v1/screen}, {@code /v1/group}, {@code /v1/alias} are
 * accepted and ignored), each also with a trailing {@code /} (analytics-java posts to
 * {@code /v1/import/}) and under analytics.js's short names ({@code /v1/b}, {@code /v1/t}, {@code /v1/p},
 * {@code /v1/i}, {@code /v1/s}, {@code /v1/g}, {@code /v1/a}). Messages are read by {@link SegmentMessages}.
 *
 * <p><b>Credential.</b> An API key of the tenant with the {@code WRITE} scope, as Segment's write key:
 * the user name of HTTP Basic authentication with an empty password, or the body's {@code writeKey}
 * (where analytics-java 3.x and analytics.js put it). Missing, unknown or revoked: {@code 401} with
 * {@code WWW-Authenticate: Basic}; both given and different: {@code 401}; a key without
 * {@code WRITE}: {@code 403}. The tenant comes only from the key ({@link CollectionKeys}, cached: no
 * database round trip per request). Refused keys count against the client address like the API's
 * ({@link RateLimits}): after too many, {@code 429} before any key is checked.
 *
 * <p><b>Limits</b> (Segment's): a request at most 500 KB, else {@code 413} before anything is parsed
 * (after gzip decompression, {@code Content-Encoding: gzip} accepted); a message at most 32 KB: in a
 * batch a larger one is rejected alone, a single call larger than that is a {@code 413}. The body is
 * JSON whatever its {@code Content-Type} (analytics.js sends {@code text/plain}); malformed JSON is a
 * {@code 400}.
 *
 * <p><b>Order refunds and cancellations</b> ({@code Order Refunded}, {@code Order Cancelled}, see
 * {@link TrackNames}) are applied to the conversion ledger before the other messages are collected, in a
 * transaction of their own; a refund of an order the tenant does not have is a rejection of its message like any
 * other ({@code "reason":"order_id: no conversion of 'purchase' has the order id …"}), a refund sent again is
 * accepted and changes nothing.
 *
 * <p><b>Promise.</b> The answer ({@link SegmentAnswer}) is sent when the collector has committed the
 * messages' hits (the request is asynchronous meanwhile): {@code 200 {"success":true}} means stored.
 * A full queue is a {@code 429} with {@code Retry-After: 1}, an unavailable database a {@code 503}
 * with {@code Retry-After: 5}; Segment's libraries retry both, and {@code messageId} makes a repeat a
 * duplicate.
 */
@WebServlet(asyncSupported = true, urlPatterns = {
        "/v1/batch", "/v1/batch/", "/v1/import", "/v1/import/", "/v1/b",
        "/v1/track", "/v1/track/", "/v1/t", "/v1/page", "/v1/page/", "/v1/p",
        "/v1/identify", "/v1/identify/", "/v1/i",
        "/v1/screen", "/v1/screen/", "/v1/s", "/v1/group", "/v1/group/", "/v1/g", "/v1/alias", "/v1/alias/", "/v1/a"})
public class SegmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SegmentServlet.class.getName());

    /** Longest wait for the commit before answering 503 (the hits may still be stored: retry). */
    static final long COMMIT_TIMEOUT_MS = 30_000;
    private static final int UNAVAILABLE_RETRY_SECONDS = 5;

    /** The batch paths (without a trailing slash). */
    private static final Set<String> BATCHES = Set.of("/v1/batch", "/v1/import", "/v1/b");
    /** The single calls' paths (without a trailing slash) and their types. */
    private static final Map<String, Type> SINGLES = singles();

    @Inject
    private transient Collector collector;

    @Inject
    private transient CollectionKeys keys;

    @Inject
    private transient RateLimits limits;

    @EJB
    private transient TenantSelection selection;

    @EJB
    private transient ConversionLedgerService ledger;

    private static Map<String, Type> singles() {
        Map<String, Type> r = new HashMap<>();
        Map<String, Type> single = Map.of("track", Type.TRACK, "t", Type.TRACK, "page", Type.PAGE, "p", Type.PAGE,
                "identify", Type.IDENTIFY, "i", Type.IDENTIFY, "screen", Type.IGNORED, "s", Type.IGNORED,
                "group", Type.IGNORED, "g", Type.IGNORED);
        single.forEach((name, type) -> r.put("/v1/" + name, type));
        r.put("/v1/alias", Type.IGNORED);
        r.put("/v1/a", Type.IGNORED);
        return Map.copyOf(r);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant receivedAt = Instant.now();
        SegmentAnswer.headers(response);
        String path = request.getServletPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean batch = BATCHES.contains(path);
        Type type = SINGLES.get(path);
        if (!batch && type == null) {
            SegmentAnswer.problem(response, 404, "no such Segment call: " + path);
            return;
        }
        int limit = batch ? SegmentJson.MAX_BATCH_BYTES : SegmentJson.MAX_MESSAGE_BYTES;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, batch);
            return;
        }
        try {
            handle(request, response, receivedAt, batch, type, limit);
        } catch (CollectionUnavailableException e) {
            LOG.log(Level.WARNING, "Segment API: collection unavailable: {0}", e.getMessage());
            SegmentAnswer.retryLater(response, 503, "collection is unavailable for a moment",
                    e.retryAfterSeconds());
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, Instant receivedAt, boolean batch,
                        Type type, int limit) throws IOException {
        String address = request.getRemoteAddr();
        String headerKey = null;
        WriteKey key = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            if (guessingPaused(response, address)) {
                return;
            }
            headerKey = basicUser(authorization);
            if (headerKey == null) {
                refuse(response, address, "Authorization must be HTTP Basic with the write key as the user name "
                        + "and an empty password");
                return;
            }
            key = keys.writeKey(headerKey).orElse(null);
            if (!acceptable(response, address, key)) {
                return;
            }
        }

        byte[] bytes;
        SegmentJson.Body body;
        try {
            bytes = SegmentBody.read(request.getInputStream(), request.getHeader("Content-Encoding"), limit);
            body = batch ? SegmentJson.batch(bytes) : SegmentJson.single(bytes);
        } catch (SegmentBody.TooLarge e) {
            tooLarge(response, batch);
            return;
        } catch (SegmentBody.Unreadable | SegmentJson.Malformed e) {
            SegmentAnswer.problem(response, 400, e.getMessage());
            return;
        }

        String bodyKey = body.writeKey() == null || body.writeKey().isBlank() ? null : body.writeKey().strip();
        if (bodyKey != null) {
            if (headerKey != null && !headerKey.equals(bodyKey)) {
                refuse(response, address, "the body's writeKey differs from the key in the Authorization header");
                return;
            }
            if (key == null) {
                if (guessingPaused(response, address)) {
                    return;
                }
                key = keys.writeKey(bodyKey).orElse(null);
                if (!acceptable(response, address, key)) {
                    return;
                }
            }
        }
        if (key == null) {
            SegmentAnswer.unauthorized(response, "no write key: send it as the user name of HTTP Basic "
                    + "authentication (empty password) or as the body's \"writeKey\"");
            return;
        }
        collect(request, response, key.tenantId(), body, type, receivedAt);
    }

    /** Maps the messages, hands their hits to the collector and answers once they are committed. */
    private void collect(HttpServletRequest request, HttpServletResponse response, String tenantId,
                         SegmentJson.Body body, Type type, Instant receivedAt) throws IOException {
        List<Item> items = body.items();
        List<Rejection> rejected = new ArrayList<>();
        List<CollectedHit> hits = new ArrayList<>(items.size() + 4);
        // per item: where its hits start in `hits` and how many (0: decided already)
        int[] from = new int[items.size()];
        int[] count = new int[items.size()];
        List<Adjustment> adjustments = new ArrayList<>();
        List<Item> adjusted = new ArrayList<>();
        for (Item item : items) {
            if (item.message() == null) {
                rejected.add(new Rejection(item.index(), null, "a message must be a JSON object"));
                continue;
            }
            String messageId = messageId(item);
            if (item.bytes() > SegmentJson.MAX_MESSAGE_BYTES) {
                rejected.add(new Rejection(item.index(), messageId, "the message is " + item.bytes()
                        + " bytes; a message is at most " + SegmentJson.MAX_MESSAGE_BYTES + " bytes (32 KB)"));
                continue;
            }
            SegmentMessages.Mapped mapped = SegmentMessages.map(item.message(), type, body.context(), body.sentAt(),
                    receivedAt);
            if (mapped instanceof SegmentMessages.Rejected r) {
                rejected.add(new Rejection(item.index(), messageId, r.reason()));
            } else if (mapped instanceof SegmentMessages.Hits h) {
                from[item.index()] = hits.size();
                count[item.index()] = h.hits().size();
                hits.addAll(h.hits());
            } else if (mapped instanceof SegmentMessages.Adjust a) {
                adjustments.add(a.adjustment());
                adjusted.add(item);
            }
        }
        if (!adjustments.isEmpty() && !adjust(response, tenantId, adjustments, adjusted, rejected)) {
            return;
        }
        rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (hits.isEmpty()) {
            SegmentAnswer.outcome(response, items.size(), rejected);
            return;
        }
        if (hits.size() > Collector.MAX_HITS_PER_CALL) {
            SegmentAnswer.problem(response, 413, "the batch holds more than " + Collector.MAX_HITS_PER_CALL
                    + " hits; send fewer messages per batch");
            return;
        }
        CompletableFuture<List<HitOutcome>> future;
        try {
            future = collector.collect(tenantId, hits);
        } catch (QueueFullException e) {
            SegmentAnswer.retryLater(response, 429, "collection is busy", e.retryAfterSeconds());
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(COMMIT_TIMEOUT_MS);
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new TimeoutAnswer(async, answered));
        future.orTimeout(COMMIT_TIMEOUT_MS, TimeUnit.MILLISECONDS).whenComplete((outcomes, failure) -> {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            HttpServletResponse r = (HttpServletResponse) async.getResponse();
            try {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    LOG.log(Level.WARNING, "Segment API: the commit failed: {0}", String.valueOf(cause));
                    SegmentAnswer.retryLater(r, 503, "the messages could not be stored; nothing of them was acknowledged",
                            cause instanceof CollectionUnavailableException u ? u.retryAfterSeconds()
                                    : UNAVAILABLE_RETRY_SECONDS);
                } else {
                    List<Rejection> all = new ArrayList<>(rejected);
                    List<Rejection> notes = new ArrayList<>();
                    for (Item item : items) {
                        for (int i = 0; i < count[item.index()]; i++) {
                            HitOutcome o = outcomes.get(from[item.index()] + i);
                            if (!o.accepted()) {
                                all.add(new Rejection(item.index(), messageId(item), o.reason()));
                                break;
                            }
                            if (o.note() != null) {
                                notes.add(new Rejection(item.index(), messageId(item), o.note()));
                            }
                        }
                    }
                    all.sort((a, b) -> Integer.compare(a.index(), b.index()));
                    SegmentAnswer.outcome(r, items.size(), all, notes);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Segment API: the answer could not be sent", e);
            } finally {
                async.complete();
            }
        });
    }

    /**
     * Applies the batch's order refunds and cancellations to the conversion ledger at once, in one transaction,
     * acting for the key's tenant with the collector's permission (send only); an adjustment the ledger refuses
     * (an unknown order, a retracted one) is a rejection of its message. Answers 503 and returns false when the
     * ledger cannot be written (nothing of the request is stored then: the hits are not collected either).
     */
    private boolean adjust(HttpServletResponse response, String tenantId, List<Adjustment> adjustments,
                           List<Item> adjusted, List<Rejection> rejected) throws IOException {
        LedgerReport report;
        try {
            selection.asCollector(tenantId, "segment");
            report = ledger.apply(adjustments, AdjustmentSource.SEGMENT);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Segment API: applying order refunds and cancellations failed", e);
            SegmentAnswer.retryLater(response, 503, "the order refunds and cancellations could not be applied; "
                    + "nothing of this request was stored", UNAVAILABLE_RETRY_SECONDS);
            return false;
        }
        for (LedgerReport.ItemError error : report.errors()) {
            Item item = adjusted.get((int) error.position());
            rejected.add(new Rejection(item.index(), messageId(item), error.error()));
        }
        return true;
    }

    /** 503 when the commit has not come within the timeout (the hits may still be stored). */
    private record TimeoutAnswer(AsyncContext async, AtomicBoolean answered) implements AsyncListener {
        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (answered.compareAndSet(false, true)) {
                SegmentAnswer.retryLater((HttpServletResponse) async.getResponse(), 503,
                        "storing the messages takes too long", UNAVAILABLE_RETRY_SECONDS);
                async.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    private static String messageId(Item item) {
        var id = item.message() == null ? null : item.message().get("messageId");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    private static void tooLarge(HttpServletResponse response, boolean batch) throws IOException {
        SegmentAnswer.problem(response, 413, batch
                ? "the batch is larger than " + SegmentJson.MAX_BATCH_BYTES + " bytes (500 KB); send smaller batches"
                : "the message is larger than " + SegmentJson.MAX_MESSAGE_BYTES + " bytes (32 KB)");
    }

    /** True (after answering 429) while the address has used up its refused credentials. */
    private boolean guessingPaused(HttpServletResponse response, String address) throws IOException {
        long wait = limits.failedAuthenticationsWait(address);
        if (wait <= 0) {
            return false;
        }
        SegmentAnswer.retryLater(response, 429, "too many refused credentials from your address; "
                + "credentials are not checked for a while", TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
        return true;
    }

    /** False (after answering 401 or 403) unless the key exists and may write. */
    private boolean acceptable(HttpServletResponse response, String address, WriteKey key) throws IOException {
        if (key == null) {
            refuse(response, address, "unknown or revoked write key");
            return false;
        }
        if (!key.canWrite()) {
            SegmentAnswer.problem(response, 403, "this API key may not send events: it lacks the WRITE scope");
            return false;
        }
        return true;
    }

    private void refuse(HttpServletResponse response, String address, String detail) throws IOException {
        limits.failedAuthentication(address);
        SegmentAnswer.unauthorized(response, detail);
    }

    /** The user name of {@code Basic base64(user:password)}; null when the header is not that. */
    static String basicUser(String authorization) {
        String a = authorization.strip();
        if (a.length() < 6 || !a.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(a.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        return user.isBlank() ? null : user.strip();
    }
}
