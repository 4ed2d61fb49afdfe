package io.tracker.application.attribution;

import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The runs of the data-driven models ({@code data_driven_run}, V8): asked for on demand or by the
 * schedule, carried out by {@link DataDrivenScheduler} off the request path. Asking while a run of the
 * tenant is queued or running gives that run back instead of queueing another one.
 */
@Stateless
public class DataDrivenRuns {

    private static final Logger LOG = Logger.getLogger(DataDrivenRuns.class.getName());

    private static final String COLUMNS = "id, reason, status, requested_at, started_at, finished_at, conversions, "
            + "converting_paths, null_paths, channels, markov_millis, shapley_millis, error";

    /** A queued run, of a tenant. */
    public record Ready(String tenantId, long runId) {
    }

    /**
     * A tenant the schedule may queue a run for.
     *
     * @param zone          the tenant's time zone
     * @param lastScheduled when its latest scheduled run was asked for; null if never
     */
    public record ScheduleCandidate(String tenantId, ZoneId zone, Instant lastScheduled) {
    }

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * Queues an on-demand run for the current tenant, or gives back the tenant's run already queued or
     * running. Returns at once; the run happens in the background.
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public DataDrivenRun request() {
        return latestOpen().orElseGet(() -> queue("ON_DEMAND"));
    }

    /** The current tenant's run. @throws NotFoundException (404) for an id the tenant does not have */
    @RequiresPermission(Permission.READ_REPORTS)
    public DataDrivenRun get(long id) {
        return query("select " + COLUMNS + " from data_driven_run where tenant_id = ? and id = ?", id)
                .orElseThrow(() -> new NotFoundException("no data-driven run " + id));
    }

    /** The scheduler: queues a scheduled run for the current tenant. */
    @PlatformJob("the data-driven schedule queues a tenant's nightly run as Tracker itself")
    public DataDrivenRun queueScheduled() {
        return queue("SCHEDULE");
    }

    /**
     * The scheduler's poll: queued runs of tenants with no run under way, oldest first (database
     * function {@code data_driven_runs_ready}); a run RUNNING for longer than {@code staleAfter} counts as
     * dead (its server stopped).
     */
    @CrossTenant("the data-driven scheduler's poll: which tenants have a queued run, ids only (function data_driven_runs_ready)")
    public List<Ready> ready(Duration staleAfter) {
        List<Ready> ready = new ArrayList<>();
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id, run_id from data_driven_runs_ready(?::interval)")) {
            ps.setString(1, staleAfter.toSeconds() + " seconds");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ready.add(new Ready(rs.getString(1), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing queued data-driven runs failed: " + e.getMessage(), e);
        }
        return ready;
    }

    /**
     * The tenants that could be due for their nightly run (function {@code data_driven_schedule_candidates}):
     * no run queued or running, and conversions newer than their last successful run read. Whether one
     * is due now is {@link io.tracker.domain.attribution.NightlyRunSchedule}'s to say.
     */
    @CrossTenant("the data-driven schedule: tenants with new conversions and no open run, with their time zone and "
            + "last scheduled run (function data_driven_schedule_candidates)")
    public List<ScheduleCandidate> scheduleCandidates() {
        List<ScheduleCandidate> candidates = new ArrayList<>();
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id, time_zone, last_scheduled_at "
                     + "from data_driven_schedule_candidates()")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String tenantId = rs.getString(1);
                    String zone = rs.getString(2);
                    try {
                        candidates.add(new ScheduleCandidate(tenantId, ZoneId.of(zone), instant(rs.getTimestamp(3))));
                    } catch (DateTimeException e) {
                        // Tenants' zones are checked when set; one that is not must not stop the others' schedule.
                        LOG.warning(() -> "tenant " + tenantId + " has the unreadable time zone '" + zone
                                + "': no nightly data-driven run");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing tenants for the data-driven schedule failed: " + e.getMessage(), e);
        }
        return candidates;
    }

    /**
     * Marks the current tenant's queued run as running, in a transaction of its own.
     *
     * @return false when another server took it first (it is no longer queued)
     */
    @PlatformJob("the data-driven scheduler starts a tenant's run as Tracker itself")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean start(long id) {
        return update("update data_driven_run set status = 'RUNNING', started_at = clock_timestamp() "
                + "where tenant_id = ? and id = ? and status = 'QUEUED'", id, null) == 1;
    }

    /** Marks the current tenant's run as failed, with why, in a transaction of its own. */
    @PlatformJob("the data-driven scheduler records a failed run as Tracker itself")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long id, String error) {
        update("update data_driven_run set status = 'FAILED', finished_at = clock_timestamp(), error = ? "
                + "where tenant_id = ? and id = ?", id, error == null ? "failed" : error);
    }

    private Optional<DataDrivenRun> latestOpen() {
        return query("select " + COLUMNS + " from data_driven_run where tenant_id = ? and status in ('QUEUED', 'RUNNING') "
                + "order by id desc limit 1", null);
    }

    private DataDrivenRun queue(String reason) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("insert into data_driven_run (tenant_id, reason, status) "
                     + "values (?, ?, 'QUEUED') returning " + COLUMNS)) {
            ps.setString(1, currentTenant.require());
            ps.setString(2, reason);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return run(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("queueing a data-driven run failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, long id, String text) {
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (text != null) {
                ps.setString(i++, text);
            }
            ps.setString(i++, currentTenant.require());
            ps.setLong(i, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating data-driven run " + id + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<DataDrivenRun> query(String sql, Long id) {
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, currentTenant.require());
            if (id != null) {
                ps.setLong(2, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(run(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading data-driven runs failed: " + e.getMessage(), e);
        }
    }

    private static DataDrivenRun run(ResultSet rs) throws SQLException {
        return new DataDrivenRun(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getObject(7, Integer.class),
                rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getObject(10, Integer.class),
                rs.getObject(11, Long.class), rs.getObject(12, Long.class), rs.getString(13));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
