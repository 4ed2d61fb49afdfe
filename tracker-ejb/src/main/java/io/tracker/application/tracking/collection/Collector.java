package io.tracker.application.tracking.collection;

import io.tracker.application.tracking.EventTimes;
import io.tracker.application.tracking.TrackedEvent;
import io.tracker.domain.audit.WebsiteDomain;
import io.tracker.domain.tracking.DebugSessionId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The collection core every way in (tag, pixel, tracked links, Segment API) hands its hits to:
 * validates them on the caller's thread, queues them in a bounded queue, and has one or two writer
 * threads store many callers' hits together in one transaction each (group commit).
 *
 * <p><b>Promise.</b> The future of {@link #collect} completes only after the transaction holding its
 * hits has committed, with one {@link HitOutcome} per hit in the caller's order; so an endpoint that
 * answers when the future completes answers only for durable hits. When the transaction fails,
 * nothing of it is stored and the future fails with {@link CollectionUnavailableException} (answer
 * {@code 503}); the sender may repeat the hits, and their event ids make the repeat a duplicate if the
 * first attempt did commit after all. A full queue is refused at once with {@link QueueFullException}
 * (answer {@code 429} with {@code Retry-After}).
 *
 * <p><b>Writer.</b> A writer takes the queued calls in arrival order up to
 * {@link CollectorSettings#maxBatch()} hits (a call's hits are never split), groups them by tenant
 * (tenants in id order), and per tenant sets {@code app.tenant_id} for row-level security and runs one
 * statement per table ({@link GroupStatements}: at most 12 round trips per tenant, plus one commit per
 * transaction), then commits and hands the futures to the container's executor to complete, so that
 * callers' callbacks never hold up the writer. A deadlock or serialization failure (possible with the
 * events API writing the same rows) is retried up to three times; a transaction that fails on a data
 * error while holding several calls is retried call by call, so one bad call cannot fail the others.
 *
 * <p><b>Memory.</b> The queue holds at most {@link CollectorSettings#queueCapacity()} hits and
 * {@link CollectorSettings#queueMaxBytes()} estimated bytes; a hit is at most about 60 KB (URLs 8192
 * characters, properties 16384), a page view typically 1–2 KB.
 *
 * <p>Threads come from the container ({@code ManagedThreadFactory}, {@code ManagedExecutorService});
 * {@link CollectorProducer} makes the application's one collector. Thread-safe.
 */
public class Collector implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Collector.class.getName());

    /** Most hits one call may hand over; the rest are rejected (Segment's 500 KB batch holds fewer). */
    public static final int MAX_HITS_PER_CALL = 2_500;
    private static final int MAX_USER_AGENT = 2_048;
    private static final int DEADLOCK_RETRIES = 3;

    private final CollectorSettings settings;
    private final DataSource dataSource;
    private final ThreadFactory threadFactory;
    private final Executor completions;
    private final BotDetector bots;
    private final CollectionRules rules;
    private final Clock clock = Clock.systemUTC();

    private final Admission admission;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock draining = new ReentrantLock();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong hitsCommitted = new AtomicLong();
    private final AtomicLong failedTransactions = new AtomicLong();
    private volatile int lastRoundTrips;
    private volatile int lastTransactionHits;
    private volatile int lastTenants;

    /**
     * A collector that queues hits but writes none until {@link #start()}.
     *
     * @param dataSource    {@code jdbc/tracker} (the application role, subject to row-level security)
     * @param threadFactory the container's managed thread factory, for the writers
     * @param completions   the container's managed executor, which completes the callers' futures
     */
    public Collector(CollectorSettings settings, DataSource dataSource, ThreadFactory threadFactory,
                     Executor completions, BotDetector bots) {
        this.settings = Objects.requireNonNull(settings);
        this.dataSource = Objects.requireNonNull(dataSource);
        this.threadFactory = Objects.requireNonNull(threadFactory);
        this.completions = Objects.requireNonNull(completions);
        this.bots = Objects.requireNonNull(bots);
        this.rules = new CollectionRules(dataSource);
        this.admission = new Admission(settings.queueCapacity(), settings.queueMaxBytes());
    }

    /** Starts the writer threads. */
    public synchronized void start() {
        if (!writers.isEmpty() || closed) {
            return;
        }
        for (int i = 0; i < settings.writers(); i++) {
            Thread t = threadFactory.newThread(this::runWriter);
            t.setName("tracker-collect-writer-" + i);
            writers.add(t);
            t.start();
        }
    }

    /**
     * Validates the hits and queues them for the tenant.
     *
     * @param tenantId the tenant, as a credential named it ({@link CollectionKeys}); never from the hit
     * @param hits     at most {@value #MAX_HITS_PER_CALL} (more are rejected); null elements are rejected
     * @return one outcome per hit, in order, once the hits are committed; fails with
     *         {@link CollectionUnavailableException} when their transaction failed
     * @throws QueueFullException             when the queue has no room for the hits: nothing was queued
     * @throws CollectionUnavailableException when the tenant's rules cannot be read or the collector is closed
     */
    public CompletableFuture<List<HitOutcome>> collect(String tenantId, List<CollectedHit> hits) {
        return collect(tenantId, hits, null);
    }

    /**
     * As {@link #collect(String, List)}, for hits a browser sent in debug mode: with a debug session id every
     * hit is validated and understood as usual but stored only in {@code debug_hit} (README "Debug mode"),
     * never in reports, and answered {@code STORED} with a note saying so (a refused one keeps its rejection).
     *
     * @param debugSession the debug session id as sent; null: no debug mode. Only its shape is checked
     *                     ({@link DebugSessionId#wellFormed}); a malformed one rejects every hit, so that a
     *                     test purchase cannot reach reports through a mistyped flag
     */
    public CompletableFuture<List<HitOutcome>> collect(String tenantId, List<CollectedHit> hits, String debugSession) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(hits, "hits");
        if (debugSession != null && !DebugSessionId.wellFormed(debugSession)) {
            return CompletableFuture.completedFuture(hits.stream()
                    .map(h -> HitOutcome.rejected("the debug session id is not dbg_ and 22 letters, digits, - or _"))
                    .toList());
        }
        if (closed) {
            throw new CollectionUnavailableException("collection is shutting down", null);
        }
        if (hits.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Optional<TenantRules> tenant = rules.of(tenantId);
        if (tenant.isEmpty()) {
            return CompletableFuture.completedFuture(
                    hits.stream().map(h -> HitOutcome.rejected("unknown tenant")).toList());
        }
        Instant now = clock.instant();
        List<Prepared> prepared = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            Prepared p = prepare(hits.get(i), i, tenant.get(), now);
            prepared.add(debugSession == null ? p : p.inDebugSession(debugSession, hits.get(i), now));
        }
        return enqueue(new Submission(tenantId, tenant.get(), prepared));
    }

    /**
     * The tenant's rules as the collector validates with them (currency, time zone, conversion actions;
     * cached for a few seconds), for a way in that validates by rules of its own (the events API).
     *
     * @return empty for an unknown tenant
     * @throws CollectionUnavailableException when the database cannot be read
     */
    public Optional<TenantRules> rules(String tenantId) {
        return rules.of(Objects.requireNonNull(tenantId, "tenantId"));
    }

    /**
     * The tenant's rules read from the database now (and cached afresh): for a way in whose cached
     * rules refused an item that fresh ones may accept (a conversion action created a moment ago).
     *
     * @throws CollectionUnavailableException when the database cannot be read
     */
    public Optional<TenantRules> freshRules(String tenantId) {
        return rules.fresh(Objects.requireNonNull(tenantId, "tenantId"));
    }

    /**
     * Forgets the tenant's cached rules on this server, so the next hit validates with rules read afresh.
     * Called when a conversion action changed, once now and once after the change's commit (other servers
     * pick it up within {@value CollectionRules#TTL_SECONDS} seconds).
     */
    public void forgetRules(String tenantId) {
        rules.forget(Objects.requireNonNull(tenantId, "tenantId"));
    }

    /**
     * Queues the events API's items, already validated by its own rules against {@code rules}
     * ({@code EventValidator}), for the tenant: the same queue, group commit, de-duplication,
     * attribution marks and promise as {@link #collect}, without validating again.
     *
     * @param tenantRules the tenant's rules the events were validated with ({@link #rules})
     * @param events at most {@value #MAX_HITS_PER_CALL}
     * @return one outcome per event, in order ({@code STORED} or {@code DUPLICATE}), once committed
     * @throws QueueFullException             when the queue has no room for them: nothing was queued
     * @throws CollectionUnavailableException when the collector is closed
     */
    public CompletableFuture<List<HitOutcome>> collectValidated(String tenantId, TenantRules tenantRules,
                                                                List<? extends TrackedEvent> events) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (!tenantId.equals(tenantRules.tenantId())) {
            throw new IllegalArgumentException("the rules are another tenant's");
        }
        if (events.size() > MAX_HITS_PER_CALL) {
            throw new IllegalArgumentException("more than " + MAX_HITS_PER_CALL + " events in one call");
        }
        if (closed) {
            throw new CollectionUnavailableException("collection is shutting down", null);
        }
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<Prepared> prepared = new ArrayList<>(events.size());
        for (TrackedEvent e : events) {
            prepared.add(ApiEvents.prepare(e, tenantRules));
        }
        return enqueue(new Submission(tenantId, tenantRules, prepared));
    }

    private CompletableFuture<List<HitOutcome>> enqueue(Submission submission) {
        if (!admission.tryAcquire(submission.hits(), submission.bytes)) {
            throw new QueueFullException("the collection queue is full (" + admission.hits() + " of "
                    + settings.queueCapacity() + " hits)");
        }
        queue.add(submission);
        return submission.future;
    }

    private Prepared prepare(CollectedHit hit, int index, TenantRules tenant, Instant now) {
        if (index >= MAX_HITS_PER_CALL) {
            return Prepared.decided(HitOutcome.rejected("more than " + MAX_HITS_PER_CALL + " hits in one call"));
        }
        if (hit != null && hit.prefetch()) {
            return bot(hit, true, now);
        }
        if (hit != null && hit.userAgent() != null) {
            String ua = hit.userAgent();
            if (bots.isBot(ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua)) {
                return bot(hit, false, now);
            }
        }
        return HitValidator.check(hit, tenant, now);
    }

    /**
     * A bot's hit, kept for the tag-health roll-up under its page's domain and its time (the arrival's when it has
     * none or one out of range: a bot's clock is not worth a hit of its own).
     */
    private static Prepared bot(CollectedHit hit, boolean prefetch, Instant now) {
        Instant at = hit.occurredAt() == null || EventTimes.outOfRange(hit.occurredAt(), now) != null
                ? now : hit.occurredAt();
        String url = hit.url() != null && hit.url().length() > HitValidator.MAX_URL ? null : hit.url();
        return Prepared.bot(prefetch, WebsiteDomain.of(url), at);
    }

    /** The queue and the writers' figures now. */
    public CollectorStats stats() {
        return new CollectorStats(admission.hits(), admission.bytes(), settings.queueCapacity(), transactions.get(),
                hitsCommitted.get(), failedTransactions.get(), lastRoundTrips, lastTransactionHits, lastTenants);
    }

    /**
     * Stops taking hits, lets the writers store what is queued (up to 30 s), then fails what is left
     * with {@link CollectionUnavailableException}.
     */
    @Override
    public void close() {
        closed = true;
        List<Thread> started;
        synchronized (this) {
            started = List.copyOf(writers);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread t : started) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Submission left;
        while ((left = queue.poll()) != null) {
            admission.release(left.hits(), left.bytes);
            left.future.completeExceptionally(new CollectionUnavailableException("collection stopped", null));
        }
    }

    // ------------------------------------------------------------------ the writers

    private void runWriter() {
        while (!closed || !queue.isEmpty()) {
            try {
                List<Submission> group = nextGroup();
                if (!group.isEmpty()) {
                    write(group);
                }
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            } catch (RuntimeException | Error e) {
                // write() settles every future itself; this is a last resort so the writer lives on
                LOG.log(Level.SEVERE, "collection writer: unexpected failure", e);
            }
        }
    }

    /** The next calls in arrival order, up to maxBatch hits (at least one call); empty after a quiet wait. */
    private List<Submission> nextGroup() throws InterruptedException {
        List<Submission> group = new ArrayList<>();
        draining.lockInterruptibly();
        try {
            Submission first = queue.poll(250, TimeUnit.MILLISECONDS);
            if (first == null) {
                return group;
            }
            group.add(first);
            int hits = first.hits();
            Submission next;
            while ((next = queue.peek()) != null && hits + next.hits() <= settings.maxBatch()) {
                group.add(queue.poll());
                hits += next.hits();
            }
        } finally {
            draining.unlock();
        }
        return group;
    }

    private void write(List<Submission> group) {
        Map<Submission, List<HitOutcome>> results;
        try {
            results = transactionWithRetries(group);
        } catch (SQLException | RuntimeException e) {
            failedTransactions.incrementAndGet();
            if (group.size() > 1 && dataError(e)) {
                LOG.log(Level.WARNING, "collection: a transaction of " + group.size()
                        + " calls failed on their data; writing them one by one", e);
                for (Submission s : group) {
                    write(List.of(s));
                }
                return;
            }
            LOG.log(Level.WARNING, "collection: a transaction of " + group.size() + " calls failed: " + e);
            CollectionUnavailableException failure = new CollectionUnavailableException(
                    "storing the hits failed; nothing of them was stored: " + e.getMessage(), e);
            for (Submission s : group) {
                admission.release(s.hits(), s.bytes);
            }
            complete(() -> group.forEach(s -> s.future.completeExceptionally(failure)));
            return;
        }
        for (Submission s : group) {
            admission.release(s.hits(), s.bytes);
        }
        complete(() -> group.forEach(s -> s.future.complete(results.get(s))));
    }

    /** Completes futures on the container's executor; inline when it refuses (shutting down). */
    private void complete(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    private Map<Submission, List<HitOutcome>> transactionWithRetries(List<Submission> group) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction(group);
            } catch (SQLException e) {
                if (attempt >= DEADLOCK_RETRIES || !retryable(e)) {
                    throw e;
                }
                LOG.fine(() -> "collection: retrying after " + e.getSQLState() + ": " + e.getMessage());
            }
        }
    }

    private Map<Submission, List<HitOutcome>> transaction(List<Submission> group) throws SQLException {
        TreeMap<String, List<Submission>> byTenant = new TreeMap<>();
        int hits = 0;
        for (Submission s : group) {
            byTenant.computeIfAbsent(s.tenantId, t -> new ArrayList<>()).add(s);
            hits += s.hits();
        }
        Map<Submission, List<HitOutcome>> results = new IdentityHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                GroupStatements statements = new GroupStatements(c);
                for (Map.Entry<String, List<Submission>> tenant : byTenant.entrySet()) {
                    List<Prepared> items = new ArrayList<>();
                    tenant.getValue().forEach(s -> items.addAll(s.items));
                    TenantBatch batch = new TenantBatch(tenant.getKey(), items);
                    statements.write(batch, tenant.getValue().get(0).rules.zone());
                    List<HitOutcome> outcomes = batch.outcomes();
                    int from = 0;
                    for (Submission s : tenant.getValue()) {
                        results.put(s, List.copyOf(outcomes.subList(from, from + s.hits())));
                        from += s.hits();
                    }
                }
                c.commit();
                statements.countCommit();
                transactions.incrementAndGet();
                hitsCommitted.addAndGet(hits);
                lastRoundTrips = statements.roundTrips();
                lastTransactionHits = hits;
                lastTenants = byTenant.size();
                return results;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the transaction with it
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection; the pool drops it
                }
            }
        }
    }

    /** Deadlock or serialization failure: PostgreSQL rolled back, a new attempt may succeed. */
    private static boolean retryable(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    /**
     * A failure caused by what was written (data exception, constraint, refused access) rather than by
     * the database being unreachable: worth retrying the calls one by one.
     */
    private static boolean dataError(Exception e) {
        if (!(e instanceof SQLException sql)) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }
}
