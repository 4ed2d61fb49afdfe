package io.tracker.application.tracking.imports;

import io.tracker.application.attribution.PendingAttribution;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.Permission;
import io.tracker.application.tracking.EventStore;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.shared.RuleViolationException;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports files of touchpoints and conversions for the current tenant, streaming them row by
 * row. A bad row is skipped and reported with its line number; the good rows are kept. Rows pass
 * the event API's checks (time range, value bounds, text rules). A file whose header is unusable
 * (empty, a nameless or repeated column, a required column missing, bytes that are not text in
 * the file's charset) is refused as a whole; a row with such bytes is a line error. A UTF-8 byte
 * order mark is skipped. Imports are idempotent: each row's event id is derived from its content, so a file imported twice is
 * stored once. The visitors of stored rows are marked for re-attribution chunk by chunk, in the import's
 * transaction; the attribution worker re-attributes them once the import has committed.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class ImportService {

    @EJB
    private EventStore store;

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    @EJB
    private ConversionActionService conversionActions;

    /**
     * Imports a touchpoint CSV in the common multi-touch layout
     * {@code customer_id,time,interaction,conversion,conversion_value,channel} ({@code interaction}
     * and {@code conversion_action} optional; see {@link TouchpointCsvRows}), in UTF-8.
     */
    public ImportReport importTouchpointCsv(InputStream csv) {
        return importTouchpointCsv(csv, StandardCharsets.UTF_8);
    }

    /**
     * The same in the given character set: a row with bytes that are not text in that set is a
     * line error (never stored with U+FFFD in their place); a header with such bytes refuses the file.
     */
    public ImportReport importTouchpointCsv(InputStream csv, Charset charset) {
        Tenant tenant = tenants.current();
        TouchpointCsvRows rows = new TouchpointCsvRows(tenant.getTimeZone(), defaultAction(tenant),
                conversionActions.countingRules(), tenant.getCurrency().getCurrencyCode(), Clock.systemUTC());
        return run(csv, charset, TouchpointCsvRows.COLUMNS, (record, batch) -> rows.read(record).forEach(batch::add));
    }

    /**
     * Imports a Google Analytics session export with the columns of the GA 360 sample
     * ({@code fullVisitorId, channelGrouping, time, totalTransactionRevenue, visitId, currencyCode,
     * transactionId, …}; see {@link GaSessionRows}), in UTF-8.
     */
    public ImportReport importGaSessions(InputStream csv) {
        return importGaSessions(csv, StandardCharsets.UTF_8);
    }

    /** The same in the given character set (see {@link #importTouchpointCsv(InputStream, Charset)}). */
    public ImportReport importGaSessions(InputStream csv, Charset charset) {
        Tenant tenant = tenants.current();
        GaSessionRows rows = new GaSessionRows(defaultAction(tenant), tenant.getCurrency(), Clock.systemUTC());
        return run(csv, charset, GaSessionRows.COLUMNS, (record, batch) -> rows.read(record).forEach(batch::add));
    }

    private CountingRule defaultAction(Tenant tenant) {
        return conversionActions.findByKey(tenant.getDefaultActionKey()).map(ConversionAction::countingRule)
                .orElseThrow(() -> new RuleViolationException("the tenant's default conversion action '"
                        + tenant.getDefaultActionKey() + "' does not exist"));
    }

    private ImportReport run(InputStream csv, Charset charset, Set<String> requiredColumns, RowReader reader) {
        ImportBatch batch = new ImportBatch(store, this::markForAttribution);
        CsvFile.read(csv, charset, requiredColumns, new CsvFile.Rows() {
            @Override
            public void row() {
                batch.row();
            }

            @Override
            public void read(CSVRecord record, long line) {
                try {
                    reader.read(record, batch);
                } catch (PartlyImportedRowException e) {
                    e.kept().forEach(batch::add);
                    throw e;
                }
            }

            @Override
            public void reject(long line, String error) {
                batch.reject(line, error);
            }
        });
        batch.flush();
        return batch.report();
    }

    private void markForAttribution(Collection<String> visitors) {
        try (Connection c = connections.forCurrentTenant()) {
            PendingAttribution.mark(c, currentTenant.require(), visitors);
        } catch (SQLException e) {
            throw new IllegalStateException("marking visitors for attribution failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(CSVRecord record, ImportBatch batch);
    }
}
