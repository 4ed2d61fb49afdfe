package io.tracker.application.reporting.schedules;

import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.TenantConnections;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The sending job's steps on the current tenant's schedules, each in a transaction of its own (the e-mail is sent
 * between them, outside any): claim the due ones, then record each one's outcome.
 *
 * <p>A schedule is due when its regular send's time has come ({@code next_run_at}) or someone asked to send now
 * ({@code requested_at}), unless a failure's retry time ({@code retry_at}) is still ahead or another job holds its
 * claim ({@code claimed_until}, {@value #CLAIM_MINUTES} minutes: longer than a send can take). A failed send is
 * retried after 1, 2, 4 … minutes, at most {@link #MAX_BACKOFF} apart, for as long as it fails: never dropped.
 */
@Stateless
@PlatformJob("the summary e-mail job claims and records sends as each tenant in turn")
public class ReportScheduleWork {

    static final int CLAIM_MINUTES = 15;
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Inject
    private TenantConnections connections;

    /** A claimed send. {@code regular}: the send of {@code nextRunAt}; otherwise a "send now". */
    record Due(long id, List<String> recipients, ReportFrequency frequency, String model, int sendHour, ZoneId zone,
               Instant nextRunAt, boolean regular) {

        /** The days this send covers. */
        LocalDate[] period(Instant now) {
            LocalDate sendingDay = regular ? nextRunAt.atZone(zone).toLocalDate()
                    : frequency.sendingDayOnOrBefore(now.atZone(zone).toLocalDate());
            return frequency.period(sendingDay);
        }
    }

    /** Claims at most {@code max} due schedules of the current tenant, oldest first. */
    public List<Due> claim(int max) {
        List<Due> due = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement("select s.id, s.recipients, s.frequency, s.model, "
                    + "s.send_hour, t.time_zone, s.next_run_at, s.next_run_at <= now() from report_schedule s "
                    + "join tenant t on t.id = s.tenant_id "
                    + "where (s.next_run_at <= now() or s.requested_at is not null) "
                    + "and (s.retry_at is null or s.retry_at <= now()) "
                    + "and (s.claimed_until is null or s.claimed_until < now()) "
                    + "order by s.id limit ? for update of s skip locked")) {
                ps.setInt(1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray()),
                                ReportFrequency.fromApiName(rs.getString(3)), rs.getString(4), rs.getInt(5),
                                ZoneId.of(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getBoolean(8)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update report_schedule set claimed_until = now() "
                    + "+ make_interval(mins => ?) where id = ?")) {
                for (Due d : due) {
                    ps.setInt(1, CLAIM_MINUTES);
                    ps.setLong(2, d.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming due report schedules failed: " + e.getMessage(), e);
        }
        return due;
    }

    /**
     * The summary of {@code from}..{@code to} was sent: a regular send moves on to the next sending day after now
     * (sends missed meanwhile, say while SMTP was down, are not repeated), any pending "send now" is done.
     */
    public void recordSent(Due due, LocalDate from, LocalDate to) {
        Instant now = Instant.now();
        Instant next = due.regular() ? due.frequency().nextRun(now, due.zone(), due.sendHour()) : due.nextRunAt();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("update report_schedule set next_run_at = ?, retry_at = null, "
                     + "requested_at = null, claimed_until = null, last_sent_at = ?, last_from = ?, last_to = ?, "
                     + "last_error = null, failures = 0 where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(next));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            ps.setLong(5, due.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording a sent report failed: " + e.getMessage(), e);
        }
    }

    /** The send failed: kept due (same period) and tried again after the back-off; the error is shown. */
    public void recordFailed(Due due, String error) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("update report_schedule set failures = failures + 1, "
                     + "last_error = ?, claimed_until = null, retry_at = now() + make_interval(secs => "
                     + "least(?, 60 * power(2, least(failures, 16)))) where id = ?")) {
            ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) + "…" : error);
            ps.setLong(2, MAX_BACKOFF.toSeconds());
            ps.setLong(3, due.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording a failed report failed: " + e.getMessage(), e);
        }
    }
}
