package io.tracker.application.tracking;

import io.tracker.application.attribution.AttributionService;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepts a batch of events for the current tenant: validates each item, stores the good ones
 * in one transaction, and brings the attribution of the visitors concerned up to date. A bad item
 * is reported by its index and never stops the good ones; a database failure stores nothing.
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

    @EJB
    private AttributionService attribution;

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
        int[] counts = storeAndAttribute(valid);
        return new IngestionReport(counts[0], counts[1], List.copyOf(rejected));
    }

    /**
     * Stores already validated events (imports use this) and re-attributes their visitors.
     *
     * @return {@code [stored, duplicates]}
     */
    public int[] storeAndAttribute(List<? extends TrackedEvent> valid) {
        boolean[] stored = store.store(valid);
        Set<String> visitors = new LinkedHashSet<>();
        int accepted = 0;
        for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
                accepted++;
                visitors.add(valid.get(i).visitorId());
            }
        }
        attribution.reattribute(visitors);
        return new int[] {accepted, valid.size() - accepted};
    }
}
