package io.tracker.application.tracking.imports;

import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.DateTimeException;
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
 * Reads an uploaded CSV file row by row, for every import: a file whose header is unusable (empty, a nameless
 * or repeated column, a required column missing, bytes that are not text in the file's charset) is refused as
 * a whole ({@link InvalidInputException}); a row with such bytes, the wrong number of fields or a value the
 * reader refuses ({@link RowException}, or a {@link DateTimeException}, {@link ArithmeticException} or
 * {@link IllegalArgumentException} from java.time or BigDecimal) is rejected with its line number and the
 * reading goes on. A UTF-8 byte order mark is skipped. Line numbers count the header as line 1.
 */
public final class CsvFile {

    /** What an import does with the rows. */
    public interface Rows {

        /** Called for every record read, good or bad, before it is checked. */
        void row();

        /** A row with the right number of decodable fields; throw {@link RowException} to reject it. */
        void read(CSVRecord record, long line);

        /** A row that cannot be read, with the reason for the file's author. */
        void reject(long line, String error);
    }

    private CsvFile() {
    }

    public static void read(InputStream csv, Charset charset, Set<String> requiredColumns, Rows rows) {
        // Empty and repeated column names are allowed here only to be refused below with a clear message.
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        // Bytes that are not text in the charset become U+FFFD here and make their row a line error below:
        // a decoder that stops at them would fail a whole 8 KB buffer at once, good rows with the bad.
        try (Reader in = withoutByteOrderMark(new InputStreamReader(csv, charset.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            if (parser.getHeaderNames().stream().anyMatch(CsvFile::undecodable)) {
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
                    rows.reject(parser.getCurrentLineNumber() + 1, "unreadable CSV, import stopped here: "
                            + unreadable(e));
                    break;
                }
                rows.row();
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
                    rows.read(record, line);
                } catch (RowException e) {
                    rows.reject(line, e.getMessage());
                } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
                    // A value the row readers let through that java.time or BigDecimal still cannot handle is the
                    // row's fault, not the server's: report it with the row, keep the others.
                    rows.reject(line, "the row's values are out of range: " + Text.echo(e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("the file could not be read as CSV: " + unreadable(e));
        } catch (IllegalArgumentException e) {
            // commons-csv refuses some header lines itself (for example a quote left open).
            throw new InvalidInputException("the header line could not be read: " + Text.echo(e.getMessage()));
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

}
