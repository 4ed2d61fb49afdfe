package io.tracker.application.recovery;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.recovery.Incrementality;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cart recovery report and the cart list of the current tenant, over carts abandoned from {@code from} to
 * {@code to} (days in the tenant's time zone, both included; by default the last 30 days), for one flow or all.
 *
 * <p>The report's numbers, per cart (README "SMS cart recovery"): {@code abandoned} carts; {@code eligible} ones
 * (consent, number, value, not suppressed, not texted lately); {@code texted} (at least one text accepted by the
 * platform); {@code delivered} (the platform reported a delivery); {@code clicked} (a text's link opened);
 * {@code recovered} (texted and bought within the flow's window after the first text); {@code recovery_rate} =
 * recovered / texted; {@code recovered_revenue} (their purchases' values); {@code text_cost} (texts sent × the
 * flow's cost per message); {@code roi} = (recovered revenue − text cost) / text cost, null without cost.
 *
 * <p>{@code control}: the eligible carts held out of texting whose first text would be due by now, those that bought
 * within the window after that time, and their rate. {@code incremental} compares the text arm and the control arm by
 * the same rule (a purchase within the window after the first text's due time, whether or not it was sent: intent to
 * treat, so a failed text does not flatter the texts): recovered = the text arm's purchases − its carts × the
 * control's rate; revenue likewise with mean revenue per cart; {@code ci95} and {@code revenue_ci95} are 95%
 * intervals ({@link Incrementality}). Without a control group (or before its first carts are due) {@code control}
 * and {@code incremental} are null.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class RecoveryReportService {

    static final int MAX_DAYS = 400;
    static final int MAX_CARTS = 10_000;

    private static final String PERIOD = " r.abandoned_at >= ? and r.abandoned_at < ? and (?::bigint is null or r.flow_id = ?) ";

    @Inject
    private TenantConnections connections;

    /** The report; see the class comment. */
    public RecoveryReport report(LocalDate from, LocalDate to, Long flowId) {
        try (Connection c = connections.forCurrentTenant()) {
            CartRecoveryWork.planAfresh(c);
            Instant[] period = period(c, from, to);
            // One statement, so one snapshot: read as two, a pass committing between them showed its purchases in
            // the arms but not yet in the counts.
            RecoveryReport.Counts counts = null;
            Map<String, Incrementality.Group> arms = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("with counts as (select "
                    + "count(*) filter (where r.state = 'ABANDONED') as abandoned, "
                    + "count(*) filter (where r.eligibility = 'ELIGIBLE') as eligible, count(r.texted_at) as texted, "
                    + "count(*) filter (where exists (select 1 from recovery_message m where m.tenant_id = r.tenant_id "
                    + "  and m.cart_id = r.id and m.status = 'DELIVERED')) as delivered, "
                    + "count(r.clicked_at) as clicked, count(r.recovered_at) as recovered, "
                    + "coalesce(sum(r.recovered_value), 0) as recovered_value, "
                    + "coalesce((select sum(m.cost) from recovery_message m join recovery_cart r on r.tenant_id = m.tenant_id "
                    + "  and r.id = m.cart_id where m.sent_at is not null and " + PERIOD + "), 0) as cost "
                    + "from recovery_cart r where " + PERIOD + "), "
                    + "arms as (select r.arm, count(*) as carts, count(r.outcome_at) as bought, "
                    + "coalesce(sum(r.outcome_value), 0) as revenue, "
                    + "coalesce(sum(r.outcome_value * r.outcome_value), 0)::float8 as squares "
                    + "from recovery_cart r where r.arm is not null and r.first_due_at <= now() and " + PERIOD
                    + "group by r.arm) "
                    + "select c.*, a.* from counts c left join arms a on true")) {
                int p = bindPeriod(ps, 1, period, flowId);
                p = bindPeriod(ps, p, period, flowId);
                bindPeriod(ps, p, period, flowId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts = new RecoveryReport.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8));
                        if (rs.getString(9) != null) {
                            arms.put(rs.getString(9), new Incrementality.Group(rs.getLong(10), rs.getLong(11),
                                    rs.getBigDecimal(12), rs.getDouble(13)));
                        }
                    }
                }
            }
            return RecoveryReport.of(from, to, flowId, counts, arms.get("TEXT"), arms.get("CONTROL"));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the cart recovery report failed: " + e.getMessage(), e);
        }
    }

    /**
     * The carts, newest first, at most {@code limit} (1 to {@value #MAX_CARTS}).
     *
     * @param status null for all; {@code abandoned} (every abandoned cart), {@code texted}, {@code recovered},
     *               {@code suppressed} (not texted because the number opted out or was erased, or a text cancelled
     *               for it), {@code control}
     * @throws InvalidInputException for another status
     */
    public List<RecoveryCart> carts(String status, LocalDate from, LocalDate to, Long flowId, int limit) {
        String condition = switch (status == null ? "" : status) {
            case "" -> "true";
            case "abandoned" -> "r.state = 'ABANDONED'";
            case "texted" -> "r.texted_at is not null";
            case "recovered" -> "r.recovered_at is not null";
            case "control" -> "r.arm = 'CONTROL'";
            case "suppressed" -> "(r.eligibility = 'SUPPRESSED' or exists (select 1 from recovery_message m "
                    + "where m.tenant_id = r.tenant_id and m.cart_id = r.id and m.status = 'CANCELLED' "
                    + "and m.status_reason in ('the number opted out', 'the number was erased')))";
            default -> throw new InvalidInputException("status must be abandoned, texted, recovered, suppressed or "
                    + "control, not '" + status + "'");
        };
        try (Connection c = connections.forCurrentTenant()) {
            CartRecoveryWork.planAfresh(c);
            Instant[] period = period(c, from, to);
            List<RecoveryCart> carts = new ArrayList<>();
            Map<Long, List<RecoveryCart.Text>> texts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select r.id, r.flow_id, f.name, r.visitor_id, r.triggered_at, "
                    + "r.abandoned_at, r.value, r.currency, r.state, r.eligibility, r.arm, r.first_due_at, r.texted_at, "
                    + "r.clicked_at, r.recovered_at, r.recovered_value "
                    + "from recovery_cart r join recovery_flow f on f.tenant_id = r.tenant_id and f.id = r.flow_id "
                    + "where " + condition + " and " + PERIOD + "order by r.abandoned_at desc, r.id desc limit ?")) {
                int p = bindPeriod(ps, 1, period, flowId);
                ps.setInt(p, Math.max(1, Math.min(limit, MAX_CARTS)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        List<RecoveryCart.Text> cartTexts = new ArrayList<>();
                        texts.put(id, cartTexts);
                        String arm = rs.getString(11);
                        carts.add(new RecoveryCart(id, rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                                instant(rs, 6), rs.getBigDecimal(7), rs.getString(8).trim(),
                                RecoveryCart.status(rs.getString(9), rs.getTimestamp(13),
                                        rs.getTimestamp(15)), rs.getString(10), arm == null ? null : arm.toLowerCase(),
                                instant(rs, 12), instant(rs, 13), instant(rs, 14), instant(rs, 15), rs.getBigDecimal(16),
                                cartTexts));
                    }
                }
            }
            if (!texts.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("select m.cart_id, m.step, m.status, m.due_at, m.sent_at, "
                        + "m.delivered_at, m.attempts, m.status_reason, m.message_key::text "
                        + "from recovery_message m where m.cart_id = any(?) order by m.cart_id, m.step")) {
                    ps.setArray(1, c.createArrayOf("bigint", texts.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            texts.get(rs.getLong(1)).add(new RecoveryCart.Text(rs.getInt(2), rs.getString(3).toLowerCase(),
                                    instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getInt(7), rs.getString(8),
                                    rs.getString(9)));
                        }
                    }
                }
            }
            return carts;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the carts failed: " + e.getMessage(), e);
        }
    }

    /** [start, end) of the days from..to in the tenant's zone; by default the last 30 days up to today. */
    private static Instant[] period(Connection c, LocalDate from, LocalDate to) throws SQLException {
        ZoneId zone;
        try (PreparedStatement ps = c.prepareStatement("select time_zone from tenant where id = current_setting('"
                + TenantConnections.SETTING + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            zone = ZoneId.of(rs.getString(1));
        }
        if (to == null) {
            to = LocalDate.now(zone);
        }
        if (from == null) {
            from = to.minusDays(29);
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to (" + to + ") is before from (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("the period is longer than " + MAX_DAYS + " days");
        }
        return new Instant[] {from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()};
    }

    private static int bindPeriod(PreparedStatement ps, int first, Instant[] period, Long flowId) throws SQLException {
        ps.setTimestamp(first, Timestamp.from(period[0]));
        ps.setTimestamp(first + 1, Timestamp.from(period[1]));
        ps.setObject(first + 2, flowId);
        ps.setObject(first + 3, flowId);
        return first + 4;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
