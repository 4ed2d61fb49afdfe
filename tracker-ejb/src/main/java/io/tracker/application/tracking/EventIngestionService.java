package io.tracker.application.tracking;

import io.tracker.application.attribution.PendingAttribution;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.collection.CollectionUnavailableException;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.QueueFullException;
import io.tracker.application.tracking.collection.TenantRules;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts a batch of events for the current tenant: validates each item, stores the good ones
 * in one transaction and, in the same transaction, marks their visitors for re-attribution
 * ({@link PendingAttribution}), which the attribution worker does within seconds, off the request
 * path. A bad item is reported by its index and never stops the good ones; a database failure
 * stores nothing.
 *
 * <p>Two entries: {@link #submit} is the events API's hot path (validation with the collector's cached
 * tenant rules, storage by the {@link Collector}'s group commit, no database round trip on the
 * request's thread); {@link #ingest} stores in the caller's JTA transaction (demo data, in-server jobs
 * and tests that must see the rows before their transaction ends).
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class EventIngestionService {

    /** Most events one request may carry. */
    public static final int MAX_BATCH = 1_000;

    @EJB
    private TenantService tenants;

    @EJB
    private ConversionActionService conversionActions;

    @EJB
    private EventStore store;

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private Collector collector;

    /**
     * @param events  the batch, in the client's order
     * @param invalid items the caller could not even read (wrong JSON types), already rejected
     */
    public IngestionReport ingest(List<EventInput> events, List<RejectedEvent> invalid) {
        Tenant tenant = tenants.current();
        Validated validated = validate(events, invalid, new EventValidator(conversionActions.countingRules(),
                tenant.getDefaultActionKey(), tenant.getCurrency(), Clock.systemUTC()));
        int[] counts = storeAndMark(validated.valid);
        return new IngestionReport(counts[0], counts[1], validated.rejected);
    }

    /**
     * The events API's path: validates the batch with the tenant's cached rules ({@link Collector#rules};
     * read afresh once when they refuse an item, so a conversion action created a moment ago is known)
     * and hands the valid events to the {@link Collector}, which stores them with other requests' hits in
     * one transaction and marks their visitors for the attribution worker. Runs without a transaction;
     * nothing touches the database on the caller's thread unless the rules must be read.
     *
     * @param events  the batch, in the client's order (at most {@value #MAX_BATCH})
     * @param invalid items the caller could not even read (wrong JSON types), already rejected
     * @return completes with the report once the valid events are committed; fails with
     *         {@link QueueFullException} (nothing queued: answer 429) or
     *         {@link CollectionUnavailableException} (nothing stored: answer 503, the client may retry
     *         with the same event ids)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CompletableFuture<IngestionReport> submit(List<EventInput> events, List<RejectedEvent> invalid) {
        String tenantId = currentTenant.require();
        try {
            Optional<TenantRules> cached = collector.rules(tenantId);
            if (cached.isEmpty()) {
                return CompletableFuture.completedFuture(allRejected(events, "this client tenant does not exist"));
            }
            TenantRules rules = cached.get();
            Validated validated = validate(events, invalid, validator(rules));
            if (validated.rejected.size() > invalid.size()) {
                Optional<TenantRules> fresh = collector.freshRules(tenantId);
                if (fresh.isPresent() && !fresh.get().equals(rules)) {
                    rules = fresh.get();
                    validated = validate(events, invalid, validator(rules));
                }
            }
            Validated result = validated;
            return collector.collectValidated(tenantId, rules, result.valid)
                    .thenApply(outcomes -> report(outcomes, result.rejected));
        } catch (QueueFullException | CollectionUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The valid events, in order, and every rejected item (unreadable or invalid) by index. */
    private record Validated(List<TrackedEvent> valid, List<RejectedEvent> rejected) {
    }

    private static EventValidator validator(TenantRules rules) {
        return new EventValidator(rules.actions(), rules.defaultActionKey(), rules.currency(), Clock.systemUTC());
    }

    private static Validated validate(List<EventInput> events, List<RejectedEvent> invalid, EventValidator validator) {
        List<RejectedEvent> rejected = new ArrayList<>(invalid);
        Set<Integer> alreadyRejected = new HashSet<>();
        invalid.forEach(r -> alreadyRejected.add(r.index()));
        List<TrackedEvent> valid = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (alreadyRejected.contains(i) || events.get(i) == null) {
                continue;
            }
            try {
                valid.add(validator.validate(events.get(i)));
            } catch (EventValidator.InvalidEventException e) {
                rejected.add(new RejectedEvent(i, e.getMessage()));
            }
        }
        rejected.sort(Comparator.comparingInt(RejectedEvent::index));
        return new Validated(valid, List.copyOf(rejected));
    }

    private static IngestionReport report(List<HitOutcome> outcomes, List<RejectedEvent> rejected) {
        int accepted = 0;
        int duplicates = 0;
        for (HitOutcome o : outcomes) {
            switch (o.status()) {
                case STORED -> accepted++;
                case DUPLICATE -> duplicates++;
                default -> throw new IllegalStateException("a validated event came back " + o);
            }
        }
        return new IngestionReport(accepted, duplicates, rejected);
    }

    private static IngestionReport allRejected(List<EventInput> events, String reason) {
        List<RejectedEvent> rejected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            rejected.add(new RejectedEvent(i, reason));
        }
        return new IngestionReport(0, 0, rejected);
    }

    /**
     * Stores already validated events and marks the visitors of the stored ones for re-attribution,
     * in the caller's transaction (the marks commit exactly with the events).
     *
     * @return {@code [stored, duplicates]}
     */
    public int[] storeAndMark(List<? extends TrackedEvent> valid) {
        boolean[] stored = store.store(valid);
        Set<String> visitors = new LinkedHashSet<>();
        int accepted = 0;
        for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
                accepted++;
                visitors.add(valid.get(i).visitorId());
            }
        }
        try (Connection c = connections.forCurrentTenant()) {
            PendingAttribution.mark(c, currentTenant.require(), visitors);
        } catch (SQLException e) {
            throw new IllegalStateException("marking visitors for attribution failed: " + e.getMessage(), e);
        }
        return new int[] {accepted, valid.size() - accepted};
    }
}
