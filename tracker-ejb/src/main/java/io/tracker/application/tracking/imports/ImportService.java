package io.tracker.application.tracking.imports;

import io.tracker.application.attribution.AttributionService;
import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.Permission;
import io.tracker.application.tracking.EventStore;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.RuleViolationException;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports files of touchpoints and conversions for the current tenant, streaming them row by
 * row. A bad row is skipped and reported with its line number; the good rows are kept. Imports
 * are idempotent: each row's event id is derived from its content, so a file imported twice is
 * stored once.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class ImportService {

    @EJB
    private EventStore store;

    @EJB
    private AttributionService attribution;

    @EJB
    private TenantService tenants;

    @EJB
    private ConversionActionService conversionActions;

    /**
     * Imports a touchpoint CSV in the common multi-touch layout
     * {@code customer_id,time,interaction,conversion,conversion_value,channel} (see
     * {@link TouchpointCsvRows}).
     */
    public ImportReport importTouchpointCsv(InputStream csv) {
        Tenant tenant = tenants.current();
        TouchpointCsvRows rows = new TouchpointCsvRows(tenant.getTimeZone(), defaultAction(tenant),
                tenant.getCurrency().getCurrencyCode());
        return run(csv, TouchpointCsvRows.COLUMNS, (record, batch) -> rows.read(record).forEach(batch::add));
    }

    /**
     * Imports a Google Analytics session export with the columns of the GA 360 sample
     * ({@code fullVisitorId, channelGrouping, time, totalTransactionRevenue, visitId, currencyCode,
     * transactionId, …}; see {@link GaSessionRows}).
     */
    public ImportReport importGaSessions(InputStream csv) {
        Tenant tenant = tenants.current();
        GaSessionRows rows = new GaSessionRows(defaultAction(tenant), tenant.getCurrency().getCurrencyCode());
        return run(csv, GaSessionRows.COLUMNS, (record, batch) -> rows.read(record).forEach(batch::add));
    }

    private CountingRule defaultAction(Tenant tenant) {
        return conversionActions.findByKey(tenant.getDefaultActionKey()).map(ConversionAction::countingRule)
                .orElseThrow(() -> new RuleViolationException("the tenant's default conversion action '"
                        + tenant.getDefaultActionKey() + "' does not exist"));
    }

    private ImportReport run(InputStream csv, Set<String> requiredColumns, RowReader reader) {
        ImportBatch batch = new ImportBatch(store);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader in = new InputStreamReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            checkColumns(parser.getHeaderNames(), requiredColumns);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    batch.reject(parser.getCurrentLineNumber() + 1, "unreadable CSV, import stopped here: "
                            + rootMessage(e));
                    break;
                }
                batch.row();
                long line = record.getRecordNumber() + 1;
                try {
                    if (!record.isConsistent()) {
                        throw new RowException("expected " + parser.getHeaderNames().size() + " fields, found "
                                + record.size());
                    }
                    reader.read(record, batch);
                } catch (RowException e) {
                    batch.reject(line, e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("the file could not be read as CSV: " + rootMessage(e));
        }
        batch.flush();
        attribution.reattribute(batch.visitors());
        return batch.report();
    }

    private static void checkColumns(List<String> header, Set<String> required) {
        if (header == null || header.isEmpty()) {
            throw new InvalidInputException("the file is empty; expected a header line with " + required);
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new InvalidInputException("the header line lacks the columns " + missing + "; found " + header);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @FunctionalInterface
    private interface RowReader {
        void read(CSVRecord record, ImportBatch batch);
    }
}
