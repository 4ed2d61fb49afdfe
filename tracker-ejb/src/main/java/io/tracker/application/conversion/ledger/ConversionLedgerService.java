package io.tracker.application.conversion.ledger;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.imports.CsvFile;
import io.tracker.domain.conversion.ledger.Adjustment;
import io.tracker.domain.conversion.ledger.AdjustmentException;
import io.tracker.domain.conversion.ledger.AdjustmentKind;
import io.tracker.domain.conversion.ledger.AdjustmentReader;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * The conversion ledger of the current tenant: applies adjustments to recorded conversions by order id
 * ({@link LedgerBatch} says how each is applied) and reads the ledger back.
 *
 * <p>Each adjustment stands on its own: a bad one (unreadable, an unknown action or order, a retracted order, a
 * currency other than the conversion's, a time before the conversion or the order's latest adjustment) is
 * reported with its position and reason, the good ones of the same batch are applied; an adjustment sent again
 * is a duplicate and changes nothing. A batch is one transaction: a database failure stores nothing of it.
 * Another tenant's orders are invisible (row-level security): adjusting one is "no conversion has the order id".
 *
 * <p><b>Net and gross.</b> Reports read conversions as they are now, so their revenue is <em>net</em> of the
 * ledger. {@link #takenAway} is what the ledger took away from a period's conversions: per adjusted conversion,
 * its value when it first arrived (the first ledger row's {@code value_before}) less its value now (0 when
 * retracted). Gross revenue = net + that. A restatement upwards (a lead that became a sale) takes away a
 * negative amount.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class ConversionLedgerService {

    /** Most errors an answer lists (the counts cover all). */
    public static final int MAX_ERRORS = 1_000;
    /** Most ledger rows {@link #list} answers. */
    public static final int MAX_PAGE = 1_000;
    /** The columns a CSV file must name (the others of {@link AdjustmentReader#COLUMNS} are optional). */
    static final Set<String> REQUIRED_COLUMNS = Set.of("order_id", "type", "time");

    private static final String ACTIONS = "select action_key, id from conversion_action where tenant_id = ?";
    private static final String LIST = "select a.id, a.kind, a.order_id, ca.action_key, a.conversion_id, "
            + "a.converted_at, a.adjusted_at, a.value_before, a.value_after, a.currency, a.source, a.received_at "
            + "from conversion_adjustment a "
            + "left join conversion_action ca on ca.tenant_id = a.tenant_id and ca.id = a.action_id "
            + "where a.tenant_id = ? and a.adjusted_at >= ? and a.adjusted_at < ? "
            + "order by a.adjusted_at desc, a.id desc limit ?";
    /**
     * Per adjusted macro conversion of the period: its first value (the first ledger row's value before) less its
     * value now (0 when retracted; a conversion not counted now counts in neither net nor gross).
     */
    private static final String TAKEN_AWAY = "select coalesce(sum(f.value_before - coalesce(c.value, 0)), 0) "
            + "from (select distinct on (a.conversion_id) a.conversion_id, a.value_before "
            + "      from conversion_adjustment a "
            + "      join conversion_action ca on ca.tenant_id = a.tenant_id and ca.id = a.action_id "
            + "      where a.tenant_id = ? and ca.category = 'MACRO' and a.converted_at >= ? and a.converted_at < ? "
            + "      order by a.conversion_id, a.id) f "
            + "left join conversion c on c.tenant_id = ? and c.id = f.conversion_id "
            + "where c.id is null or c.counted";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    /**
     * Applies adjustments sent as JSON objects (the API): each a map of field name to text ({@link AdjustmentReader}
     * names the fields); a null map is an item that is not an object. Errors name the index, from 0.
     */
    public LedgerReport applyRows(List<Map<String, String>> rows) {
        return run(AdjustmentSource.API, (batch, reader) -> {
            for (int i = 0; i < rows.size(); i++) {
                batch.received();
                Map<String, String> row = rows.get(i);
                if (row == null) {
                    batch.reject(i, "each adjustment must be a JSON object");
                    continue;
                }
                read(batch, reader, i, row::get);
            }
        });
    }

    /**
     * Applies a CSV file of adjustments, streamed: a header line naming at least {@code order_id}, {@code type}
     * and {@code time} (also {@code action}, {@code value}, {@code currency}; other columns are ignored). Errors
     * name the line (the header is line 1).
     *
     * @throws io.tracker.domain.shared.InvalidInputException when the file or its header is unusable
     */
    public LedgerReport importCsv(InputStream csv, Charset charset) {
        return run(AdjustmentSource.CSV, (batch, reader) -> CsvFile.read(csv, charset, REQUIRED_COLUMNS,
                new CsvFile.Rows() {
                    @Override
                    public void row() {
                        batch.received();
                    }

                    @Override
                    public void read(CSVRecord record, long line) {
                        try {
                            ConversionLedgerService.read(batch, reader, line,
                                    column -> record.isMapped(column) ? record.get(column) : null);
                        } catch (SQLException e) {
                            throw new Failed(e);
                        }
                    }

                    @Override
                    public void reject(long line, String error) {
                        batch.reject(line, error);
                    }
                }));
    }

    /**
     * Applies adjustments made by Tracker's own readers (Segment's {@code Order Refunded} and
     * {@code Order Cancelled}); errors name the position in the list, from 0.
     */
    public LedgerReport apply(List<Adjustment> adjustments, AdjustmentSource source) {
        return run(source, (batch, reader) -> {
            for (int i = 0; i < adjustments.size(); i++) {
                batch.received();
                batch.add(i, adjustments.get(i));
            }
        });
    }

    /**
     * The ledger rows whose adjustment time is in [{@code from}, {@code to}), newest first, at most {@code limit}.
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public List<LedgerEntry> list(Instant from, Instant to, int limit) {
        List<LedgerEntry> entries = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(LIST)) {
            ps.setString(1, currentTenant.require());
            ps.setObject(2, from.atOffset(ZoneOffset.UTC));
            ps.setObject(3, to.atOffset(ZoneOffset.UTC));
            ps.setInt(4, Math.max(1, Math.min(limit, MAX_PAGE)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new LedgerEntry(rs.getLong(1), AdjustmentKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getLong(5), instant(rs, 6), instant(rs, 7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9), rs.getString(10).strip(), rs.getString(11), instant(rs, 12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the conversion ledger failed: " + e.getMessage(), e);
        }
        return entries;
    }

    /**
     * What the ledger took away from the revenue of the counted macro conversions that happened in
     * [{@code from}, {@code to}) (see the class comment): gross revenue = net revenue + this. Summed as recorded,
     * like the reports' revenue (no currency conversion).
     */
    @RequiresPermission(Permission.READ_REPORTS)
    public BigDecimal takenAway(Instant from, Instant to) {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(TAKEN_AWAY)) {
            ps.setString(1, tenantId);
            ps.setObject(2, from.atOffset(ZoneOffset.UTC));
            ps.setObject(3, to.atOffset(ZoneOffset.UTC));
            ps.setString(4, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the conversion ledger failed: " + e.getMessage(), e);
        }
    }

    private static void read(LedgerBatch batch, AdjustmentReader reader, long position, Function<String, String> field)
            throws SQLException {
        Adjustment adjustment;
        try {
            adjustment = reader.read(field);
        } catch (AdjustmentException e) {
            batch.reject(position, e.getMessage());
            return;
        }
        batch.add(position, adjustment);
    }

    @FunctionalInterface
    private interface Work {
        void run(LedgerBatch batch, AdjustmentReader reader) throws SQLException;
    }

    /** A database failure while a CSV file streams, carried out of the row callback. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(SQLException cause) {
            super(cause);
        }
    }

    private LedgerReport run(AdjustmentSource source, Work work) {
        Tenant tenant = tenants.current();
        String tenantId = currentTenant.require();
        AdjustmentReader reader = new AdjustmentReader(tenant.getTimeZone(), tenant.getDefaultActionKey(),
                Clock.systemUTC());
        try (Connection c = connections.forCurrentTenant()) {
            Map<String, Long> actions = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(ACTIONS)) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            LedgerBatch batch = new LedgerBatch(c, tenantId, actions, source, Instant.now());
            try {
                work.run(batch, reader);
            } catch (Failed e) {
                throw (SQLException) e.getCause();
            }
            return batch.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("applying conversion adjustments failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
