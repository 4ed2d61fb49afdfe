package io.tracker.application.tracking;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ingestion hot path: stores validated events for the current tenant in JDBC batches (the
 * touchpoints in one statement), never one JPA {@code persist} per event.
 *
 * <p>Each event first claims its id in {@code event_receipt} ({@code ON CONFLICT DO NOTHING}); only
 * events whose claim succeeded are written. Conversions are then de-duplicated by their dedupe key
 * (same order id, or a second conversion of a count-one action) the same way. Runs in the caller's
 * transaction, so a batch is stored whole or not at all.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class EventStore {

    private static final String CLAIM = "insert into event_receipt (tenant_id, event_id) values (?, ?) on conflict do nothing";
    /**
     * All touchpoints of a call in one statement (whole columns as arrays, in the events' order): the visit
     * roll-up's statement trigger on touchpoint (V14) then runs once per call, not once per row.
     */
    private static final String INSERT_TOUCHPOINTS = "insert into touchpoint (tenant_id, event_id, visitor_id, "
            + "occurred_at, channel, campaign, utm_source, utm_medium, utm_campaign, utm_term, utm_content, url, "
            + "referrer, gclid, gbraid, wbraid, fbclid, msclkid, interaction) "
            + "select ?, u.* from unnest(?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[]) as u";
    private static final String INSERT_CONVERSION = "insert into conversion (tenant_id, event_id, visitor_id, occurred_at, "
            + "action_id, value, currency, order_id, dedupe_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (tenant_id, action_id, dedupe_key) do nothing";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * Stores the events, in order.
     *
     * @return for each event, whether it was stored (false: a duplicate)
     */
    public boolean[] store(List<? extends TrackedEvent> events) {
        String tenantId = currentTenant.require();
        boolean[] stored = new boolean[events.size()];
        try (Connection c = connections.forCurrentTenant()) {
            int[] claimed = claim(c, tenantId, events);
            List<Integer> touchpoints = new ArrayList<>();
            List<Integer> conversions = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (claimed[i] > 0) {
                    (events.get(i) instanceof TrackedTouchpoint ? touchpoints : conversions).add(i);
                }
            }
            for (int i : touchpoints) {
                stored[i] = true;
            }
            insertTouchpoints(c, tenantId, events, touchpoints);
            int[] inserted = insertConversions(c, tenantId, events, conversions);
            for (int k = 0; k < conversions.size(); k++) {
                stored[conversions.get(k)] = inserted[k] > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing events failed: " + e.getMessage(), e);
        }
        return stored;
    }

    private static int[] claim(Connection c, String tenantId, List<? extends TrackedEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            for (TrackedEvent e : events) {
                ps.setString(1, tenantId);
                ps.setString(2, e.eventId());
                ps.addBatch();
            }
            return events.isEmpty() ? new int[0] : ps.executeBatch();
        }
    }

    private static void insertTouchpoints(Connection c, String tenantId, List<? extends TrackedEvent> events,
                                          List<Integer> indexes) throws SQLException {
        if (indexes.isEmpty()) {
            return;
        }
        List<TrackedTouchpoint> touchpoints = indexes.stream().map(i -> (TrackedTouchpoint) events.get(i)).toList();
        try (PreparedStatement ps = c.prepareStatement(INSERT_TOUCHPOINTS)) {
            int p = 1;
            ps.setString(p++, tenantId);
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::eventId));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::visitorId));
            ps.setArray(p++, texts(c, touchpoints, t -> t.occurredAt().toString()));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::channel));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::campaign));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::utmSource));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::utmMedium));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::utmCampaign));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::utmTerm));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::utmContent));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::url));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::referrer));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::gclid));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::gbraid));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::wbraid));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::fbclid));
            ps.setArray(p++, texts(c, touchpoints, TrackedTouchpoint::msclkid));
            ps.setArray(p, texts(c, touchpoints, t -> t.interaction().name()));
            ps.executeUpdate();
        }
    }

    private static Array texts(Connection c, List<TrackedTouchpoint> rows, Function<TrackedTouchpoint, String> column)
            throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).toArray());
    }

    private static int[] insertConversions(Connection c, String tenantId, List<? extends TrackedEvent> events,
                                           List<Integer> indexes) throws SQLException {
        if (indexes.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_CONVERSION)) {
            for (int i : indexes) {
                TrackedConversion cv = (TrackedConversion) events.get(i);
                ps.setString(1, tenantId);
                ps.setString(2, cv.eventId());
                ps.setString(3, cv.visitorId());
                ps.setObject(4, cv.occurredAt().atOffset(ZoneOffset.UTC));
                ps.setLong(5, cv.actionId());
                ps.setBigDecimal(6, cv.value());
                ps.setString(7, cv.currency());
                if (cv.orderId() == null) {
                    ps.setNull(8, Types.VARCHAR);
                } else {
                    ps.setString(8, cv.orderId());
                }
                ps.setString(9, cv.dedupeKey());
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
