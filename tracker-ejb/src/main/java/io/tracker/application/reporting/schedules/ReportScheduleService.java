package io.tracker.application.reporting.schedules;

import io.tracker.application.shared.SqlArrays;
import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The current client's scheduled summary e-mails ({@code report_schedule}). Reading needs
 * {@link Permission#READ_REPORTS}; creating, deleting and "send now" need {@link Permission#EDIT_SETUP} (analysts
 * and agency admins, not viewers nor API keys): a schedule sends the client's figures out of Tracker. Another
 * client's schedule is "not found".
 */
@Stateless
public class ReportScheduleService {

    /** The default send hour, in the client's time zone. */
    public static final int DEFAULT_HOUR = 8;

    static final String SELECT = "select s.id, s.recipients, s.frequency, s.model, s.send_hour, t.time_zone, "
            + "s.next_run_at, s.retry_at, s.requested_at, s.last_sent_at, s.last_from, s.last_to, s.last_error, "
            + "s.failures, s.created_at from report_schedule s join tenant t on t.id = s.tenant_id ";

    @Inject
    private TenantConnections connections;

    @Inject
    private MailSettings mail;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private AuditLog audit;

    /** The client's schedules, oldest first. */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<ReportSchedule> list() {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(SELECT + "order by s.id");
             ResultSet rs = ps.executeQuery()) {
            List<ReportSchedule> schedules = new ArrayList<>();
            while (rs.next()) {
                schedules.add(read(rs));
            }
            return schedules;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the report schedules failed: " + e.getMessage(), e);
        }
    }

    /** @throws NotFoundException when the id is none of the client's schedules */
    @RequiresPermission(Permission.READ_REPORTS)
    public ReportSchedule get(long id) {
        try (Connection c = connections.forCurrentTenant()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the report schedule failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether Tracker can send e-mail at all ({@link MailSettings}); without it schedules are kept, and sent once it
     * can. Empty when it can, else what is missing.
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public String mailMissing() {
        return mail.missing();
    }

    /**
     * Creates a schedule; its first send is the next Monday (weekly) or 1st (monthly) at the send hour in the
     * client's time zone, after now.
     *
     * @throws InvalidInputException naming {@code recipients[i]}, {@code frequency}, {@code model} or
     *                               {@code send_hour}
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public ReportSchedule create(ScheduleChange change) {
        if (change == null) {
            throw new InvalidInputException("a JSON body is required");
        }
        List<String> recipients = Recipients.checked(change.recipients());
        ReportFrequency frequency = ReportFrequency.fromApiName(change.frequency());
        AttributionModel model = model(change.model());
        int hour = change.sendHour() == null ? DEFAULT_HOUR : change.sendHour();
        if (hour < 0 || hour > 23) {
            throw new InvalidInputException("send_hour: " + hour + " is not an hour of the day (0 to 23)");
        }
        try (Connection c = connections.forCurrentTenant()) {
            ZoneId zone = zone(c);
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into report_schedule (tenant_id, recipients, "
                    + "frequency, model, send_hour, next_run_at, created_by) values (current_setting('"
                    + TenantConnections.SETTING + "'), ?, ?, ?, ?, ?, ?) returning id")) {
                ps.setArray(1, SqlArrays.texts(c, recipients));
                ps.setString(2, frequency.apiName());
                ps.setString(3, model.apiName());
                ps.setInt(4, hour);
                ps.setTimestamp(5, Timestamp.from(frequency.nextRun(Instant.now(), zone, hour)));
                ps.setString(6, currentTenant.actor());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit.record("report-schedule.created", "#" + id, frequency.apiName() + " at " + hour + ":00, "
                    + recipients.size() + " recipient(s)");
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the report schedule failed: " + e.getMessage(), e);
        }
    }

    /** @throws NotFoundException when the id is none of the client's schedules */
    @RequiresPermission(Permission.EDIT_SETUP)
    public void delete(long id) {
        try (Connection c = connections.forCurrentTenant()) {
            ReportSchedule schedule = find(c, id);
            try (PreparedStatement ps = c.prepareStatement("delete from report_schedule where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit.record("report-schedule.deleted", "#" + id, schedule.frequency() + ", "
                    + schedule.recipients().size() + " recipient(s)");
        } catch (SQLException e) {
            throw new IllegalStateException("deleting the report schedule failed: " + e.getMessage(), e);
        }
    }

    /**
     * Asks for the latest complete period (the last week Monday to Sunday, or the last calendar month) to be sent
     * now, besides the regular sends: the sending job picks it up within its poll interval.
     *
     * @return the schedule with {@code requested_at} set
     * @throws NotFoundException when the id is none of the client's schedules
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public ReportSchedule sendNow(long id) {
        try (Connection c = connections.forCurrentTenant()) {
            find(c, id);
            try (PreparedStatement ps = c.prepareStatement(
                    "update report_schedule set requested_at = coalesce(requested_at, now()) where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit.record("report-schedule.send-now", "#" + id, null);
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("requesting the report failed: " + e.getMessage(), e);
        }
    }

    private static AttributionModel model(String name) {
        if (name == null || name.isBlank()) {
            return AttributionModel.LAST_TOUCH;
        }
        try {
            return AttributionModel.fromApiName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("model: " + e.getMessage());
        }
    }

    static ZoneId zone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select time_zone from tenant where id = current_setting('"
                + TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return ZoneId.of(rs.getString(1));
        }
    }

    static ReportSchedule find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "where s.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no report schedule " + id);
                }
                return read(rs);
            }
        }
    }

    static ReportSchedule read(ResultSet rs) throws SQLException {
        Array recipients = rs.getArray(2);
        ReportFrequency frequency = ReportFrequency.fromApiName(rs.getString(3));
        return new ReportSchedule(rs.getLong(1), List.copyOf(Arrays.asList((String[]) recipients.getArray())),
                frequency.apiName(), frequency.period(), rs.getString(4), rs.getInt(5), rs.getString(6),
                instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), day(rs.getDate(11)), day(rs.getDate(12)), rs.getString(13),
                rs.getInt(14), instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static java.time.LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
