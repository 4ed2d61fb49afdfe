package io.tracker.application.tracking.collection;

import io.tracker.domain.audit.WebsiteDomain;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One tenant's hits in one group-commit transaction, and the decisions about them; the database work
 * is {@link GroupStatements}', which calls the steps below in this order and feeds back what the
 * database answered:
 *
 * <ol>
 *   <li>{@link #eventIdsToClaim()} / {@link #eventIdsClaimed}: an event id seen before (in this batch
 *       or in {@code event_receipt}) makes its hit a duplicate;</li>
 *   <li>{@link #orderKeysToClaim()} / {@link #orderKeysClaimed}: the same (event name, order id) within
 *       48 hours (in this batch or in {@code order_receipt}) likewise;</li>
 *   <li>{@link #conversionsToInsert()} / {@link #conversionsInserted}: a conversion whose dedupe key the
 *       action already has (in this batch or in {@code conversion}) makes its hit a duplicate;</li>
 *   <li>every hit still standing is stored: {@link #checkouts()}, {@link #touchpoints()}, {@link #linkClicks()},
 *       {@link #customEvents()},
 *       {@link #identityLinks()} / {@link #linksInserted}, then {@link #visitorsToMark()} for
 *       attribution, {@link #counts()} and the tag-health roll-up {@link #domainHours()}.</li>
 * </ol>
 *
 * Hits sent in debug mode are decided at once (stored, for their sender) and take no part in the steps:
 * {@link #debugHits()} hands them to {@link DebugHitStatement}, which works out in SQL the outcome they would
 * have had.
 *
 * Keys go to the database sorted, so that two writers' transactions take their row locks in the same
 * order and never deadlock each other. The first of two equal hits wins. Not thread-safe; one per
 * attempt (a retried transaction starts from a new one).
 */
final class TenantBatch {

    /** (event name, order id), ordered by name then order id. */
    record OrderKey(String name, String orderId) implements Comparable<OrderKey> {
        @Override
        public int compareTo(OrderKey o) {
            int byName = name.compareTo(o.name);
            return byName != 0 ? byName : orderId.compareTo(o.orderId);
        }
    }

    /** A conversion's uniqueness within its action (conversion_dedupe_idx). */
    record ConversionKey(long actionId, String dedupeKey) {
    }

    /** One identity link row. */
    record IdentityLink(String visitorId, String personKey) implements Comparable<IdentityLink> {
        @Override
        public int compareTo(IdentityLink o) {
            int byVisitor = visitorId.compareTo(o.visitorId);
            return byVisitor != 0 ? byVisitor : personKey.compareTo(o.personKey);
        }
    }

    /** What one transaction adds to the tenant's collection counts of the day. */
    record Counts(long hits, long stored, long duplicates, long bots, long prefetches, long cookieless, long rejected) {
    }

    /** A website domain's hour (the hour's start, UTC), ordered by domain then hour. */
    record DomainHour(String host, Instant hour) implements Comparable<DomainHour> {
        @Override
        public int compareTo(DomainHour o) {
            int byHost = host.compareTo(o.host);
            return byHost != 0 ? byHost : hour.compareTo(o.hour);
        }
    }

    /**
     * What one transaction adds to one row of {@code tag_health_hour}: hits not rejected (stored, duplicate, bot),
     * stored, bots, stored without a visitor id, stored page views, stored conversions; {@code lastHitAt} the
     * latest time of a hit that was not a bot (null: bots only).
     */
    static final class DomainHourCounts {
        long hits;
        long stored;
        long bots;
        long cookieless;
        long pageViews;
        long conversions;
        Instant lastHitAt;
    }

    private final String tenantId;
    private final List<Prepared> items;
    private final HitOutcome[] outcomes;
    private final Set<String> newlyLinked = new HashSet<>();

    TenantBatch(String tenantId, List<Prepared> items) {
        this.tenantId = tenantId;
        this.items = List.copyOf(items);
        this.outcomes = new HitOutcome[items.size()];
        for (int i = 0; i < outcomes.length; i++) {
            Prepared p = items.get(i);
            // a debug hit is decided here: it goes to debug_hit only (debugHits), never to the steps below
            outcomes[i] = p.debug() != null && p.outcome() == null ? HitOutcome.stored(DEBUG_NOTE) : p.outcome();
        }
    }

    /** What the sender of a debug hit is told. */
    static final String DEBUG_NOTE = "debug mode: shown on the debug page only, never in reports";

    /** The hits sent in debug mode, valid or not, in order ({@code debug_hit} rows); empty for most batches. */
    List<Prepared> debugHits() {
        List<Prepared> rows = null;
        for (Prepared p : items) {
            if (p.debug() != null) {
                if (rows == null) {
                    rows = new ArrayList<>();
                }
                rows.add(p);
            }
        }
        return rows == null ? List.of() : rows;
    }

    String tenantId() {
        return tenantId;
    }

    int size() {
        return items.size();
    }

    /** Still to be stored: valid and no duplicate found so far. */
    private boolean live(int i) {
        return outcomes[i] == null;
    }

    private ValidHit hit(int i) {
        return items.get(i).hit();
    }

    List<String> eventIdsToClaim() {
        Set<String> seen = new HashSet<>();
        TreeSet<String> ids = new TreeSet<>();
        for (int i = 0; i < outcomes.length; i++) {
            String id = live(i) ? hit(i).eventId() : null;
            if (id != null) {
                if (seen.add(id)) {
                    ids.add(id);
                } else {
                    outcomes[i] = HitOutcome.DUPLICATE;
                }
            }
        }
        return new ArrayList<>(ids);
    }

    void eventIdsClaimed(Set<String> claimed) {
        for (int i = 0; i < outcomes.length; i++) {
            if (live(i) && hit(i).eventId() != null && !claimed.contains(hit(i).eventId())) {
                outcomes[i] = HitOutcome.DUPLICATE;
            }
        }
    }

    List<OrderKey> orderKeysToClaim() {
        Set<OrderKey> seen = new HashSet<>();
        TreeSet<OrderKey> keys = new TreeSet<>();
        for (int i = 0; i < outcomes.length; i++) {
            OrderKey key = live(i) ? orderKey(hit(i)) : null;
            if (key != null) {
                if (seen.add(key)) {
                    keys.add(key);
                } else {
                    outcomes[i] = HitOutcome.DUPLICATE;
                }
            }
        }
        return new ArrayList<>(keys);
    }

    void orderKeysClaimed(Set<OrderKey> claimed) {
        for (int i = 0; i < outcomes.length; i++) {
            OrderKey key = live(i) ? orderKey(hit(i)) : null;
            if (key != null && !claimed.contains(key)) {
                outcomes[i] = HitOutcome.DUPLICATE;
            }
        }
    }

    private static OrderKey orderKey(ValidHit h) {
        return h.orderName() == null || h.orderId() == null ? null : new OrderKey(h.orderName(), h.orderId());
    }

    /** The conversions to insert, sorted by action and dedupe key (those without a key last). */
    List<ValidHit> conversionsToInsert() {
        Set<ConversionKey> seen = new HashSet<>();
        List<ValidHit> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (!live(i) || !hit(i).conversion()) {
                continue;
            }
            ValidHit h = hit(i);
            if (h.dedupeKey() != null && !seen.add(new ConversionKey(h.actionId(), h.dedupeKey()))) {
                outcomes[i] = HitOutcome.DUPLICATE;
            } else {
                rows.add(h);
            }
        }
        rows.sort(Comparator.comparing(ValidHit::actionId)
                .thenComparing(ValidHit::dedupeKey, Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    /** @param inserted the keys of the inserted conversions that have a dedupe key */
    void conversionsInserted(Set<ConversionKey> inserted) {
        for (int i = 0; i < outcomes.length; i++) {
            if (live(i) && hit(i).conversion() && hit(i).dedupeKey() != null
                    && !inserted.contains(new ConversionKey(hit(i).actionId(), hit(i).dedupeKey()))) {
                outcomes[i] = HitOutcome.DUPLICATE;
            }
        }
    }

    /** The stored conversions that carry a checkout's cart details ({@code recovery_checkout} rows). */
    List<ValidHit> checkouts() {
        List<ValidHit> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (live(i) && hit(i).conversion() && hit(i).checkout() != null) {
                rows.add(hit(i));
            }
        }
        return rows;
    }

    List<ValidHit> touchpoints() {
        List<ValidHit> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (live(i) && hit(i).touchpoint()) {
                rows.add(hit(i));
            }
        }
        return rows;
    }

    List<ValidHit> customEvents() {
        List<ValidHit> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (live(i) && hit(i).customEventName() != null) {
                rows.add(hit(i));
            }
        }
        return rows;
    }

    /** The stored touchpoints that are tracked links' clicks ({@code link_click} rows). */
    List<ValidHit> linkClicks() {
        List<ValidHit> rows = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (live(i) && hit(i).touchpoint() && hit(i).linkId() != null) {
                rows.add(hit(i));
            }
        }
        return rows;
    }

    List<IdentityLink> identityLinks() {
        TreeSet<IdentityLink> links = new TreeSet<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (live(i)) {
                for (String key : hit(i).personKeys()) {
                    links.add(new IdentityLink(hit(i).visitorId(), key));
                }
            }
        }
        return new ArrayList<>(links);
    }

    /** @param visitors the visitors that gained a link (a repeated identify changes nothing) */
    void linksInserted(Set<String> visitors) {
        newlyLinked.addAll(visitors);
    }

    /**
     * The visitors whose attribution may have changed, sorted: those of stored touchpoints and
     * conversions, and those that gained an identity link.
     */
    List<String> visitorsToMark() {
        TreeSet<String> visitors = new TreeSet<>(newlyLinked);
        for (int i = 0; i < outcomes.length; i++) {
            ValidHit h = live(i) ? hit(i) : null;
            if (h != null && h.visitorId() != null && (h.touchpoint() || h.conversion())) {
                visitors.add(h.visitorId());
            }
        }
        return new ArrayList<>(visitors);
    }

    /** Every hit's outcome, in order: what is still standing was stored. */
    List<HitOutcome> outcomes() {
        List<HitOutcome> result = new ArrayList<>(outcomes.length);
        for (int i = 0; i < outcomes.length; i++) {
            result.add(outcomes[i] != null ? outcomes[i] : HitOutcome.stored(hit(i).note()));
        }
        return result;
    }

    /**
     * The hourly tag-health roll-up of this transaction's hits: one entry per (domain, hour) of the hits' times,
     * sorted (so that two writers lock the rows in the same order). Rejected hits are left out (their URL and time
     * may be what was wrong), as are debug hits; a bot's hit counts under its page's domain.
     */
    TreeMap<DomainHour, DomainHourCounts> domainHours() {
        TreeMap<DomainHour, DomainHourCounts> rows = new TreeMap<>();
        for (int i = 0; i < outcomes.length; i++) {
            HitOutcome o = Objects.requireNonNullElse(outcomes[i], HitOutcome.STORED);
            Prepared item = items.get(i);
            if (item.debug() != null) {
                continue; // debug hits change no figure, tag health's neither
            }
            ValidHit h = item.hit();
            String host = h != null ? WebsiteDomain.of(h.url()) : item.host();
            Instant at = h != null ? h.occurredAt() : item.at();
            if (o.status() == HitOutcome.Status.REJECTED || host == null || at == null) {
                continue;
            }
            DomainHourCounts row = rows.computeIfAbsent(new DomainHour(host, at.truncatedTo(ChronoUnit.HOURS)),
                    k -> new DomainHourCounts());
            row.hits++;
            if (o.status() == HitOutcome.Status.BOT) {
                row.bots++;
                continue;
            }
            if (row.lastHitAt == null || at.isAfter(row.lastHitAt)) {
                row.lastHitAt = at;
            }
            if (o.status() == HitOutcome.Status.STORED) {
                row.stored++;
                if (h.visitorId() == null) {
                    row.cookieless++;
                }
                if (h.type() == HitType.PAGE_VIEW) {
                    row.pageViews++;
                }
                if (h.conversion()) {
                    row.conversions++;
                }
            }
        }
        return rows;
    }

    Counts counts() {
        long stored = 0;
        long duplicates = 0;
        long bots = 0;
        long prefetches = 0;
        long cookieless = 0;
        long rejected = 0;
        long debug = 0;
        for (int i = 0; i < outcomes.length; i++) {
            if (items.get(i).debug() != null) {
                debug++; // debug hits are counted nowhere: they must not change any figure
                continue;
            }
            HitOutcome o = Objects.requireNonNullElse(outcomes[i], HitOutcome.STORED);
            switch (o.status()) {
                case STORED -> {
                    stored++;
                    if (hit(i).visitorId() == null) {
                        cookieless++;
                    }
                }
                case DUPLICATE -> duplicates++;
                case BOT -> {
                    bots++;
                    if (items.get(i).prefetch()) {
                        prefetches++;
                    }
                }
                case REJECTED -> rejected++;
            }
        }
        return new Counts(outcomes.length - debug, stored, duplicates, bots, prefetches, cookieless, rejected);
    }
}
