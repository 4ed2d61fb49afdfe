package io.tracker.application.calltracking;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
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

/** The current tenant's call log and its pools' use over time, for members who read reports. */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class CallLogService {

    /** Most calls one page of the log returns. */
    public static final int MAX_CALLS = 1_000;
    private static final Duration MAX_USAGE_SPAN = Duration.ofDays(31);

    /**
     * Per hour of [from, to): the pool's active numbers, the holds overlapping the hour (an upper bound of the
     * numbers held at once in it, exact for holds that span the hour) and the hour's exhaustions.
     */
    private static final String USAGE = "select h.hour, "
            + "(select count(distinct n.number_id) from number_hold n where n.pool_id = ? and n.held_from < h.hour + interval '1 hour' "
            + "and n.held_until > h.hour), "
            + "(select count(*) from tracking_number t where t.pool_id = ? and t.kind = 'POOL' and t.active), "
            + "(select count(*) from pool_exhaustion e where e.pool_id = ? and e.occurred_at >= h.hour "
            + "and e.occurred_at < h.hour + interval '1 hour') "
            + "from generate_series(date_trunc('hour', ?::timestamptz), ?::timestamptz - interval '1 microsecond', "
            + "interval '1 hour') as h(hour) order by h.hour";

    @Inject
    private TenantConnections connections;

    /** The calls that started in [from, to), newest first, at most {@value #MAX_CALLS}. */
    public List<RecordedCall> calls(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidInputException("from must be before to");
        }
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(CallLog.SELECT + "where started_at >= ? and started_at < ? "
                     + "order by started_at desc, id desc limit " + MAX_CALLS)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                List<RecordedCall> calls = new ArrayList<>();
                while (rs.next()) {
                    calls.add(CallLog.read(rs));
                }
                return calls;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the call log failed: " + e.getMessage(), e);
        }
    }

    /**
     * A pool's use per hour over [from, to), at most 31 days (another tenant's pool has no hours: its rows are
     * invisible here).
     */
    public List<PoolUsage> usage(long poolId, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).compareTo(MAX_USAGE_SPAN) > 0) {
            throw new InvalidInputException("from must be before to, at most 31 days apart");
        }
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(USAGE)) {
            ps.setLong(1, poolId);
            ps.setLong(2, poolId);
            ps.setLong(3, poolId);
            ps.setTimestamp(4, Timestamp.from(from));
            ps.setTimestamp(5, Timestamp.from(to));
            List<PoolUsage> hours = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int held = rs.getInt(2);
                    hours.add(new PoolUsage(rs.getTimestamp(1).toInstant(), held, Math.max(0, rs.getInt(3) - held),
                            rs.getInt(4)));
                }
            }
            return hours;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the pool's use failed: " + e.getMessage(), e);
        }
    }
}
