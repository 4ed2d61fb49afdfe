package io.tracker.application.tracking.collection;

import io.tracker.application.tenant.TenantConnections;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The SQL of one tenant's part of a group-commit transaction ({@link TenantBatch} decides, this class
 * asks the database). One statement per table, each taking whole columns as arrays
 * ({@code unnest(?::text[], …)}), so a statement costs one round trip whatever the number of hits:
 *
 * <ol>
 *   <li>{@code set_config('app.tenant_id', tenant, true)}: row-level security for what follows;</li>
 *   <li>insert hits sent in debug mode into {@code debug_hit} ({@link DebugHitStatement}; only if any);</li>
 *   <li>claim event ids in {@code event_receipt} (if any hit has one);</li>
 *   <li>claim (event name, order id) in {@code order_receipt}, taking over claims older than 48 hours
 *       (if any hit has an order id);</li>
 *   <li>insert conversions, {@code on conflict do nothing} on the dedupe index (if any);</li>
 *   <li>insert the cart details of checkouts into {@code recovery_checkout} (if any conversion carries them);</li>
 *   <li>insert touchpoints (if any);</li>
 *   <li>insert tracked links' clicks into {@code link_click} (if any);</li>
 *   <li>insert custom events (if any);</li>
 *   <li>insert identity links (if any identify);</li>
 *   <li>mark visitors in {@code attribution_pending} (if any);</li>
 *   <li>add to the day's {@code collection_count};</li>
 *   <li>add to the hourly tag-health roll-up {@code tag_health_hour}, one row per (website domain, hour) of
 *       the hits, aggregated here first (if any hit was not rejected).</li>
 * </ol>
 *
 * So at most 12 round trips per tenant in the transaction, 4 for a batch of page views without ids
 * (set, touchpoints, counts, roll-up) plus the claim and the mark when they have ids; the transaction adds one
 * for its commit ({@code BEGIN} travels with the first statement). {@link #roundTrips()} counts them.
 */
final class GroupStatements {

    private static final String SET_TENANT = "select set_config('" + TenantConnections.SETTING + "', ?, true)";

    private static final String CLAIM_EVENT_IDS = "insert into event_receipt (tenant_id, event_id) "
            + "select ?, e from unnest(?::text[]) as u(e) on conflict do nothing returning event_id";

    private static final String CLAIM_ORDERS = "insert into order_receipt (tenant_id, event_name, order_id) "
            + "select ?, n, o from unnest(?::text[], ?::text[]) as u(n, o) "
            + "on conflict (tenant_id, event_name, order_id) do update set received_at = now() "
            + "where order_receipt.received_at < now() - interval '48 hours' "
            + "returning event_name, order_id";

    private static final String INSERT_CONVERSIONS = "insert into conversion (tenant_id, event_id, visitor_id, "
            + "occurred_at, action_id, value, currency, order_id, dedupe_key, way_in) "
            + "select ?, u.* from unnest(?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::numeric[], "
            + "?::text[], ?::text[], ?::text[], ?::text[]) as u "
            + "on conflict (tenant_id, action_id, dedupe_key) do nothing returning action_id, dedupe_key";

    private static final String INSERT_CHECKOUTS = "insert into recovery_checkout (tenant_id, event_id, visitor_id, "
            + "occurred_at, restore_url, phone_hash, phone_e164, sms_consent, time_zone) "
            + "select ?, u.* from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], "
            + "?::boolean[], ?::text[]) as u on conflict do nothing";

    private static final String INSERT_TOUCHPOINTS = "insert into touchpoint (tenant_id, event_id, visitor_id, "
            + "session_id, occurred_at, channel, campaign, utm_source, utm_medium, utm_campaign, utm_term, "
            + "utm_content, url, referrer, gclid, gbraid, wbraid, fbclid, msclkid, ttclid, li_fat_id, trk, way_in, "
            + "interaction) "
            + "select ?, u.* from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u";

    private static final String INSERT_LINK_CLICKS = "insert into link_click (tenant_id, click_id, link_id, occurred_at) "
            + "select ?, u.* from unnest(?::text[], ?::bigint[], ?::timestamptz[]) as u on conflict do nothing";

    private static final String INSERT_CUSTOM_EVENTS = "insert into custom_event (tenant_id, event_id, name, "
            + "visitor_id, session_id, occurred_at, url, properties, way_in) "
            + "select ?, u.* from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], "
            + "?::jsonb[], ?::text[]) as u";

    private static final String INSERT_LINKS = "insert into identity_link (tenant_id, visitor_id, person_key) "
            + "select ?, v, p from unnest(?::text[], ?::text[]) as u(v, p) on conflict do nothing returning visitor_id";

    // As contracts.md has it: the oldest mark stays, so the worker's lag is now() - min(marked_at).
    private static final String MARK_VISITORS = "insert into attribution_pending (tenant_id, visitor_id) "
            + "select ?, unnest(?::text[]) on conflict do nothing";

    private static final String ADD_COUNTS = "insert into collection_count (tenant_id, day, hits, stored, "
            + "duplicates, bots, prefetches, cookieless, rejected) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (tenant_id, day) do update set hits = collection_count.hits + excluded.hits, "
            + "stored = collection_count.stored + excluded.stored, "
            + "duplicates = collection_count.duplicates + excluded.duplicates, "
            + "bots = collection_count.bots + excluded.bots, "
            + "prefetches = collection_count.prefetches + excluded.prefetches, "
            + "cookieless = collection_count.cookieless + excluded.cookieless, "
            + "rejected = collection_count.rejected + excluded.rejected";

    // Keys arrive sorted (TenantBatch.domainHours), so concurrent writers lock the rows in the same order.
    private static final String ADD_DOMAIN_HOURS = "insert into tag_health_hour (tenant_id, host, hour, hits, stored, "
            + "bots, cookieless, page_views, conversions, last_hit_at) "
            + "select ?, u.* from unnest(?::text[], ?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], "
            + "?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[]) as u "
            + "on conflict (tenant_id, host, hour) do update set hits = tag_health_hour.hits + excluded.hits, "
            + "stored = tag_health_hour.stored + excluded.stored, bots = tag_health_hour.bots + excluded.bots, "
            + "cookieless = tag_health_hour.cookieless + excluded.cookieless, "
            + "page_views = tag_health_hour.page_views + excluded.page_views, "
            + "conversions = tag_health_hour.conversions + excluded.conversions, "
            + "last_hit_at = greatest(tag_health_hour.last_hit_at, excluded.last_hit_at)";

    private final Connection c;
    private int roundTrips;

    GroupStatements(Connection c) {
        this.c = c;
    }

    /** Round trips to the database so far (statements, plus the commit when the caller counts it). */
    int roundTrips() {
        return roundTrips;
    }

    void countCommit() {
        roundTrips++;
    }

    /** Writes the tenant's part of the transaction; the caller commits. */
    void write(TenantBatch batch, ZoneId zone) throws SQLException {
        String tenant = batch.tenantId();
        try (PreparedStatement ps = c.prepareStatement(SET_TENANT)) {
            ps.setString(1, tenant);
            ps.executeQuery().close();
            roundTrips++;
        }

        List<Prepared> debug = batch.debugHits();
        if (!debug.isEmpty()) {
            DebugHitStatement.insert(c, debug);
            roundTrips++;
        }

        List<String> ids = batch.eventIdsToClaim();
        if (!ids.isEmpty()) {
            Set<String> claimed = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM_EVENT_IDS)) {
                ps.setString(1, tenant);
                ps.setArray(2, texts(ids, Function.identity()));
                readAll(ps, rs -> claimed.add(rs.getString(1)));
            }
            batch.eventIdsClaimed(claimed);
        }

        List<TenantBatch.OrderKey> orders = batch.orderKeysToClaim();
        if (!orders.isEmpty()) {
            Set<TenantBatch.OrderKey> claimed = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM_ORDERS)) {
                ps.setString(1, tenant);
                ps.setArray(2, texts(orders, TenantBatch.OrderKey::name));
                ps.setArray(3, texts(orders, TenantBatch.OrderKey::orderId));
                readAll(ps, rs -> claimed.add(new TenantBatch.OrderKey(rs.getString(1), rs.getString(2))));
            }
            batch.orderKeysClaimed(claimed);
        }

        List<ValidHit> conversions = batch.conversionsToInsert();
        if (!conversions.isEmpty()) {
            Set<TenantBatch.ConversionKey> inserted = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(INSERT_CONVERSIONS)) {
                int p = 1;
                ps.setString(p++, tenant);
                ps.setArray(p++, texts(conversions, ValidHit::eventId));
                ps.setArray(p++, texts(conversions, ValidHit::visitorId));
                ps.setArray(p++, texts(conversions, h -> h.occurredAt().toString()));
                ps.setArray(p++, c.createArrayOf("bigint", conversions.stream().map(ValidHit::actionId).toArray()));
                ps.setArray(p++, texts(conversions, h -> h.value().toPlainString()));
                ps.setArray(p++, texts(conversions, ValidHit::currency));
                ps.setArray(p++, texts(conversions, ValidHit::orderId));
                ps.setArray(p++, texts(conversions, ValidHit::dedupeKey));
                ps.setArray(p, texts(conversions, h -> h.wayIn().name()));
                readAll(ps, rs -> {
                    String key = rs.getString(2);
                    if (key != null) {
                        inserted.add(new TenantBatch.ConversionKey(rs.getLong(1), key));
                    }
                });
            }
            batch.conversionsInserted(inserted);
        }

        List<ValidHit> checkouts = batch.checkouts();
        if (!checkouts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CHECKOUTS)) {
                int p = 1;
                ps.setString(p++, tenant);
                ps.setArray(p++, texts(checkouts, ValidHit::eventId));
                ps.setArray(p++, texts(checkouts, ValidHit::visitorId));
                ps.setArray(p++, texts(checkouts, h -> h.occurredAt().toString()));
                ps.setArray(p++, texts(checkouts, h -> h.checkout().restoreUrl()));
                ps.setArray(p++, texts(checkouts, h -> h.checkout().phoneHash()));
                ps.setArray(p++, texts(checkouts, h -> h.checkout().phoneE164()));
                ps.setArray(p++, c.createArrayOf("boolean", checkouts.stream().map(h -> h.checkout().smsConsent()).toArray()));
                ps.setArray(p, texts(checkouts, h -> h.checkout().timeZone()));
                ps.executeUpdate();
                roundTrips++;
            }
        }

        List<ValidHit> touchpoints = batch.touchpoints();
        if (!touchpoints.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_TOUCHPOINTS)) {
                int p = 1;
                ps.setString(p++, tenant);
                ps.setArray(p++, texts(touchpoints, ValidHit::eventId));
                ps.setArray(p++, texts(touchpoints, ValidHit::visitorId));
                ps.setArray(p++, texts(touchpoints, ValidHit::sessionId));
                ps.setArray(p++, texts(touchpoints, h -> h.occurredAt().toString()));
                ps.setArray(p++, texts(touchpoints, ValidHit::channel));
                ps.setArray(p++, texts(touchpoints, ValidHit::campaign));
                ps.setArray(p++, texts(touchpoints, h -> h.utm().source()));
                ps.setArray(p++, texts(touchpoints, h -> h.utm().medium()));
                ps.setArray(p++, texts(touchpoints, h -> h.utm().campaign()));
                ps.setArray(p++, texts(touchpoints, h -> h.utm().term()));
                ps.setArray(p++, texts(touchpoints, h -> h.utm().content()));
                ps.setArray(p++, texts(touchpoints, ValidHit::url));
                ps.setArray(p++, texts(touchpoints, ValidHit::referrer));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().gclid()));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().gbraid()));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().wbraid()));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().fbclid()));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().msclkid()));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().ttclid()));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().liFatId()));
                ps.setArray(p++, texts(touchpoints, h -> h.clickIds().trk()));
                ps.setArray(p++, texts(touchpoints, h -> h.wayIn().name()));
                ps.setArray(p, texts(touchpoints, h -> h.interaction().name()));
                ps.executeUpdate();
                roundTrips++;
            }
        }

        List<ValidHit> clicks = batch.linkClicks();
        if (!clicks.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_LINK_CLICKS)) {
                ps.setString(1, tenant);
                ps.setArray(2, texts(clicks, h -> h.clickIds().trk()));
                ps.setArray(3, c.createArrayOf("bigint", clicks.stream().map(ValidHit::linkId).toArray()));
                ps.setArray(4, texts(clicks, h -> h.occurredAt().toString()));
                ps.executeUpdate();
                roundTrips++;
            }
        }

        List<ValidHit> events = batch.customEvents();
        if (!events.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CUSTOM_EVENTS)) {
                int p = 1;
                ps.setString(p++, tenant);
                ps.setArray(p++, texts(events, ValidHit::eventId));
                ps.setArray(p++, texts(events, ValidHit::customEventName));
                ps.setArray(p++, texts(events, ValidHit::visitorId));
                ps.setArray(p++, texts(events, ValidHit::sessionId));
                ps.setArray(p++, texts(events, h -> h.occurredAt().toString()));
                ps.setArray(p++, texts(events, ValidHit::url));
                ps.setArray(p++, texts(events, ValidHit::propertiesJson));
                ps.setArray(p, texts(events, h -> h.wayIn().name()));
                ps.executeUpdate();
                roundTrips++;
            }
        }

        List<TenantBatch.IdentityLink> links = batch.identityLinks();
        if (!links.isEmpty()) {
            Set<String> linked = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(INSERT_LINKS)) {
                ps.setString(1, tenant);
                ps.setArray(2, texts(links, TenantBatch.IdentityLink::visitorId));
                ps.setArray(3, texts(links, TenantBatch.IdentityLink::personKey));
                readAll(ps, rs -> linked.add(rs.getString(1)));
            }
            batch.linksInserted(linked);
        }

        List<String> visitors = batch.visitorsToMark();
        if (!visitors.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(MARK_VISITORS)) {
                ps.setString(1, tenant);
                ps.setArray(2, texts(visitors, Function.identity()));
                ps.executeUpdate();
                roundTrips++;
            }
        }

        TenantBatch.Counts counts = batch.counts();
        if (counts.hits() == 0) {
            return; // debug hits only
        }
        try (PreparedStatement ps = c.prepareStatement(ADD_COUNTS)) {
            ps.setString(1, tenant);
            ps.setObject(2, LocalDate.now(zone));
            ps.setLong(3, counts.hits());
            ps.setLong(4, counts.stored());
            ps.setLong(5, counts.duplicates());
            ps.setLong(6, counts.bots());
            ps.setLong(7, counts.prefetches());
            ps.setLong(8, counts.cookieless());
            ps.setLong(9, counts.rejected());
            ps.executeUpdate();
            roundTrips++;
        }

        TreeMap<TenantBatch.DomainHour, TenantBatch.DomainHourCounts> hours = batch.domainHours();
        if (!hours.isEmpty()) {
            List<TenantBatch.DomainHour> keys = new ArrayList<>(hours.keySet());
            List<TenantBatch.DomainHourCounts> rows = new ArrayList<>(hours.values());
            try (PreparedStatement ps = c.prepareStatement(ADD_DOMAIN_HOURS)) {
                int p = 1;
                ps.setString(p++, tenant);
                ps.setArray(p++, texts(keys, TenantBatch.DomainHour::host));
                ps.setArray(p++, texts(keys, k -> k.hour().toString()));
                ps.setArray(p++, longs(rows, r -> r.hits));
                ps.setArray(p++, longs(rows, r -> r.stored));
                ps.setArray(p++, longs(rows, r -> r.bots));
                ps.setArray(p++, longs(rows, r -> r.cookieless));
                ps.setArray(p++, longs(rows, r -> r.pageViews));
                ps.setArray(p++, longs(rows, r -> r.conversions));
                ps.setArray(p, texts(rows, r -> r.lastHitAt == null ? null : r.lastHitAt.toString()));
                ps.executeUpdate();
                roundTrips++;
            }
        }
    }

    private <T> Array longs(List<T> rows, ToLongFunction<T> column) throws SQLException {
        Long[] values = new Long[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.applyAsLong(rows.get(i));
        }
        return c.createArrayOf("bigint", values);
    }

    private <T> Array texts(List<T> rows, Function<T, String> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return c.createArrayOf("text", values);
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void readAll(PreparedStatement ps, RowReader reader) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            roundTrips++;
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

}
