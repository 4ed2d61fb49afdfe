package io.tracker.application.recovery;

import io.tracker.application.recovery.sms.RetryPolicy;
import io.tracker.application.recovery.sms.SendResult;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tracking.links.TrackedLink;
import io.tracker.application.tracking.links.TrackedLinkService;
import io.tracker.domain.recovery.ControlGroup;
import io.tracker.domain.recovery.MessageTemplate;
import io.tracker.domain.recovery.QuietHours;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tracking.Utm;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The database side of SMS cart recovery for the current tenant, one transaction per method; {@link RecoveryRun}
 * calls them in order and sends the texts between {@link #claimDue} and {@link #recordResult} (no transaction is
 * held open while a platform answers).
 *
 * <p><b>Carts</b> ({@link #findCarts}). For each enabled flow, every trigger conversion of the last
 * {@value #LOOKBACK_DAYS} days whose wait has passed (by its event time: a late or historical checkout is judged
 * the same as a live one; {@value #LOOKBACK_DAYS} days beyond the wait) becomes a cart once: {@code PURCHASED} when the shopper (the cart's visitor and every
 * visitor sharing a person key with it, {@code recovery_person_visitors}) made the flow's purchase within the wait,
 * else {@code ABANDONED}. A trigger followed by another of the same visitor within the wait is superseded by it (the
 * cart changed, it was not abandoned). An abandoned cart is then eligible, or says why not, in this order: below
 * the flow's minimum value, no phone, no SMS consent, on the suppression list (STOP), texted within the flow's
 * {@code resend_after_days} (a cart in either arm counts, so that frequent abandoners do not pile up in one arm).
 * A checkout without a visitor id is never a cart: whether it was bought cannot be told. An eligible cart goes to the
 * control arm ({@link ControlGroup}, reproducible from the
 * flow and the trigger's event id) or the text arm, whose texts are scheduled at trigger + each step's minutes,
 * moved out of the quiet hours in the shopper's time zone (else the tenant's) by {@link QuietHours}.
 *
 * <p><b>Outcomes.</b> Both arms' carts get the first purchase within {@code recovery_window_days} after their first
 * text's due time ({@code outcome_*}: the comparison behind the incrementality estimate); texted carts also get the
 * first purchase within the window after the first text actually sent ({@code recovered_*}) and their first click
 * on one of their links ({@code clicked_at}).
 *
 * <p><b>Texts</b> ({@link #claimDue}). A due text is cancelled when the shopper has bought since the trigger, the
 * number is suppressed or erased, or the flow is disabled or deleted; marked missed when it is more than
 * {@link #TOO_LATE} late; failed when the restore URL is missing or on none of the client's websites; put off to
 * the end of the quiet hours when a retry or a late text falls inside them. Otherwise it
 * gets a tracked link of its own ({@code /c/<code>} on the flow's campaign, channel SMS, {@code utm_content=step-N})
 * to the restore URL, and its body. Claiming pushes the text's next attempt {@value #CLAIM_MINUTES} minutes on, so
 * two servers never send it at once and a server that dies mid-send retries it later with the same idempotency key.
 */
@Stateless
@RequiresPermission(Permission.EDIT_SETUP)
public class CartRecoveryWork {

    static final int LOOKBACK_DAYS = 7;
    static final Duration TOO_LATE = Duration.ofHours(6);
    static final int CLAIM_MINUTES = 10;

    private static final String FIND_CARTS = "insert into recovery_cart (tenant_id, flow_id, conversion_id, event_id, "
            + "visitor_id, triggered_at, abandoned_at, value, currency, phone_hash, state, time_zone) "
            + "select c.tenant_id, f.id, c.id, c.event_id, c.visitor_id, c.occurred_at, "
            + "c.occurred_at + make_interval(mins => f.wait_minutes), c.value, c.currency, k.phone_hash, "
            + "case when exists (select 1 from conversion p where p.tenant_id = c.tenant_id "
            + "  and p.action_id = f.purchase_action_id and p.occurred_at >= c.occurred_at "
            + "  and p.occurred_at <= c.occurred_at + make_interval(mins => f.wait_minutes) "
            + "  and p.visitor_id in (select recovery_person_visitors(c.tenant_id, c.visitor_id, k.phone_hash))) "
            + "then 'PURCHASED' else 'ABANDONED' end, k.time_zone "
            + "from recovery_flow f join conversion c on c.tenant_id = f.tenant_id and c.action_id = f.trigger_action_id "
            + "left join recovery_checkout k on k.tenant_id = c.tenant_id and k.event_id = c.event_id "
            + "where f.id = ? and f.enabled and f.deleted_at is null and c.visitor_id is not null "
            + "and c.occurred_at > now() - make_interval(days => " + LOOKBACK_DAYS + ", mins => f.wait_minutes) "
            + "and c.occurred_at <= now() - make_interval(mins => f.wait_minutes) "
            // Uncorrelated, so PostgreSQL hashes the flow's carts once instead of probing them per trigger.
            + "and c.id not in (select r.conversion_id from recovery_cart r where r.flow_id = ? "
            + "  and r.triggered_at > now() - make_interval(days => " + LOOKBACK_DAYS + ", mins => f.wait_minutes)) "
            + "and not exists (select 1 from conversion n where n.tenant_id = c.tenant_id and n.action_id = c.action_id "
            + "  and c.visitor_id is not null and n.visitor_id = c.visitor_id and n.id <> c.id "
            + "  and n.occurred_at >= c.occurred_at and n.occurred_at <= c.occurred_at + make_interval(mins => f.wait_minutes) "
            + "  and (n.occurred_at > c.occurred_at or n.id > c.id)) "
            + "on conflict do nothing";

    private static final String UNDECIDED = "select r.id, r.flow_id, r.event_id, r.triggered_at, r.value, r.phone_hash, "
            + "r.time_zone, k.phone_e164 is not null, coalesce(k.sms_consent, false), "
            + "exists (select 1 from sms_suppression s where s.tenant_id = r.tenant_id and s.phone_hash = r.phone_hash), "
            + "f.min_value, f.control_percent, f.resend_after_days, f.steps::text, "
            + "to_char(f.quiet_from, 'HH24:MI'), to_char(f.quiet_to, 'HH24:MI') "
            + "from recovery_cart r join recovery_flow f on f.tenant_id = r.tenant_id and f.id = r.flow_id "
            + "left join recovery_checkout k on k.tenant_id = r.tenant_id and k.event_id = r.event_id "
            + "where r.state = 'ABANDONED' and r.eligibility is null order by r.triggered_at, r.id";

    private static final String TEXTED_RECENTLY = "select 1 from recovery_cart o where o.phone_hash = ? and o.id <> ? "
            + "and o.arm is not null and o.first_due_at > ? and o.first_due_at <= ? limit 1";

    private static final String OUTCOMES = "update recovery_cart r set outcome_at = b.occurred_at, outcome_value = b.value "
            + "from (select c.id, p.occurred_at, p.value from recovery_cart c "
            + "  join recovery_flow f on f.tenant_id = c.tenant_id and f.id = c.flow_id "
            + "  cross join lateral (select p.occurred_at, p.value from conversion p "
            + "    where p.tenant_id = c.tenant_id and p.action_id = f.purchase_action_id and p.occurred_at >= c.first_due_at "
            + "    and p.occurred_at <= c.first_due_at + make_interval(days => f.recovery_window_days) "
            + "    and p.visitor_id in (select recovery_person_visitors(c.tenant_id, c.visitor_id, c.phone_hash)) "
            + "    order by p.occurred_at limit 1) p "
            + "  where c.arm is not null and c.outcome_at is null and c.first_due_at <= ?::timestamptz "
            // a day beyond the window, for purchases that arrive late
            + "  and c.first_due_at + make_interval(days => f.recovery_window_days + 1) > ?::timestamptz) b "
            + "where r.id = b.id";

    private static final String RECOVERED = "update recovery_cart r set recovered_at = b.occurred_at, "
            + "recovered_value = b.value from (select c.id, p.occurred_at, p.value from recovery_cart c "
            + "  join recovery_flow f on f.tenant_id = c.tenant_id and f.id = c.flow_id "
            + "  cross join lateral (select p.occurred_at, p.value from conversion p "
            + "    where p.tenant_id = c.tenant_id and p.action_id = f.purchase_action_id and p.occurred_at >= c.texted_at "
            + "    and p.occurred_at <= c.texted_at + make_interval(days => f.recovery_window_days) "
            + "    and p.visitor_id in (select recovery_person_visitors(c.tenant_id, c.visitor_id, c.phone_hash)) "
            + "    order by p.occurred_at limit 1) p "
            + "  where c.texted_at is not null and c.recovered_at is null "
            + "  and c.texted_at + make_interval(days => f.recovery_window_days + 1) > ?::timestamptz) b "
            + "where r.id = b.id";

    private static final String CLICKS = "update recovery_cart r set clicked_at = k.first_click "
            + "from (select m.cart_id, min(l.occurred_at) as first_click from recovery_message m "
            + "  join recovery_cart t on t.tenant_id = m.tenant_id and t.id = m.cart_id "
            + "  join link_click l on l.tenant_id = m.tenant_id and l.link_id = m.link_id "
            + "  where m.link_id is not null and t.clicked_at is null and t.texted_at > ?::timestamptz - interval '61 days' "
            + "  group by m.cart_id) k where r.id = k.cart_id";

    private static final String CLAIM = "update recovery_message set next_attempt_at = now() + make_interval(mins => "
            + CLAIM_MINUTES + ") where id in (select id from recovery_message where status = 'SCHEDULED' "
            + "and next_attempt_at <= now() order by next_attempt_at, id limit ? for update skip locked) returning id";

    private static final String DUE = "select m.id, m.step, m.due_at, m.attempts, m.message_key, m.link_id, m.body, "
            + "r.id, r.triggered_at, k.phone_e164, k.restore_url, f.id, f.name, f.enabled and f.deleted_at is null, "
            + "f.steps::text, f.campaign_id, f.hook_key, f.sender, f.webhook_url, f.webhook_secret, f.twilio_account_sid, "
            + "f.twilio_auth_token, f.twilio_from, f.twilio_base_url, "
            + "exists (select 1 from sms_suppression s where s.tenant_id = r.tenant_id and s.phone_hash = r.phone_hash), "
            + "exists (select 1 from conversion p where p.tenant_id = r.tenant_id and p.action_id = f.purchase_action_id "
            + "  and p.occurred_at >= r.triggered_at "
            + "  and p.visitor_id in (select recovery_person_visitors(r.tenant_id, r.visitor_id, r.phone_hash))), "
            + "(select l.code from tracked_link l where l.tenant_id = m.tenant_id and l.id = m.link_id), "
            + "r.time_zone, to_char(f.quiet_from, 'HH24:MI'), to_char(f.quiet_to, 'HH24:MI'), "
            + "(select t.time_zone from tenant t where t.id = m.tenant_id) "
            + "from recovery_message m join recovery_cart r on r.tenant_id = m.tenant_id and r.id = m.cart_id "
            + "join recovery_flow f on f.tenant_id = m.tenant_id and f.id = m.flow_id "
            + "left join recovery_checkout k on k.tenant_id = r.tenant_id and k.event_id = r.event_id "
            + "where m.id = any(?) order by m.next_attempt_at, m.id";

    @Inject
    private TenantConnections connections;

    @EJB
    private TrackedLinkService links;

    /**
     * Finds the carts whose wait has passed, decides the new abandoned ones, and brings outcomes, recoveries and
     * clicks up to date.
     *
     * @param zone the tenant's time zone (quiet hours of shoppers whose zone is unknown)
     * @return the number of new carts
     */
    public int findCarts(ZoneId zone) {
        try (Connection c = connections.forCurrentTenant()) {
            planAfresh(c);
            List<Long> flows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from recovery_flow where enabled and deleted_at is null order by id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flows.add(rs.getLong(1));
                }
            }
            int found = 0;
            try (PreparedStatement ps = c.prepareStatement(FIND_CARTS)) {
                for (long flow : flows) {
                    ps.setLong(1, flow);
                    ps.setLong(2, flow);
                    found += ps.executeUpdate();
                }
            }
            decide(c, zone);
            // The pass's time is a parameter, not now(): a statement without parameters keeps the generic plan the
            // driver's server-side prepare made when the flow had a dozen carts (plan_cache_mode cannot replace it),
            // and with thousands that plan ran for minutes.
            Timestamp now = Timestamp.from(Instant.now());
            for (String sql : new String[] {OUTCOMES, RECOVERED, CLICKS}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 1; i <= sql.chars().filter(ch -> ch == '?').count(); i++) {
                        ps.setTimestamp(i, now);
                    }
                    ps.executeUpdate();
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("finding abandoned carts failed: " + e.getMessage(), e);
        }
    }

    /** Eligibility, arm, first due time and scheduled texts of the abandoned carts not yet decided. */
    private static void decide(Connection c, ZoneId tenantZone) throws SQLException {
        List<Object[]> carts = new ArrayList<>();
        List<Object[]> texts = new ArrayList<>();
        // The phones given a text arm in this pass, with the first text's due time (TEXTED_RECENTLY sees only stored ones).
        Map<String, List<Instant>> textedNow = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(UNDECIDED);
             PreparedStatement recent = c.prepareStatement(TEXTED_RECENTLY);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long cartId = rs.getLong(1);
                long flowId = rs.getLong(2);
                String eventId = rs.getString(3);
                Instant trigger = rs.getTimestamp(4).toInstant();
                BigDecimal value = rs.getBigDecimal(5);
                String phoneHash = rs.getString(6);
                ZoneId zone = zone(rs.getString(7), tenantZone);
                boolean hasNumber = rs.getBoolean(8);
                boolean consent = rs.getBoolean(9);
                boolean suppressed = rs.getBoolean(10);
                BigDecimal minValue = rs.getBigDecimal(11);
                int controlPercent = rs.getInt(12);
                int resendDays = rs.getInt(13);
                List<RecoveryFlow.Step> steps = FlowSettings.steps(rs.getString(14));
                QuietHours quiet = rs.getString(15) == null ? QuietHours.NONE
                        : QuietHours.parse(rs.getString(15), rs.getString(16));
                Instant firstDue = quiet.nextAllowed(trigger.plus(Duration.ofMinutes(steps.get(0).afterMinutes())), zone);
                String eligibility;
                if (value.compareTo(minValue) < 0) {
                    eligibility = "BELOW_MIN_VALUE";
                } else if (phoneHash == null) {
                    eligibility = "NO_PHONE";
                } else if (!consent || !hasNumber) {
                    eligibility = "NO_CONSENT";
                } else if (suppressed) {
                    eligibility = "SUPPRESSED";
                } else if (resendDays > 0 && textedRecently(recent, textedNow, cartId, phoneHash, firstDue, resendDays)) {
                    eligibility = "RECENTLY_TEXTED";
                } else {
                    eligibility = "ELIGIBLE";
                }
                String arm = null;
                if (eligibility.equals("ELIGIBLE")) {
                    arm = ControlGroup.inControl(flowId, eventId, controlPercent) ? "CONTROL" : "TEXT";
                    // Either arm blocks the number for resend_after_days: were only texts counted, shoppers who
                    // abandon often would pile up in the control arm and bias the comparison.
                    textedNow.computeIfAbsent(phoneHash, h -> new ArrayList<>()).add(firstDue);
                    if (arm.equals("TEXT")) {
                        for (int i = 0; i < steps.size(); i++) {
                            Instant due = i == 0 ? firstDue
                                    : quiet.nextAllowed(trigger.plus(Duration.ofMinutes(steps.get(i).afterMinutes())), zone);
                            texts.add(new Object[] {cartId, flowId, i + 1, Timestamp.from(due)});
                        }
                    }
                }
                carts.add(new Object[] {eligibility, arm, arm == null ? null : Timestamp.from(firstDue), cartId});
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update recovery_cart set eligibility = ?, arm = ?, first_due_at = ? where id = ?")) {
            for (Object[] row : carts) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into recovery_message (tenant_id, cart_id, flow_id, step, "
                + "due_at, next_attempt_at, message_key) values (current_setting('" + TenantConnections.SETTING + "'), "
                + "?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            for (Object[] t : texts) {
                ps.setLong(1, (Long) t[0]);
                ps.setLong(2, (Long) t[1]);
                ps.setInt(3, (Integer) t[2]);
                ps.setTimestamp(4, (Timestamp) t[3]);
                ps.setTimestamp(5, (Timestamp) t[3]);
                ps.setObject(6, UUID.randomUUID());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static boolean textedRecently(PreparedStatement recent, Map<String, List<Instant>> textedNow, long cartId,
                                          String phoneHash, Instant firstDue, int resendDays) throws SQLException {
        Instant since = firstDue.minus(Duration.ofDays(resendDays));
        for (Instant other : textedNow.getOrDefault(phoneHash, List.of())) {
            if (other.isAfter(since) && !other.isAfter(firstDue)) {
                return true;
            }
        }
        recent.setString(1, phoneHash);
        recent.setLong(2, cartId);
        recent.setTimestamp(3, Timestamp.from(since));
        recent.setTimestamp(4, Timestamp.from(firstDue));
        try (ResultSet rs = recent.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Claims up to {@code limit} due texts and prepares them: those that must not go out are settled here
     * (cancelled, missed, failed); the rest come back ready to send, each with its tracked link and body.
     */
    public List<DueText> claimDue(int limit) {
        String publicUrl = ConfigProvider.getConfig().getOptionalValue("tracker.public-url", String.class)
                .orElse("http://localhost:8080").replaceAll("/+$", "");
        try (Connection c = connections.forCurrentTenant()) {
            planAfresh(c);
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            List<DueText> ready = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(DUE)) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        DueText text = prepare(c, rs, publicUrl);
                        if (text != null) {
                            ready.add(text);
                        }
                    }
                }
            }
            return ready;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming due texts failed: " + e.getMessage(), e);
        }
    }

    /** The text ready to send, or null when it was settled without sending. */
    private DueText prepare(Connection c, ResultSet rs, String publicUrl) throws SQLException {
        long messageId = rs.getLong(1);
        int step = rs.getInt(2);
        Instant due = rs.getTimestamp(3).toInstant();
        int attempts = rs.getInt(4);
        String messageKey = rs.getString(5);
        Long linkId = rs.getObject(6) == null ? null : rs.getLong(6);
        String body = rs.getString(7);
        long cartId = rs.getLong(8);
        String to = rs.getString(10);
        String restoreUrl = rs.getString(11);
        long flowId = rs.getLong(12);
        String flowName = rs.getString(13);
        boolean flowLive = rs.getBoolean(14);
        List<RecoveryFlow.Step> steps = FlowSettings.steps(rs.getString(15));
        long campaignId = rs.getLong(16);
        String hookKey = rs.getString(17);
        boolean suppressed = rs.getBoolean(25);
        boolean bought = rs.getBoolean(26);
        String code = rs.getString(27);
        QuietHours quiet = rs.getString(29) == null ? QuietHours.NONE : QuietHours.parse(rs.getString(29), rs.getString(30));
        ZoneId zone = zone(rs.getString(28), ZoneId.of(rs.getString(31)));
        if (!flowLive) {
            settle(c, messageId, "CANCELLED", "the flow is disabled or deleted");
            return null;
        }
        if (bought) {
            settle(c, messageId, "CANCELLED", "the shopper bought");
            return null;
        }
        if (suppressed) {
            settle(c, messageId, "CANCELLED", "the number opted out");
            return null;
        }
        if (to == null) {
            settle(c, messageId, "CANCELLED", "the number was erased");
            return null;
        }
        if (attempts == 0 && due.isBefore(Instant.now().minus(TOO_LATE))) {
            settle(c, messageId, "MISSED", "due more than " + TOO_LATE.toHours() + " hours ago");
            return null;
        }
        Instant now = Instant.now();
        Instant allowed = quiet.nextAllowed(now, zone);
        if (allowed.isAfter(now)) {
            // A retry or a late text that has drifted into the quiet hours waits for their end.
            try (PreparedStatement ps = c.prepareStatement("update recovery_message set next_attempt_at = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(allowed));
                ps.setLong(2, messageId);
                ps.executeUpdate();
            }
            return null;
        }
        if (linkId == null) {
            if (restoreUrl == null) {
                settle(c, messageId, "FAILED", "the checkout carried no restore_url");
                return null;
            }
            TrackedLink link;
            try {
                link = links.create(campaignId, restoreUrl, new Utm(null, null, null, null, "step-" + step));
            } catch (InvalidInputException e) {
                settle(c, messageId, "FAILED", "restore_url: " + e.getMessage());
                return null;
            }
            linkId = link.id();
            code = link.code();
            body = MessageTemplate.parse(steps.get(Math.min(step, steps.size()) - 1).message())
                    .render(publicUrl + "/c/" + code);
            try (PreparedStatement ps = c.prepareStatement("update recovery_message set link_id = ?, body = ? where id = ?")) {
                ps.setLong(1, linkId);
                ps.setString(2, body);
                ps.setLong(3, messageId);
                ps.executeUpdate();
            }
        }
        return new DueText(messageId, attempts + 1, messageKey, to, body, publicUrl + "/c/" + code, flowId, flowName,
                cartId, step, publicUrl + "/api/v1/recovery/hooks/" + hookKey, rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24));
    }

    private static void settle(Connection c, long messageId, String status, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update recovery_message set status = ?, status_reason = ? where id = ?")) {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setLong(3, messageId);
            ps.executeUpdate();
        }
    }

    /**
     * Keeps one attempt's result: accepted texts are {@code SENT} (their cart texted), those that may succeed later
     * are scheduled again after {@link RetryPolicy}'s back-off, the rest {@code FAILED}.
     */
    public void recordResult(DueText text, SendResult result) {
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement("insert into recovery_attempt (tenant_id, message_id, attempt, "
                    + "outcome, http_status, error) values (current_setting('" + TenantConnections.SETTING + "'), ?, ?, ?, "
                    + "?, ?) on conflict do nothing")) {
                ps.setLong(1, text.messageId());
                ps.setInt(2, text.attempt());
                ps.setString(3, result.outcome().name());
                ps.setObject(4, result.httpStatus());
                ps.setString(5, result.error());
                ps.executeUpdate();
            }
            if (result.outcome() == SendResult.Outcome.ACCEPTED) {
                try (PreparedStatement ps = c.prepareStatement("update recovery_message set sent_at = now(), "
                        // a delivery report may have come in before this result was recorded
                        + "status = case when delivered_at is not null then 'DELIVERED' else 'SENT' end, "
                        + "attempts = ?, provider_message_id = ?, status_reason = null, cost = (select f.cost_per_message "
                        + "from recovery_flow f where f.tenant_id = recovery_message.tenant_id and f.id = recovery_message.flow_id) "
                        + "where id = ?")) {
                    ps.setInt(1, text.attempt());
                    ps.setString(2, result.providerMessageId());
                    ps.setLong(3, text.messageId());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "update recovery_cart set texted_at = coalesce(texted_at, now()) where id = ?")) {
                    ps.setLong(1, text.cartId());
                    ps.executeUpdate();
                }
            } else if (RetryPolicy.retries(result.outcome(), text.attempt())) {
                try (PreparedStatement ps = c.prepareStatement("update recovery_message set attempts = ?, "
                        + "next_attempt_at = ?, status_reason = ? where id = ?")) {
                    ps.setInt(1, text.attempt());
                    ps.setTimestamp(2, Timestamp.from(Instant.now().plus(RetryPolicy.delayBefore(text.attempt() + 1))));
                    ps.setString(3, result.error());
                    ps.setLong(4, text.messageId());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("update recovery_message set status = 'FAILED', attempts = ?, "
                        + "status_reason = ? where id = ?")) {
                    ps.setInt(1, text.attempt());
                    ps.setString(2, result.error());
                    ps.setLong(3, text.messageId());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording a text's result failed: " + e.getMessage(), e);
        }
    }

    /**
     * Plans this transaction's parameterised statements for the data they meet. These statements run every few
     * seconds on the same pooled connections, so the driver prepares them on the server, and PostgreSQL may settle on
     * a generic plan made while a flow had a dozen carts; with thousands such a plan ran for minutes. (A statement
     * without parameters always keeps its generic plan: give it one, as {@link #findCarts} does.)
     */
    static void planAfresh(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("set local plan_cache_mode = force_custom_plan")) {
            ps.execute();
        }
    }

    /** The tenant's time zone. */
    public ZoneId tenantZone() {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select time_zone from tenant where id = current_setting('"
                     + TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return ZoneId.of(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the tenant's time zone failed: " + e.getMessage(), e);
        }
    }

    private static ZoneId zone(String id, ZoneId otherwise) {
        try {
            return id == null ? otherwise : ZoneId.of(id);
        } catch (RuntimeException e) {
            return otherwise;
        }
    }
}
