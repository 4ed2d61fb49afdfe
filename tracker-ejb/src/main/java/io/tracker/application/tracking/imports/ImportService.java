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
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.RuleViolationException;
import io.tracker.domain.shared.Text;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

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
        // Empty and repeated column names are allowed here only to be refused below with a clear message.
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        // Bytes that are not text in the charset become U+FFFD here and make their row a line error below:
        // a decoder that stops at them would fail a whole 8 KB buffer at once, good rows with the bad.
        try (Reader in = withoutByteOrderMark(new InputStreamReader(csv, charset.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            if (parser.getHeaderNames().stream().anyMatch(ImportService::undecodable)) {
                throw new InvalidInputException("the header line is not valid " + charset.name() + " text; send the "
                        + "file as UTF-8 or name its charset in the Content-Type (text/csv; charset=...)");
            }
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
                            + unreadable(e));
                    break;
                }
                batch.row();
                long line = record.getRecordNumber() + 1;
                try {
                    for (int i = 0; i < record.size(); i++) {
                        if (undecodable(record.get(i))) {
                            throw new RowException("column " + (i + 1) + " has bytes that are not valid " + charset.name()
                                    + " text (send UTF-8, or name the file's charset in the Content-Type)");
                        }
                    }
                    if (!record.isConsistent()) {
                        throw new RowException("expected " + parser.getHeaderNames().size() + " fields, found "
                                + record.size());
                    }
                    reader.read(record, batch);
                } catch (PartlyImportedRowException e) {
                    e.kept().forEach(batch::add);
                    batch.reject(line, e.getMessage());
                } catch (RowException e) {
                    batch.reject(line, e.getMessage());
                } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
                    // A value the row readers let through that java.time or BigDecimal still cannot handle is the
                    // row's fault, not the server's: report it with the row, keep the others.
                    batch.reject(line, "the row's values are out of range: " + Text.echo(e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("the file could not be read as CSV: " + unreadable(e));
        } catch (IllegalArgumentException e) {
            // commons-csv refuses some header lines itself (for example a quote left open).
            throw new InvalidInputException("the header line could not be read: " + Text.echo(e.getMessage()));
        }
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

    /** True when decoding replaced bytes with U+FFFD (a file may hold a real U+FFFD only by mistake). */
    private static boolean undecodable(String value) {
        return value != null && value.indexOf('\uFFFD') >= 0;
    }

    /** Skips a UTF-8 byte order mark (U+FEFF), which spreadsheet programs put before the header. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    /**
     * The header must name every required column exactly once, and no column may be nameless:
     * rows are read by column name, so an ambiguous header would put values in the wrong place.
     */
    static void checkColumns(List<String> header, Set<String> required) {
        if (header == null || header.isEmpty()) {
            throw new InvalidInputException("the file is empty; expected a header line with " + required);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("the header line's column " + (i + 1) + " has no name; name every "
                        + "column (required: " + new TreeSet<>(required) + ")");
            }
            if (!seen.add(name)) {
                throw new InvalidInputException("the header line names the column " + Text.echo(name)
                        + " twice (columns " + (header.indexOf(name) + 1) + " and " + (i + 1) + "); each column "
                        + "must appear once");
            }
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            throw new InvalidInputException("the header line lacks the columns " + missing + "; found "
                    + Text.echo(String.join(",", header)));
        }
    }

    /** What went wrong reading the file, for its author. */
    private static String unreadable(Throwable e) {
        String message = rootMessage(e);
        return message == null || message.isBlank()
                ? "the upload broke off or timed out (" + rootCause(e).getClass().getSimpleName() + ")"
                : Text.echo(message);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
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
