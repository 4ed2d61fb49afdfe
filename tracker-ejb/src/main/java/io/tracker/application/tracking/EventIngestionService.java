package io.tracker.application.tracking;

import io.tracker.application.attribution.PendingAttribution;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepts a batch of events for the current tenant: validates each item, stores the good ones
 * in one transaction and, in the same transaction, marks their visitors for re-attribution
 * ({@link PendingAttribution}), which the attribution worker does within seconds, off the request
 * path. A bad item is reported by its index and never stops the good ones; a database failure
 * stores nothing.
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

    /**
     * @param events  the batch, in the client's order
     * @param invalid items the caller could not even read (wrong JSON types), already rejected
     */
    public IngestionReport ingest(List<EventInput> events, List<RejectedEvent> invalid) {
        Tenant tenant = tenants.current();
        EventValidator validator = new EventValidator(conversionActions.countingRules(), tenant.getDefaultActionKey(),
                tenant.getCurrency(), Clock.systemUTC());
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
        int[] counts = storeAndMark(valid);
        return new IngestionReport(counts[0], counts[1], List.copyOf(rejected));
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
