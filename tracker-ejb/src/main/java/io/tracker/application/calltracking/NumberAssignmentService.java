package io.tracker.application.calltracking;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.calltracking.PhoneNumber;
import io.tracker.domain.campaign.DefaultChannelGrouping;
import io.tracker.domain.campaign.TrafficSignals;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.QueryParameters;
import io.tracker.domain.tracking.Utm;
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
import java.util.Map;

/**
 * Dynamic number insertion: which number the tag shows, for each of the current tenant's pools, to one
 * visitor session.
 *
 * <ol>
 *   <li>a source-level number of the pool whose source (and medium, where the number names one) is the
 *       session's landing {@code utm_source} / {@code utm_medium}, compared without case: shown, not held;</li>
 *   <li>else the pool number the session holds, its hold renewed to {@code hold_minutes} from now;</li>
 *   <li>else a free pool number, least recently released first, held by the session from now; a number is
 *       free when its latest hold has ended ({@code tracking_number.held_until}). Claimed with
 *       {@code for update skip locked}: servers and requests assigning at once each lock a different free
 *       number, and one that another has just claimed and committed is re-checked and passed over. The
 *       hold's row ({@code number_hold}) carries what the session landed with, so a call during the hold
 *       is credited to it; an exclusion constraint refuses two overlapping holds of a number;</li>
 *   <li>else the pool's fallback number, and the exhaustion is counted ({@code pool_exhaustion}).</li>
 * </ol>
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class NumberAssignmentService {

    private static final String POOLS = "select id, swap_target, hold_minutes, fallback_number from number_pool order by id";

    private static final String SOURCE_NUMBER = "select number from tracking_number where pool_id = ? and kind = 'SOURCE' "
            + "and active and lower(utm_source) = lower(?) and (utm_medium is null or lower(utm_medium) = lower(?)) "
            + "order by utm_medium nulls last, id limit 1";

    /** The session's live hold of the pool, renewed; parameters: pool, visitor, session, now, until, until. */
    private static final String RENEW = "with live as (select h.tenant_id, h.id, h.number_id from number_hold h "
            + "where h.pool_id = ? and h.visitor_id = ? and h.session_id = ? and h.held_until > ? "
            + "order by h.held_until desc limit 1), "
            + "renewed as (update number_hold h set held_until = greatest(h.held_until, ?) from live "
            + "where h.tenant_id = live.tenant_id and h.id = live.id returning h.tenant_id, h.number_id) "
            + "update tracking_number n set held_until = greatest(n.held_until, ?) from renewed "
            + "where n.tenant_id = renewed.tenant_id and n.id = renewed.number_id returning n.number";

    /** A free pool number, locked; parameters: pool, now. */
    private static final String CLAIM = "select id, number from tracking_number where pool_id = ? and kind = 'POOL' "
            + "and active and (held_until is null or held_until <= ?) order by held_until nulls first, id "
            + "limit 1 for update skip locked";

    private static final String HOLD = "insert into number_hold (tenant_id, number_id, pool_id, visitor_id, session_id, "
            + "held_from, held_until, landing_url, referrer, channel, utm_source, utm_medium, utm_campaign, utm_term, "
            + "utm_content, gclid, fbclid, msclkid) values (current_setting('" + TenantConnections.SETTING + "'), "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The source and medium of a Google Ads click that names neither (auto-tagging: only a gclid). */
    private static final Utm GOOGLE_ADS = new Utm("google", "cpc", null, null, null);

    @Inject
    private TenantConnections connections;

    /**
     * The numbers to show this session, one per pool (none when the tenant has no pool).
     *
     * @param visitorId the tag's visitor id (given only with consent where the site requires it)
     * @param sessionId the tag's session id
     * @param url       the landing page's URL (its UTM values and click ids say where the visit came from), or null
     * @param referrer  the page's referrer, or null
     */
    public List<DniNumber> numbersFor(String visitorId, String sessionId, String url, String referrer) {
        Instant now = Instant.now();
        Map<String, String> query = url == null ? Map.of() : QueryParameters.of(url);
        ClickIds click = ClickIds.fromQuery(query);
        Utm utm = Utm.fromQuery(query);
        if (click.gclid() != null && (utm.source() == null || utm.source().isBlank())) {
            // Google Ads auto-tagging adds only a gclid: the click is google / cpc, as Google Analytics reports
            // it, so a call during the hold carries that source and medium (and a google source number applies).
            utm = utm.orElse(GOOGLE_ADS);
        }
        List<DniNumber> answer = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant()) {
            for (Pool pool : pools(c)) {
                answer.add(numberFor(c, pool, visitorId, sessionId, url, referrer, utm, click, now));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("assigning a tracking number failed: " + e.getMessage(), e);
        }
        return answer;
    }

    private record Pool(long id, String swapTarget, Duration hold, String fallback) {
    }

    private static List<Pool> pools(Connection c) throws SQLException {
        List<Pool> pools = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(POOLS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pools.add(new Pool(rs.getLong(1), rs.getString(2), Duration.ofMinutes(rs.getInt(3)), rs.getString(4)));
            }
        }
        return pools;
    }

    private static DniNumber numberFor(Connection c, Pool pool, String visitorId, String sessionId, String url,
                                       String referrer, Utm utm, ClickIds click, Instant now) throws SQLException {
        int holdSeconds = (int) pool.hold().toSeconds();
        if (utm.source() != null) {
            try (PreparedStatement ps = c.prepareStatement(SOURCE_NUMBER)) {
                ps.setLong(1, pool.id());
                ps.setString(2, utm.source());
                ps.setString(3, utm.medium() == null ? "" : utm.medium());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return swap(pool, rs.getString(1), "source", 0);
                    }
                }
            }
        }
        Timestamp until = Timestamp.from(now.plus(pool.hold()));
        try (PreparedStatement ps = c.prepareStatement(RENEW)) {
            ps.setLong(1, pool.id());
            ps.setString(2, visitorId);
            ps.setString(3, sessionId);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, until);
            ps.setTimestamp(6, until);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return swap(pool, rs.getString(1), "pool", holdSeconds);
                }
            }
        }
        long numberId;
        String number;
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setLong(1, pool.id());
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    exhausted(c, pool, visitorId, sessionId, now);
                    return swap(pool, pool.fallback(), "fallback", 0);
                }
                numberId = rs.getLong(1);
                number = rs.getString(2);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update tracking_number set held_until = ? where id = ?")) {
            ps.setTimestamp(1, until);
            ps.setLong(2, numberId);
            ps.executeUpdate();
        }
        String channel = DefaultChannelGrouping.classify(new TrafficSignals(null, utm.source(), utm.medium(), referrer,
                click.gclid(), click.fbclid(), click.msclkid(), click.gbraid(), click.wbraid(), click.ttclid(),
                click.liFatId()));
        try (PreparedStatement ps = c.prepareStatement(HOLD)) {
            int p = 1;
            ps.setLong(p++, numberId);
            ps.setLong(p++, pool.id());
            ps.setString(p++, visitorId);
            ps.setString(p++, sessionId);
            ps.setTimestamp(p++, Timestamp.from(now));
            ps.setTimestamp(p++, until);
            ps.setString(p++, url);
            ps.setString(p++, referrer);
            ps.setString(p++, channel);
            ps.setString(p++, utm.source());
            ps.setString(p++, utm.medium());
            ps.setString(p++, utm.campaign());
            ps.setString(p++, utm.term());
            ps.setString(p++, utm.content());
            ps.setString(p++, click.gclid());
            ps.setString(p++, click.fbclid());
            ps.setString(p, click.msclkid());
            ps.executeUpdate();
        }
        return swap(pool, number, "pool", holdSeconds);
    }

    private static void exhausted(Connection c, Pool pool, String visitorId, String sessionId, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into pool_exhaustion (tenant_id, pool_id, occurred_at, "
                + "visitor_id, session_id) values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, ?)")) {
            ps.setLong(1, pool.id());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, visitorId);
            ps.setString(4, sessionId);
            ps.executeUpdate();
        }
    }

    private static DniNumber swap(Pool pool, String number, String kind, int holdSeconds) {
        return new DniNumber(pool.swapTarget(), number, new PhoneNumber(number).national(), kind, holdSeconds);
    }
}
