package io.tracker.application.recovery;

import io.tracker.application.tenant.AuditLog;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.shared.ConflictException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The current tenant's SMS cart recovery flows ({@code recovery_flow}). Each flow gets a campaign of its own,
 * {@code Cart recovery: <name>} on channel SMS ({@code utm_source=sms}, {@code utm_medium=sms},
 * {@code utm_campaign=<name>}), to which its texts' tracked links belong, so that a click joins the shopper's
 * journey on channel SMS with campaign = the flow. Deleting a flow stops it and hides it; its carts and texts stay
 * in the reports. Reading needs {@link Permission#READ_REPORTS}, changing {@link Permission#EDIT_SETUP}.
 */
@Stateless
public class RecoveryFlowService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SELECT = "select f.id, f.name, t.action_key, p.action_key, f.wait_minutes, f.min_value, "
            + "to_char(f.quiet_from, 'HH24:MI'), to_char(f.quiet_to, 'HH24:MI'), f.steps::text, f.sender, f.webhook_url, "
            + "f.webhook_secret is not null, f.twilio_account_sid, f.twilio_from, f.twilio_base_url, "
            + "f.twilio_auth_token is not null, f.control_percent, f.cost_per_message, f.recovery_window_days, "
            + "f.resend_after_days, f.enabled, c.name, f.hook_key, f.created_at, f.updated_at "
            + "from recovery_flow f join conversion_action t on t.tenant_id = f.tenant_id and t.id = f.trigger_action_id "
            + "join conversion_action p on p.tenant_id = f.tenant_id and p.id = f.purchase_action_id "
            + "join campaign c on c.tenant_id = f.tenant_id and c.id = f.campaign_id where f.deleted_at is null ";

    @Inject
    private TenantConnections connections;

    @EJB
    private AuditLog audit;

    /**
     * Creates a flow.
     *
     * @return the flow; when the webhook's secret was generated, the answer shows it (this once)
     * @throws InvalidInputException naming the field that is missing or wrong
     * @throws ConflictException     when another flow has the name
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public RecoveryFlow create(FlowChange change) {
        String generated = change != null && change.webhookUrl() != null && blank(change.webhookSecret())
                && change.twilio() == null ? newSecret() : null;
        try (Connection c = connections.forCurrentTenant()) {
            FlowSettings s = FlowSettings.read(change, c, null, generated);
            long campaignId = campaign(c, s.name());
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into recovery_flow (tenant_id, name, trigger_action_id, "
                    + "purchase_action_id, wait_minutes, min_value, quiet_from, quiet_to, steps, sender, webhook_url, "
                    + "webhook_secret, twilio_account_sid, twilio_auth_token, twilio_from, twilio_base_url, hook_key, "
                    + "control_percent, cost_per_message, recovery_window_days, resend_after_days, campaign_id, enabled) "
                    + "values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
                int p = bind(ps, s, 1);
                ps.setString(p++, newHookKey());
                ps.setInt(p++, s.controlPercent());
                ps.setBigDecimal(p++, s.costPerMessage());
                ps.setInt(p++, s.recoveryWindowDays());
                ps.setInt(p++, s.resendAfterDays());
                ps.setLong(p++, campaignId);
                ps.setBoolean(p, s.enabled());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit.record("recovery-flow.created", s.name(), "trigger " + s.triggerKey() + ", " + s.steps().size()
                    + " step(s), control " + s.controlPercent() + "%");
            RecoveryFlow flow = find(c, id);
            return generated == null ? flow : flow.withSecret(generated);
        } catch (SQLException e) {
            throw stored(e, change);
        }
    }

    /** The tenant's flows (deleted ones left out), by id. */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<RecoveryFlow> list() {
        List<RecoveryFlow> flows = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(SELECT + "order by f.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                flows.add(read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading recovery flows failed: " + e.getMessage(), e);
        }
        return flows;
    }

    /** @throws NotFoundException when the id is none of the tenant's flows (another tenant's is "not found") */
    @RequiresPermission(Permission.READ_REPORTS)
    public RecoveryFlow get(long id) {
        try (Connection c = connections.forCurrentTenant()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the recovery flow failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces a flow's settings. Secrets left out (null or empty) are kept. Texts already scheduled keep their
     * time; a flow disabled cancels them when they fall due.
     *
     * @throws NotFoundException     when the id is none of the tenant's flows
     * @throws InvalidInputException naming the field
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public RecoveryFlow update(long id, FlowChange change) {
        try (Connection c = connections.forCurrentTenant()) {
            find(c, id);
            FlowSettings s = FlowSettings.read(change, c, id, null);
            try (PreparedStatement ps = c.prepareStatement("update recovery_flow set name = ?, trigger_action_id = ?, "
                    + "purchase_action_id = ?, wait_minutes = ?, min_value = ?, quiet_from = ?, quiet_to = ?, "
                    + "steps = ?::jsonb, sender = ?, webhook_url = ?, webhook_secret = coalesce(?, webhook_secret), "
                    + "twilio_account_sid = ?, twilio_auth_token = coalesce(?, twilio_auth_token), twilio_from = ?, "
                    + "twilio_base_url = ?, control_percent = ?, cost_per_message = ?, recovery_window_days = ?, "
                    + "resend_after_days = ?, enabled = ?, updated_at = now() where id = ? and deleted_at is null")) {
                int p = bind(ps, s, 1);
                ps.setInt(p++, s.controlPercent());
                ps.setBigDecimal(p++, s.costPerMessage());
                ps.setInt(p++, s.recoveryWindowDays());
                ps.setInt(p++, s.resendAfterDays());
                ps.setBoolean(p++, s.enabled());
                ps.setLong(p, id);
                ps.executeUpdate();
            }
            audit.record("recovery-flow.changed", s.name(), (s.enabled() ? "enabled" : "disabled") + ", control "
                    + s.controlPercent() + "%");
            return find(c, id);
        } catch (SQLException e) {
            throw stored(e, change);
        }
    }

    /**
     * Deletes a flow: no more carts, its scheduled texts cancelled; its history stays in the reports.
     *
     * @throws NotFoundException when the id is none of the tenant's flows
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public void delete(long id) {
        try (Connection c = connections.forCurrentTenant()) {
            RecoveryFlow flow = find(c, id);
            try (PreparedStatement ps = c.prepareStatement(
                    "update recovery_flow set deleted_at = now(), enabled = false where id = ? and deleted_at is null")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update recovery_message set status = 'CANCELLED', "
                    + "status_reason = 'the flow was deleted' where flow_id = ? and status = 'SCHEDULED'")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit.record("recovery-flow.deleted", flow.name(), null);
        } catch (SQLException e) {
            throw new IllegalStateException("deleting the recovery flow failed: " + e.getMessage(), e);
        }
    }

    /** Binds the settings shared by insert and update; returns the next parameter index. */
    private static int bind(PreparedStatement ps, FlowSettings s, int first) throws SQLException {
        int p = first;
        ps.setString(p++, s.name());
        ps.setLong(p++, s.triggerActionId());
        ps.setLong(p++, s.purchaseActionId());
        ps.setInt(p++, s.waitMinutes());
        ps.setBigDecimal(p++, s.minValue());
        if (s.quietHours() == null) {
            ps.setNull(p++, Types.TIME);
            ps.setNull(p++, Types.TIME);
        } else {
            ps.setTime(p++, Time.valueOf(s.quietHours().from()));
            ps.setTime(p++, Time.valueOf(s.quietHours().to()));
        }
        ps.setString(p++, s.stepsJson());
        ps.setString(p++, s.sender());
        ps.setString(p++, s.webhookUrl());
        ps.setString(p++, s.webhookSecret());
        ps.setString(p++, s.twilioAccountSid());
        ps.setString(p++, s.twilioAuthToken());
        ps.setString(p++, s.twilioFrom());
        ps.setString(p++, s.twilioBaseUrl());
        return p;
    }

    /** The flow's campaign: {@code Cart recovery: <name>}, made on channel SMS unless the tenant has it already. */
    private static long campaign(Connection c, String flowName) throws SQLException {
        String name = "Cart recovery: " + flowName;
        try (PreparedStatement ps = c.prepareStatement("insert into campaign (tenant_id, name, channel, utm_source, "
                + "utm_medium, utm_campaign) values (current_setting('" + TenantConnections.SETTING + "'), ?, 'SMS', "
                + "'sms', 'sms', ?) on conflict (tenant_id, name) do update set name = excluded.name returning id")) {
            ps.setString(1, name);
            ps.setString(2, flowName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static RecoveryFlow find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "and f.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("no recovery flow " + id);
                }
                return read(rs);
            }
        }
    }

    private static RecoveryFlow read(ResultSet rs) throws SQLException {
        String quietFrom = rs.getString(7);
        String sender = rs.getString(10);
        boolean twilio = "TWILIO".equals(sender);
        return new RecoveryFlow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getBigDecimal(6), quietFrom == null ? null : new RecoveryFlow.QuietHoursView(quietFrom, rs.getString(8)),
                FlowSettings.steps(rs.getString(9)), twilio ? "twilio" : "webhook", rs.getString(11), null,
                rs.getBoolean(12), twilio ? new RecoveryFlow.TwilioView(rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getBoolean(16)) : null, rs.getInt(17), rs.getBigDecimal(18), rs.getInt(19),
                rs.getInt(20), rs.getBoolean(21), rs.getString(22), "/api/v1/recovery/hooks/" + rs.getString(23),
                rs.getTimestamp(24).toInstant(), rs.getTimestamp(25).toInstant());
    }

    private static RuntimeException stored(SQLException e, FlowChange change) {
        if ("23505".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("name")) {
            return new ConflictException("another recovery flow is called " + (change == null ? "that" : "'"
                    + change.name() + "'"));
        }
        if ("23514".equals(e.getSQLState())) {
            // the only check a checked change can still break: switching the sender without its secret
            return new InvalidInputException("a flow that changes how texts go out needs that way's secret: "
                    + "webhook_secret for a webhook, twilio.auth_token for Twilio");
        }
        return new IllegalStateException("storing the recovery flow failed: " + e.getMessage(), e);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A webhook signing secret: 32 random bytes, URL-safe Base64 (43 characters), prefixed so it is recognisable. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String newHookKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
