package io.tracker.application.tracking.collection;

import io.tracker.domain.tracking.ClickIds;
import io.tracker.application.tenant.TenantConnections;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one statement that stores a tenant batch's debug hits ({@link DebugHit}) in {@code debug_hit}, with the
 * de-duplication outcome each would have had, worked out in SQL as {@link TenantBatch} and
 * {@link GroupStatements} decide it for a real hit, but without claiming anything:
 *
 * <ol>
 *   <li>{@code rejected} / {@code bot}: refused before the queue (the reason kept in {@code detail});</li>
 *   <li>{@code duplicate_event}: its event id is in {@code event_receipt}, or an earlier debug hit of the same
 *       session had it (also earlier in this statement);</li>
 *   <li>{@code duplicate_order}: its (event name, order id) is in {@code order_receipt} claimed within 48 hours, or
 *       its conversion's dedupe key is in {@code conversion} for the action, or an earlier debug hit of the
 *       session had the same (event name, order id) or (action, dedupe key);</li>
 *   <li>{@code new} otherwise: the hit would have been stored and counted.</li>
 * </ol>
 *
 * Runs on the writer's connection after {@code app.tenant_id} was set (row-level security), only when the batch
 * holds debug hits: a batch without any costs nothing.
 */
final class DebugHitStatement {

    /** The tenant the writer set for row-level security; named in the queries too, so the indexes lead with it. */
    private static final String TENANT = "current_setting('" + TenantConnections.SETTING + "')";

    static final String INSERT = "insert into debug_hit (tenant_id, session_id, occurred_at, hit_type, starts_visit, "
            + "url, referrer, visitor_id, event_id, channel, campaign, utm_source, utm_medium, click_ids, event_name, "
            + "action_id, value, currency, order_id, order_name, dedupe_key, outcome, detail) "
            + "select " + TENANT + ", w.session_id, w.occurred_at, w.hit_type, w.starts_visit, w.url, w.referrer, w.visitor_id, "
            + "w.event_id, w.channel, w.campaign, w.utm_source, w.utm_medium, w.click_ids, w.event_name, w.action_id, "
            + "w.value, w.currency, w.order_id, w.order_name, w.dedupe_key, "
            + "case when w.decided is not null then w.decided "
            + "when w.event_id is not null and (w.event_rank > 1 "
            + "  or exists (select 1 from event_receipt r where r.tenant_id = " + TENANT + " and r.event_id = w.event_id) "
            + "  or exists (select 1 from debug_hit d where d.tenant_id = " + TENANT + " and d.session_id = w.session_id "
            + "    and d.event_id = w.event_id)) then 'duplicate_event' "
            + "when w.order_name is not null and (w.order_rank > 1 "
            + "  or exists (select 1 from order_receipt r where r.tenant_id = " + TENANT + " and r.event_name = w.order_name "
            + "    and r.order_id = w.order_id and r.received_at >= now() - interval '48 hours') "
            + "  or exists (select 1 from debug_hit d where d.tenant_id = " + TENANT + " and d.session_id = w.session_id "
            + "    and d.order_name = w.order_name and d.order_id = w.order_id)) then 'duplicate_order' "
            + "when w.dedupe_key is not null and (w.conversion_rank > 1 "
            + "  or exists (select 1 from conversion c where c.tenant_id = " + TENANT + " and c.action_id = w.action_id "
            + "    and c.dedupe_key = w.dedupe_key) "
            + "  or exists (select 1 from debug_hit d where d.tenant_id = " + TENANT + " and d.session_id = w.session_id "
            + "    and d.action_id = w.action_id and d.dedupe_key = w.dedupe_key)) then 'duplicate_order' "
            + "else 'new' end, w.detail "
            + "from (select u.*, "
            + "  row_number() over (partition by u.session_id, u.event_id order by u.ord) as event_rank, "
            + "  row_number() over (partition by u.session_id, u.order_name, u.order_id order by u.ord) as order_rank, "
            + "  row_number() over (partition by u.session_id, u.action_id, u.dedupe_key order by u.ord) as conversion_rank "
            + "  from unnest(?::text[], ?::timestamptz[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], "
            + "    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], "
            + "    ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality "
            + "  as u(session_id, occurred_at, hit_type, starts_visit, url, referrer, visitor_id, event_id, channel, "
            + "    campaign, utm_source, utm_medium, click_ids, event_name, action_id, value, currency, order_id, "
            + "    order_name, dedupe_key, decided, detail, ord)) as w "
            + "order by w.ord";

