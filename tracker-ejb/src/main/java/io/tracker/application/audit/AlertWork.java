package io.tracker.application.audit;

import io.tracker.application.shared.SqlArrays;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.audit.AlertCheck;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The database side of an alert check, each step one transaction of its own: records the failed checks of the
 * client's tag health and its data-accuracy audit as alerts (one open alert per check and subject: an open one is not
 * raised again; an open one whose check passed is resolved), and marks delivered alerts as notified.
 * {@link AlertChecker} delivers in between, with no transaction open.
 *
 * <p>The accuracy check ({@link AccuracyFindings}) audits the {@value AccuracyFindings#DAYS} complete days before
 * "now" in the client's time zone, and only when the client imported shop orders placed or platform reports for
 * those days (without either the audit flags nothing, so it is not run); it is a step of its own, and when it
 * fails the open accuracy alerts are left as they are.
 */
@Stateless
public class AlertWork {

    static final int MAX_PENDING = 100;
    /** Whether the client has shop orders placed in, or platform report rows for, the audited days. */
    private static final String ACCURACY_IMPORTS = "select exists (select 1 from store_order where tenant_id = "
            + "current_setting('" + TenantConnections.SETTING + "') and placed_at >= ? and placed_at < ?) "
            + "or exists (select 1 from platform_conversion where tenant_id = current_setting('"
            + TenantConnections.SETTING + "') and day between ? and ?)";

    @Inject
    private TenantConnections connections;

    @EJB
    private TagHealthService tagHealth;

    @EJB
    private AccuracyAuditService accuracy;

    @EJB
    private TenantService tenants;

    /**
     * What a check recorded and what is to be delivered.
     *
     * @param raised  alerts raised by this check
     * @param pending open alerts not yet notified (the raised ones included), oldest first, at most 100
     * @param delivery where to deliver them
     */
    public record Recorded(List<Alert> raised, List<Alert> pending, Delivery delivery) {
    }

    /** The client's delivery settings; {@code secret} is never shown. */
    record Delivery(String client, boolean muted, String webhookUrl, String secret, List<String> emails) {
    }

    /**
     * Checks the client's tag health at {@code at} and records the outcome with the accuracy check's; raised and
     * resolved at {@code at}.
     *
     * @param at       the check's "now"
     * @param accuracy the accuracy check's findings ({@link #accuracy}); null when it failed: the open accuracy
     *                 alerts are then neither raised nor resolved
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public Recorded record(Instant at, List<AlertFinding> accuracy) {
        TagHealthReport report = tagHealth.report(at);
        List<AlertFinding> findings = new ArrayList<>(AlertFindings.of(report));
        List<String> notRun = new ArrayList<>();
        if (accuracy == null) {
            notRun.add(AlertCheck.ACCURACY_GAP.apiName());
        } else {
            findings.addAll(accuracy);
        }
        Timestamp now = Timestamp.from(report.at());
        try (Connection c = connections.forCurrentTenant()) {
            List<Long> raisedIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("insert into alert (tenant_id, check_name, subject, message, "
                    + "raised_at) select current_setting('" + TenantConnections.SETTING + "'), u.c, u.s, u.m, ? "
                    + "from unnest(?::text[], ?::text[], ?::text[]) as u(c, s, m) order by u.c, u.s "
                    + "on conflict (tenant_id, check_name, subject) where resolved_at is null do nothing returning id")) {
                ps.setTimestamp(1, now);
                ps.setArray(2, SqlArrays.texts(c, findings.stream().map(f -> f.check().apiName()).toList()));
                ps.setArray(3, SqlArrays.texts(c, findings.stream().map(AlertFinding::subject).toList()));
                ps.setArray(4, SqlArrays.texts(c, findings.stream().map(AlertFinding::message).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        raisedIds.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update alert set resolved_at = greatest(?, raised_at) "
                    + "where resolved_at is null and (check_name, subject) not in "
                    + "(select c, s from unnest(?::text[], ?::text[]) as u(c, s)) and check_name <> all(?::text[])")) {
                ps.setTimestamp(1, now);
                ps.setArray(2, SqlArrays.texts(c, findings.stream().map(f -> f.check().apiName()).toList()));
                ps.setArray(3, SqlArrays.texts(c, findings.stream().map(AlertFinding::subject).toList()));
                ps.setArray(4, SqlArrays.texts(c, notRun));
                ps.executeUpdate();
            }
            List<Alert> raised;
            try (PreparedStatement ps = c.prepareStatement(AlertService.SELECT + "where id = any(?) order by id")) {
                ps.setArray(1, SqlArrays.bigints(c, raisedIds));
                raised = AlertService.read(ps);
            }
            List<Alert> pending;
            try (PreparedStatement ps = c.prepareStatement(AlertService.SELECT + "where resolved_at is null and not "
                    + "notified order by id limit " + MAX_PENDING)) {
                pending = AlertService.read(ps);
            }
            return new Recorded(raised, pending, delivery(c));
        } catch (SQLException e) {
            throw new IllegalStateException("recording the alerts failed: " + e.getMessage(), e);
        }
    }

    /** Marks the alerts as delivered. */
    @RequiresPermission(Permission.EDIT_SETUP)
    public void markNotified(List<Long> ids) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("update alert set notified = true where id = any(?)")) {
            ps.setArray(1, SqlArrays.bigints(c, ids));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("marking the alerts notified failed: " + e.getMessage(), e);
        }
    }

    /**
     * The accuracy check at {@code at}: the findings of the data-accuracy audit of the
     * {@value AccuracyFindings#DAYS} complete days before {@code at}'s day in the client's time zone; none, without
     * running the audit, when the client has neither shop orders placed nor platform report rows in those days.
     * A transaction of its own, so that a failed audit leaves the tag-health checks to go on.
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public List<AlertFinding> accuracy(Instant at) {
        ZoneId zone = tenants.current().getTimeZone();
        AccuracyFindings.Window window = AccuracyFindings.Window.before(at.atZone(zone));
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(ACCURACY_IMPORTS)) {
            ps.setTimestamp(1, Timestamp.from(window.start(zone)));
            ps.setTimestamp(2, Timestamp.from(window.end(zone)));
            ps.setObject(3, window.from());
            ps.setObject(4, window.to());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return List.of();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking for accuracy imports failed: " + e.getMessage(), e);
        }
        return AccuracyFindings.of(accuracy.audit(window.from(), window.to()));
    }

    private static Delivery delivery(Connection c) throws SQLException {
        String client;
        try (PreparedStatement ps = c.prepareStatement("select name from tenant where id = current_setting('"
                + TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            client = rs.next() ? rs.getString(1) : null;
        }
        try (PreparedStatement ps = c.prepareStatement("select muted, webhook_url, webhook_secret, emails "
                + "from alert_settings");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Delivery(client, false, null, null, List.of());
            }
            return new Delivery(client, rs.getBoolean(1), rs.getString(2), rs.getString(3),
                    List.of((String[]) rs.getArray(4).getArray()));
        }
    }
}
