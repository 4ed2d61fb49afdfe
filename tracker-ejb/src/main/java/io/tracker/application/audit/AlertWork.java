package io.tracker.application.audit;

import io.tracker.application.shared.SqlArrays;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The database side of an alert check, each step one transaction of its own: records the failed checks of the
 * client's tag health as alerts (one open alert per check and subject: an open one is not raised again; an open one
 * whose check passed is resolved), and marks delivered alerts as notified. {@link AlertChecker} delivers in between,
 * with no transaction open.
 */
@Stateless
public class AlertWork {

    static final int MAX_PENDING = 100;

    @Inject
    private TenantConnections connections;

    @EJB
    private TagHealthService tagHealth;

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
     * Checks the client's tag health at {@code at} and records the outcome; raised and resolved at {@code at}.
     *
     * @param at the check's "now"; null: now
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public Recorded record(Instant at) {
        TagHealthReport report = tagHealth.report(at);
        List<AlertFindings.Finding> findings = AlertFindings.of(report);
        Timestamp now = Timestamp.from(report.at());
        try (Connection c = connections.forCurrentTenant()) {
            List<Long> raisedIds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("insert into alert (tenant_id, check_name, subject, message, "
                    + "raised_at) select current_setting('" + TenantConnections.SETTING + "'), u.c, u.s, u.m, ? "
                    + "from unnest(?::text[], ?::text[], ?::text[]) as u(c, s, m) order by u.c, u.s "
                    + "on conflict (tenant_id, check_name, subject) where resolved_at is null do nothing returning id")) {
                ps.setTimestamp(1, now);
                ps.setArray(2, SqlArrays.texts(c, findings.stream().map(f -> f.check().apiName()).toList()));
                ps.setArray(3, SqlArrays.texts(c, findings.stream().map(AlertFindings.Finding::subject).toList()));
                ps.setArray(4, SqlArrays.texts(c, findings.stream().map(AlertFindings.Finding::message).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        raisedIds.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update alert set resolved_at = greatest(?, raised_at) "
                    + "where resolved_at is null and (check_name, subject) not in "
                    + "(select c, s from unnest(?::text[], ?::text[]) as u(c, s))")) {
                ps.setTimestamp(1, now);
                ps.setArray(2, SqlArrays.texts(c, findings.stream().map(f -> f.check().apiName()).toList()));
                ps.setArray(3, SqlArrays.texts(c, findings.stream().map(AlertFindings.Finding::subject).toList()));
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