    private DebugHitStatement() {
    }

    /** Inserts the debug hits (at least one) of the tenant whose {@code app.tenant_id} the connection has. */
    static void insert(Connection c, List<Prepared> hits) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int p = 1;
            ps.setArray(p++, texts(c, hits, h -> h.debug().sessionId()));
            ps.setArray(p++, texts(c, hits, h -> (h.hit() == null ? h.debug().arrivedAt() : h.hit().occurredAt()).toString()));
            ps.setArray(p++, texts(c, hits, h -> type(h)));
            ps.setArray(p++, c.createArrayOf("boolean", hits.stream().map(h -> h.hit() != null && h.hit().touchpoint())
                    .toArray()));
            ps.setArray(p++, texts(c, hits, h -> h.hit() == null ? h.debug().url() : h.hit().url()));
            ps.setArray(p++, valid(c, hits, ValidHit::referrer));
            ps.setArray(p++, valid(c, hits, ValidHit::visitorId));
            ps.setArray(p++, valid(c, hits, ValidHit::eventId));
            ps.setArray(p++, valid(c, hits, ValidHit::channel));
            ps.setArray(p++, valid(c, hits, ValidHit::campaign));
            ps.setArray(p++, valid(c, hits, h -> h.utm() == null ? null : h.utm().source()));
            ps.setArray(p++, valid(c, hits, h -> h.utm() == null ? null : h.utm().medium()));
            ps.setArray(p++, valid(c, hits, h -> clickIds(h.clickIds())));
            ps.setArray(p++, valid(c, hits, ValidHit::customEventName));
            ps.setArray(p++, c.createArrayOf("bigint", hits.stream().map(h -> h.hit() == null ? null : h.hit().actionId())
                    .toArray()));
            ps.setArray(p++, valid(c, hits, h -> h.value() == null ? null : h.value().toPlainString()));
            ps.setArray(p++, valid(c, hits, ValidHit::currency));
            ps.setArray(p++, valid(c, hits, ValidHit::orderId));
            ps.setArray(p++, valid(c, hits, ValidHit::orderName));
            ps.setArray(p++, valid(c, hits, ValidHit::dedupeKey));
            ps.setArray(p++, texts(c, hits, DebugHitStatement::decided));
            ps.setArray(p, texts(c, hits, h -> h.hit() != null ? h.hit().note() : h.outcome().reason()));
            ps.executeUpdate();
        }
    }

    /** The outcome decided before the queue: {@code rejected} or {@code bot}; null for a valid hit. */
    static String decided(Prepared p) {
        if (p.hit() != null) {
            return null;
        }
        return p.outcome().status() == HitOutcome.Status.BOT ? "bot" : "rejected";
    }

    /** The hit's type; a valid page view that records a URL-triggered conversion is still a page view. */
    private static String type(Prepared p) {
        HitType type = p.hit() != null ? p.hit().type() : p.debug().type();
        return type == null ? "UNKNOWN" : type.name();
    }

    /** The click ids for reading, {@code gclid=…, fbclid=…} in the order of {@link ClickIds}; null: none. */
    static String clickIds(ClickIds ids) {
        if (ids == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(2);
        add(parts, "gclid", ids.gclid());
        add(parts, "gbraid", ids.gbraid());
        add(parts, "wbraid", ids.wbraid());
        add(parts, "fbclid", ids.fbclid());
        add(parts, "msclkid", ids.msclkid());
        add(parts, "ttclid", ids.ttclid());
        add(parts, "li_fat_id", ids.liFatId());
        add(parts, "trk", ids.trk());
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private static Array valid(Connection c, List<Prepared> hits, Function<ValidHit, String> column)
            throws SQLException {
        return texts(c, hits, p -> p.hit() == null ? null : column.apply(p.hit()));
    }

    private static Array texts(Connection c, List<Prepared> hits, Function<Prepared, String> column)
            throws SQLException {
        return c.createArrayOf("text", hits.stream().map(column).toArray(String[]::new));
    }
}
