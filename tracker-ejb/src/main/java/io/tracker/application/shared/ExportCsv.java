package io.tracker.application.shared;

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
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV export of an ad platform or a shop (cost, platform conversions, store orders): skips a UTF-8 byte
 * order mark, finds the header line among the first {@value #HEADER_SEARCH_LINES} lines (those before it are the
 * export's titles, counted as skipped), then hands every further line to the importer. A file that is not CSV, or
 * has no header, is refused as a whole ({@link InvalidInputException}, 400); CSV that breaks off after the header
 * rejects the line and stops.
 */
public final class ExportCsv {

    /** How many lines may come before the header line (the exports' titles, date ranges, notes). */
    public static final int HEADER_SEARCH_LINES = 20;

    /** Takes the lines under the header. */
    @FunctionalInterface
    public interface Lines<H> {
        void line(H header, long line, List<String> cells);
    }

    /** The counts of an upload's report while it is read. */
    public static final class Tally {
        private final RejectedRows rejected = new RejectedRows();
        private int rows;
        private int skipped;

        /** A data row was read. */
        public void row() {
            rows++;
        }

        /** A title, total, note or blank line was skipped. */
        public void skip() {
            skipped++;
        }

        public void reject(long line, String column, String error) {
            rejected.add(line, column, error);
        }

        public int rows() {
            return rows;
        }

        public int skipped() {
            return skipped;
        }

        public RejectedRows rejected() {
            return rejected;
        }

        /**
         * Rejects a line with bytes that are not text in the charset (decoded as U+FFFD).
         *
         * @return whether it did
         */
        public boolean rejectInvalidBytes(long line, List<String> cells, Charset charset) {
            if (cells.stream().noneMatch(c -> c != null && c.indexOf('\uFFFD') >= 0)) {
                return false;
            }
            reject(line, null, "has bytes that are not valid " + charset.name() + " text (send UTF-8, or name the "
                    + "file's charset in the Content-Type)");
            return true;
        }
    }

    private ExportCsv() {
    }

    /**
     * @param header   the header a line is, if it is one
     * @param expected what a header should hold, for the refusal's message
     * @return the header found
     */
    public static <H> H read(InputStream csv, Charset charset, Tally tally, Function<List<String>, Optional<H>> header,
                      Lines<H> lines, String expected) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false)
                .get();
        try (Reader in = withoutByteOrderMark(new InputStreamReader(csv, charset.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            H found = null;
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (found == null) {
                        throw new InvalidInputException("the file could not be read as CSV: " + Text.echo(e.getMessage()));
                    }
                    tally.reject(line, null, "unreadable CSV, import stopped here: " + Text.echo(e.getMessage()));
                    break;
                }
                List<String> cells = record.toList();
                if (found == null) {
                    found = header.apply(cells).orElse(null);
                    if (found == null && record.getRecordNumber() >= HEADER_SEARCH_LINES) {
                        break;
                    }
                    if (found == null) {
                        tally.skip();
                    }
                    continue;
                }
                lines.line(found, line, cells);
            }
            if (found == null) {
                throw new InvalidInputException("no header line found in the file's first " + HEADER_SEARCH_LINES
                        + " lines: expected " + expected);
            }
            return found;
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("the file could not be read as CSV: " + Text.echo(e.getMessage()));
        }
    }

    /** Skips a UTF-8 byte order mark (U+FEFF), which spreadsheet programs put before the first line. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
