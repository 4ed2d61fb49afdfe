package io.tracker.application.conversion.offline;

import io.tracker.application.shared.UploadRecords;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.imports.CsvFile;
import io.tracker.domain.conversion.offline.OfflineAction;
import io.tracker.domain.conversion.offline.OfflineRowReader;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports offline conversions for the current tenant (see {@link OfflineRowReader} for the columns and
 * {@link OfflineMatcher} for the matching) and keeps each upload's {@link MatchReport}.
 *
 * <p>A row is stored once: its (order id, action) — or, without an order id, all its values — make it a
 * duplicate when stored before, retracted by the conversion ledger, or repeated in the same upload. Stored
 * rows become conversions ({@code way_in = OFFLINE}) of the matched visitor, or of no visitor (counted in
 * totals, never credited); their click ids and hashed identifiers go to {@code conversion_identity}; matched
 * visitors are marked for the attribution worker in the import's transaction. The raw e-mail, phone, names
 * and address never reach the database.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class OfflineConversionService {

    private static final String ACTIONS = "select id, action_key, status = 'ACTIVE', default_value, "
            + "value_source = 'FIXED', currency, lookback_days from conversion_action";
    private static final String START = "insert into offline_import (tenant_id, source, actor) "
            + "values (current_setting('" + TenantConnections.SETTING + "'), ?, ?) returning id, received_at";
    static final String REPORT_COLUMNS = "id, received_at, source, rows, stored, matched_click_id, matched_email, "
            + "matched_phone, unmatched, outside_lookback, duplicates, rejected, invalid_email, invalid_phone, "
            + "fields::text, errors::text";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    /**
     * Imports a CSV file of offline conversions (header line with at least {@code time} and {@code action}; other
     * columns than {@link OfflineRowReader#COLUMNS} are ignored).
     *
     * @throws io.tracker.domain.shared.InvalidInputException when the file or its header is unusable
     */
    public MatchReport importCsv(InputStream csv, Charset charset) {
        OfflineUpload upload = start("CSV");
        CsvFile.read(csv, charset, Set.of("time", "action"), new CsvFile.Rows() {
            @Override
            public void row() {
                upload.row();
            }

            @Override
            public void read(CSVRecord record, long line) {
                upload.read(line, column -> record.isMapped(column) ? record.get(column) : null);
            }

            @Override
            public void reject(long line, String error) {
                upload.reject(line, null, error);
            }
        });
        return upload.finish();
    }

    /**
     * Imports offline conversions sent as JSON objects by a CRM: each row a map of the CSV's column names to
     * their text; errors name the row by its index (from 0).
     */
    public MatchReport importRows(List<Map<String, String>> rows) {
        OfflineUpload upload = start("API");
        for (int i = 0; i < rows.size(); i++) {
            upload.row();
            Map<String, String> row = rows.get(i);
            upload.read(i, row::get);
        }
        return upload.finish();
    }

    /** An earlier upload's report. */
    public MatchReport report(long id) {
        return UploadRecords.one(connections::forCurrentTenant, "offline_import", REPORT_COLUMNS, id,
                "offline conversion upload", MatchReports::read);
    }

    /** The latest uploads' reports, newest first (at most {@code limit}). */
    public List<MatchReport> recent(int limit) {
        return UploadRecords.latest(connections::forCurrentTenant, "offline_import", REPORT_COLUMNS, limit,
                MatchReports::read);
    }

    private OfflineUpload start(String source) {
        Tenant tenant = tenants.current();
        try {
            Connection c = connections.forCurrentTenant();
            Map<String, OfflineAction> actions = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(ACTIONS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.put(rs.getString(2), new OfflineAction(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                            rs.getBigDecimal(4), rs.getBoolean(5), rs.getString(6), rs.getInt(7)));
                }
            }
            long id;
            Instant receivedAt;
            try (PreparedStatement ps = c.prepareStatement(START)) {
                ps.setString(1, source);
                ps.setString(2, currentTenant.actor());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                    receivedAt = rs.getTimestamp(2).toInstant();
                }
            }
            OfflineRowReader reader = new OfflineRowReader(tenant.getTimeZone(), tenant.getPhoneRegion(),
                    tenant.getCurrency().getCurrencyCode(), actions, Instant.now());
            return new OfflineUpload(c, currentTenant.require(), id, receivedAt, source, reader);
        } catch (SQLException e) {
            throw new IllegalStateException("starting the upload failed: " + e.getMessage(), e);
        }
    }
}
