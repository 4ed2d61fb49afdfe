package io.tracker.application.conversion.ledger;

import io.tracker.application.attribution.PendingAttribution;
import io.tracker.domain.conversion.ledger.Adjustment;
import io.tracker.domain.conversion.ledger.AdjustmentException;
import io.tracker.domain.conversion.ledger.AdjustmentKind;
import io.tracker.domain.conversion.ledger.AdjustmentReader;
import io.tracker.domain.conversion.ledger.Change;
import io.tracker.domain.shared.Text;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies one request's adjustments on the connection of its transaction, chunk by chunk, each adjustment on
 * its own: a bad one is counted and reported with its position, the others go on.
 *
 * <p>Per adjustment: the conversion is found by its action and order id and locked ({@code for update}, as the
 * attribution worker locks the conversions it credits, so neither overwrites the other); an adjustment stored
 * before (its de-duplication key) is a duplicate and changes nothing; otherwise the currency (when given) must
 * be the conversion's and the time neither before the conversion nor before the order's latest adjustment
 * (adjustments apply in time order, so an old one sent late never overwrites a newer value). The ledger row is
 * inserted first ({@code on conflict do nothing}: a concurrent twin makes this one a duplicate), then the
 * conversion is updated (RESTATE) or deleted (RETRACT: its credits go with it, V17's cascade, and the roll-ups'
 * triggers take its value out). Each chunk is applied in (action, order, time) order, so two batches lock
 * shared orders in the same order. The visitors of changed conversions are marked for re-attribution in the
 * same transaction: the worker rewrites their credits with the new values.
 */
final class LedgerBatch {

    /** Adjustments applied at a time (and the most held in memory while a CSV file streams). */
    static final int CHUNK = 500;

    private static final String CONVERSION = "select id, value, currency, occurred_at, visitor_id from conversion "
            + "where tenant_id = ? and action_id = ? and dedupe_key = ? for update";
    private static final String STORED = "select 1 from conversion_adjustment where tenant_id = ? and dedupe_key = ?";
    private static final String RETRACTED = "select adjusted_at from conversion_adjustment where tenant_id = ? "
            + "and action_id = ? and order_id = ? and kind = 'RETRACT' order by id limit 1";
    private static final String LATEST = "select max(adjusted_at) from conversion_adjustment where tenant_id = ? "
            + "and conversion_id = ?";
    private static final String INSERT = "insert into conversion_adjustment (tenant_id, kind, order_id, action_id, "
            + "conversion_id, converted_at, visitor_id, adjusted_at, value_before, value_after, currency, source, "
            + "dedupe_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (tenant_id, dedupe_key) do nothing returning id";
    private static final String RESTATE = "update conversion set value = ? where tenant_id = ? and id = ?";
    private static final String RETRACT = "delete from conversion where tenant_id = ? and id = ?";

    private final Connection c;
    private final String tenantId;
    private final Map<String, Long> actions;
    private final AdjustmentSource source;
    private final Instant now;

    private final List<Item> pending = new ArrayList<>();
    private final List<LedgerReport.ItemError> errors = new ArrayList<>();
    private final Set<String> visitors = new TreeSet<>();
    private int received;
    private int applied;
    private int duplicates;
    private int rejected;

    /**
     * @param c        a connection acting for {@code tenantId} in the caller's transaction (not closed here)
     * @param actions  the tenant's conversion actions: id by key
     */
    LedgerBatch(Connection c, String tenantId, Map<String, Long> actions, AdjustmentSource source, Instant now) {
        this.c = c;
        this.tenantId = tenantId;
        this.actions = actions;
        this.source = source;
        this.now = now;
    }

    private record Item(long position, Adjustment adjustment) {
    }

    /** One more adjustment received (good or bad). */
    void received() {
        received++;
    }

    /** An adjustment that could not be read. */
    void reject(long position, String error) {
        rejected++;
        errors.add(new LedgerReport.ItemError(position, error));
        if (errors.size() >= 2 * ConversionLedgerService.MAX_ERRORS) {
            trimErrors();
        }
    }

