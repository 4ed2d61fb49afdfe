package io.tracker.application.recovery;

import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.enhanced.GoogleAdsNormaliser;
import io.tracker.domain.recovery.OptOutKeywords;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * What the SMS platform tells Tracker about a flow's texts, and the numbers that must not be texted.
 *
 * <ul>
 *   <li>A reply ({@link #reply}): an opt-out keyword ({@link OptOutKeywords}: STOP, UNSUBSCRIBE…) puts the number's
 *       hash on the tenant's suppression list at once and cancels its scheduled texts; an opt-in keyword (START,
 *       UNSTOP, YES) takes a STOP off the list. Anything else is ignored.</li>
 *   <li>A delivery report ({@link #delivery}): {@code delivered} marks the text delivered; {@code failed} or
 *       {@code undelivered} marks it failed with the platform's reason.</li>
 *   <li>Erasure on request ({@link #erase}): the number is removed from every checkout it was kept with, its
 *       scheduled texts are cancelled, and only its hash stays, on the suppression list, so it is never texted
 *       again.</li>
 * </ul>
 * Numbers are read into E.164 with the tenant's phone region and hashed (SHA-256 of E.164) before anything else.
 */
@Stateless
public class SmsHooks {

    private static final GoogleAdsNormaliser HASH = new GoogleAdsNormaliser();

    @Inject
    private TenantConnections connections;

    /** A flow's hook as its public key names it. */
    public record Hook(String tenantId, long flowId, String sender, String signingSecret) {
    }

    /** What a reply did. */
    public enum ReplyEffect { OPTED_OUT, OPTED_IN, IGNORED }

    /** The flow whose hook key this is; a deleted flow's too, so that replies to its texts (STOP) still count. */
    @CrossTenant("the SMS platform's webhook names a flow's public hook key before the tenant is known: reads that "
            + "flow's tenant, id, sender and signing secret through the function recovery_flow_by_hook")
    public Optional<Hook> find(String hookKey) {
        if (hookKey == null || !hookKey.matches("[0-9A-Za-z_-]{16,64}")) {
            return Optional.empty();
        }
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select * from recovery_flow_by_hook(?)")) {
            ps.setString(1, hookKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Hook(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking up the SMS hook failed: " + e.getMessage(), e);
        }
    }

    /**
     * A shopper's reply.
     *
     * @param from the replying number as the platform wrote it
     * @throws InvalidInputException when {@code from} is no valid number
     */
    @RequiresPermission(Permission.INGEST)
    public ReplyEffect reply(String from, String body) {
        Optional<OptOutKeywords.Reply> keyword = OptOutKeywords.read(body);
        if (keyword.isEmpty()) {
            return ReplyEffect.IGNORED;
        }
        try (Connection c = connections.forCurrentTenant()) {
            String hash = hash(c, "from", from);
            if (keyword.get() == OptOutKeywords.Reply.OPT_IN) {
                try (PreparedStatement ps = c.prepareStatement(
                        "delete from sms_suppression where phone_hash = ? and reason = 'STOP'")) {
                    ps.setString(1, hash);
                    ps.executeUpdate();
                }
                return ReplyEffect.OPTED_IN;
            }
            suppress(c, hash, "STOP", "the number opted out");
            return ReplyEffect.OPTED_OUT;
        } catch (SQLException e) {
            throw new IllegalStateException("recording the reply failed: " + e.getMessage(), e);
        }
    }

    /**
     * A delivery report for one of the tenant's texts.
     *
     * @param messageId Tracker's message id (the webhook's {@code message_id}) or the platform's (Twilio's
     *                  {@code MessageSid})
     * @param status    {@code delivered}, {@code failed} or {@code undelivered}; other statuses (queued, sent…) change
     *                  nothing
     * @param reason    the platform's error, for failures (optional)
     * @throws NotFoundException when no text of the tenant has this id
     */
    @RequiresPermission(Permission.INGEST)
    public void delivery(String messageId, String status, String reason) {
        if (messageId == null || messageId.isBlank() || messageId.length() > 100) {
            throw new InvalidInputException("message_id is required: the message_id Tracker sent (or Twilio's MessageSid)");
        }
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        String id = messageId.strip();
        // Tracker's own ids are UUIDs (indexed as such); anything else is the platform's id (Twilio's MessageSid).
        String match = isUuid(id) ? "message_key = ?::uuid" : "provider_message_id = ?";
        try (Connection c = connections.forCurrentTenant()) {
            if (!exists(c, match, id)) {
                throw new NotFoundException("no text " + Text.echo(messageId));
            }
            String sql;
            if (s.equals("delivered")) {
                // A report may come in before Tracker has recorded the platform's acceptance: keep the time, and let
                // that record see it (CartRecoveryWork.recordResult).
                sql = "update recovery_message set delivered_at = coalesce(delivered_at, now()), status = case "
                        + "when status in ('SENT', 'DELIVERED') then 'DELIVERED' else status end where " + match;
            } else if (s.equals("failed") || s.equals("undelivered")) {
                sql = "update recovery_message set status = 'FAILED', status_reason = left(?, 500) "
                        + "where status in ('SENT', 'DELIVERED') and " + match;
            } else {
                return; // queued, sending, sent…: nothing Tracker keeps
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                if (sql.contains("status_reason")) {
                    ps.setString(p++, "the platform reports " + s + (reason == null ? "" : ": " + reason));
                }
                ps.setString(p, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording the delivery report failed: " + e.getMessage(), e);
        }
    }

    /**
     * Erases a number on the shopper's request: see the class comment.
     *
     * @return the number's hash (lowercase hex SHA-256 of its E.164 form)
     * @throws InvalidInputException when {@code phone} is no valid number
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public String erase(String phone) {
        try (Connection c = connections.forCurrentTenant()) {
            String hash = hash(c, "phone", phone);
            try (PreparedStatement ps = c.prepareStatement(
                    "update recovery_checkout set phone_e164 = null where phone_hash = ? and phone_e164 is not null")) {
                ps.setString(1, hash);
                ps.executeUpdate();
            }
            suppress(c, hash, "ERASED", "the number was erased");
            return hash;
        } catch (SQLException e) {
            throw new IllegalStateException("erasing the number failed: " + e.getMessage(), e);
        }
    }

    private static void suppress(Connection c, String hash, String reason, String cancelled) throws SQLException {
        // An erasure outranks a STOP (a later START must not make an erased number textable again).
        try (PreparedStatement ps = c.prepareStatement("insert into sms_suppression (tenant_id, phone_hash, reason) "
                + "values (current_setting('" + TenantConnections.SETTING + "'), ?, ?) on conflict (tenant_id, phone_hash) "
                + "do update set reason = excluded.reason where excluded.reason = 'ERASED'")) {
            ps.setString(1, hash);
            ps.setString(2, reason);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("update recovery_message m set status = 'CANCELLED', "
                + "status_reason = ? from recovery_cart r where r.tenant_id = m.tenant_id and r.id = m.cart_id "
                + "and r.phone_hash = ? and m.status = 'SCHEDULED'")) {
            ps.setString(1, cancelled);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String match, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from recovery_message where " + match)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean isUuid(String id) {
        return id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    private static String hash(Connection c, String field, String phone) throws SQLException {
        String region;
        try (PreparedStatement ps = c.prepareStatement("select phone_region from tenant where id = current_setting('"
                + TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            region = rs.getString(1);
        }
        if (phone == null || phone.isBlank()) {
            throw new InvalidInputException(field + " is required: the shopper's phone number");
        }
        return HASH.phone(phone, region).orElseThrow(() -> new InvalidInputException(field + " " + Text.echo(phone)
                + " is not a valid phone number (read with region " + region + ")"));
    }
}
