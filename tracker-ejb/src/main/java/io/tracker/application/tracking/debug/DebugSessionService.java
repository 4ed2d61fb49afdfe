package io.tracker.application.tracking.debug;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tracking.DebugOutcome;
import io.tracker.domain.tracking.DebugSessionId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's debug sessions (README "Debug mode"): starting one for a site, and reading the hits a
 * browser sent in it. A session lasts {@link #LASTS} from its start; its hits are deleted
 * {@link DebugDataPruner#KEEP_HOURS} hours after they arrived.
 *
 * <p>Readable by every role that sees the set-up page ({@code READ_REPORTS} or {@code EDIT_SETUP}): a debug
 * session changes no figure and no setting.
 */
@Stateless
public class DebugSessionService {

    /** How long a debug session lasts. */
    public static final Duration LASTS = Duration.ofHours(2);
    /** Most hits {@link #hits} answers (the newest). */
    public static final int MAX_HITS = 200;

    private static final String HITS = "select h.id, coalesce(h.occurred_at, h.received_at), h.hit_type, h.starts_visit, h.url, "
            + "coalesce(h.channel, v.channel), h.channel is null and v.channel is not null, "
            + "coalesce(h.campaign, v.campaign), coalesce(h.click_ids, v.click_ids), h.event_name, a.action_key, "
            + "h.value, h.currency, h.order_id, h.outcome, h.detail "
            + "from debug_hit h "
            + "left join conversion_action a on a.tenant_id = h.tenant_id and a.id = h.action_id "
            // a conversion or event carries no channel of its own: show the visit its browser started last
            + "left join lateral (select d.channel, d.campaign, d.click_ids from debug_hit d "
            + "  where d.tenant_id = h.tenant_id and d.session_id = h.session_id and d.starts_visit "
            + "  and (coalesce(d.occurred_at, d.received_at), d.id) < (coalesce(h.occurred_at, h.received_at), h.id) "
            + "  and d.visitor_id is not distinct from h.visitor_id "
            + "  order by coalesce(d.occurred_at, d.received_at) desc, d.id desc limit 1) v on not h.starts_visit "
            // by the browser's time: a page's beacon may arrive after the next page's
            + "where h.session_id = ? order by coalesce(h.occurred_at, h.received_at) desc, h.id desc limit " + MAX_HITS;

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private AuditLog audit;

    /**
     * Starts a debug session for the site, lasting {@link #LASTS}.
     *
     * @throws NotFoundException when the tenant has no such site
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public DebugSession start(long siteId) {
        DebugSessionId id = DebugSessionId.random();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("insert into debug_session (tenant_id, id, site_id, expires_at, "
                     + "created_by) select s.tenant_id, ?, s.id, now() + ? * interval '1 second', ? from site s "
                     + "where s.id = ? returning id")) {
            ps.setString(1, id.value());
            ps.setLong(2, LASTS.toSeconds());
            ps.setString(3, currentTenant.actor());
            ps.setLong(4, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("site " + siteId + " not found");
                }
            }
            DebugSession session = find(c, id.value()).orElseThrow();
            audit.record("debug-session.started", session.siteName(), "until " + session.expiresAt());
            return session;
        } catch (SQLException e) {
            throw new IllegalStateException("starting the debug session failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's debug session with this id (also an ended one, until pruned); empty: none. */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public Optional<DebugSession> find(String id) {
        if (!DebugSessionId.wellFormed(id)) {
            return Optional.empty();
        }
        try (Connection c = connections.forCurrentTenant()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the debug session failed: " + e.getMessage(), e);
        }
    }

    /**
     * The session's hits, newest first (by the time the browser sent them), at most {@link #MAX_HITS}.
     *
     * @throws NotFoundException when the tenant has no such session (another tenant's is not found either)
     */
    @RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
    public List<DebugHitView> hits(String sessionId) {
        if (!DebugSessionId.wellFormed(sessionId)) {
            throw new NotFoundException("debug session not found");
        }
        try (Connection c = connections.forCurrentTenant()) {
            if (find(c, sessionId).isEmpty()) {
                throw new NotFoundException("debug session " + sessionId + " not found");
            }
            List<DebugHitView> hits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(HITS)) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new DebugHitView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getString(11), rs.getBigDecimal(12),
                                rs.getString(13), rs.getString(14), DebugOutcome.of(rs.getString(15)),
                                rs.getString(16)));
                    }
                }
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the debug hits failed: " + e.getMessage(), e);
        }
    }

    private static Optional<DebugSession> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select d.id, d.site_id, s.name, s.domains, d.created_at, "
                + "d.expires_at from debug_session d join site s on s.tenant_id = d.tenant_id and s.id = d.site_id "
                + "where d.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DebugSession(rs.getString(1), rs.getLong(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6))));
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }
}