    /** A readable adjustment; applied with its chunk. */
    void add(long position, Adjustment adjustment) throws SQLException {
        pending.add(new Item(position, adjustment));
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    /** Applies what is pending, marks the changed visitors and sums up. */
    LedgerReport finish() throws SQLException {
        flush();
        PendingAttribution.mark(c, tenantId, visitors);
        trimErrors();
        return new LedgerReport(received, applied, duplicates, rejected, List.copyOf(errors));
    }

    private void trimErrors() {
        errors.sort(Comparator.comparingLong(LedgerReport.ItemError::position));
        if (errors.size() > ConversionLedgerService.MAX_ERRORS) {
            errors.subList(ConversionLedgerService.MAX_ERRORS, errors.size()).clear();
        }
    }

    private void flush() throws SQLException {
        pending.sort(Comparator.comparing((Item i) -> i.adjustment().actionKey())
                .thenComparing(i -> i.adjustment().orderId())
                .thenComparing(i -> i.adjustment().adjustedAt())
                .thenComparingLong(Item::position));
        for (Item item : pending) {
            try {
                if (apply(item.adjustment())) {
                    applied++;
                } else {
                    duplicates++;
                }
            } catch (AdjustmentException e) {
                reject(item.position(), e.getMessage());
            }
        }
        pending.clear();
    }

    /** True when applied, false for a duplicate. */
    private boolean apply(Adjustment a) throws SQLException, AdjustmentException {
        Long actionId = actions.get(a.actionKey());
        if (actionId == null) {
            throw new AdjustmentException("action", "no conversion action has the key " + Text.echo(a.actionKey()));
        }
        String key = a.dedupeKey(actionId);
        Found conversion = find(actionId, a.orderId());
        if (stored(key)) {
            return false;
        }
        if (conversion == null) {
            Instant retractedAt = retractedAt(actionId, a.orderId());
            if (retractedAt != null) {
                throw new AdjustmentException("order_id", "the order " + Text.echo(a.orderId()) + " of "
                        + Text.echo(a.actionKey()) + " was retracted (at " + retractedAt + "); a retracted conversion "
                        + "cannot be adjusted again");
            }
            throw new AdjustmentException("order_id", "no conversion of " + Text.echo(a.actionKey())
                    + " has the order id " + Text.echo(a.orderId()));
        }
        if (a.currency() != null && !a.currency().equals(conversion.currency())) {
            throw new AdjustmentException("currency", a.currency() + " is not the conversion's currency, "
                    + conversion.currency() + "; send the value in " + conversion.currency());
        }
        AdjustmentReader.inRange("time", a.adjustedAt(), now);
        if (a.adjustedAt().isBefore(conversion.occurredAt())) {
            throw new AdjustmentException("time", a.adjustedAt() + " is before the conversion itself ("
                    + conversion.occurredAt() + ")");
        }
        Instant latest = latest(conversion.id());
        if (latest != null && a.adjustedAt().isBefore(latest)) {
            throw new AdjustmentException("time", a.adjustedAt() + " is before this order's latest adjustment ("
                    + latest + "); adjustments apply in time order");
        }
        Change.Resolved resolved = a.change().resolve(conversion.value());
        if (!insert(a, actionId, key, conversion, resolved)) {
            return false;
        }
        if (resolved.kind() == AdjustmentKind.RESTATE) {
            try (PreparedStatement ps = c.prepareStatement(RESTATE)) {
                ps.setBigDecimal(1, resolved.valueAfter());
                ps.setString(2, tenantId);
                ps.setLong(3, conversion.id());
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(RETRACT)) {
                ps.setString(1, tenantId);
                ps.setLong(2, conversion.id());
                ps.executeUpdate();
            }
        }
        if (conversion.visitorId() != null) {
            visitors.add(conversion.visitorId());
        }
        return true;
    }

    private record Found(long id, BigDecimal value, String currency, Instant occurredAt, String visitorId) {
    }

    private Found find(long actionId, String orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONVERSION)) {
            ps.setString(1, tenantId);
            ps.setLong(2, actionId);
            // the conversion's de-duplication key (CountingRule.dedupeKey): unique per action
            ps.setString(3, "order:" + orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Found(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3).strip(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
            }
        }
    }

    private boolean stored(String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STORED)) {
            ps.setString(1, tenantId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Instant retractedAt(long actionId, String orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RETRACTED)) {
            ps.setString(1, tenantId);
            ps.setLong(2, actionId);
            ps.setString(3, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        }
    }

    private Instant latest(long conversionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LATEST)) {
            ps.setString(1, tenantId);
            ps.setLong(2, conversionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        }
    }

    private boolean insert(Adjustment a, long actionId, String key, Found conversion, Change.Resolved resolved)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int p = 1;
            ps.setString(p++, tenantId);
            ps.setString(p++, resolved.kind().name());
            ps.setString(p++, a.orderId());
            ps.setLong(p++, actionId);
            ps.setLong(p++, conversion.id());
            ps.setObject(p++, conversion.occurredAt().atOffset(ZoneOffset.UTC));
            ps.setString(p++, conversion.visitorId());
            ps.setObject(p++, a.adjustedAt().atOffset(ZoneOffset.UTC));
            ps.setBigDecimal(p++, conversion.value());
            ps.setBigDecimal(p++, resolved.valueAfter());
            ps.setString(p++, conversion.currency());
            ps.setString(p++, source.name());
            ps.setString(p, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
