package io.tracker.application.audit;

import io.tracker.application.shared.RejectedRows;
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
 * Reads a shop's or platform's CSV export: skips a UTF-8 byte order mark, finds the header line among the first
 * {@value #HEADER_SEARCH_LINES} lines (those before it are the export's titles, counted as skipped), then hands every
 * further line to the importer. Lines with bytes that are not text in the charset are rejected; a file that is not
 * CSV, or has no header, is refused as a whole ({@link InvalidInputException}, 400).
 */
final class ExportCsv {

    /** How many lines may come before the header line (the exports' titles, date ranges, notes). */
    static final int HEADER_SEARCH_LINES = 20;

    /** Takes the lines under the header. */
    @FunctionalInterface
    interface Lines<H> {
        void line(H header, long line, List<String> cells);
    }

    /** The counts of an upload's report while it is read. */
    static final class Tally {
        final RejectedRows rejected = new RejectedRows();
        int rows;
        int skipped;
    }

    private ExportCsv() {
    }

    /**
     * @param header   the header a line is, if it is one
     * @param expected what a header should hold, for the refusal's message
     * @return the header found
     */
    static <H> H read(InputStream csv, Charset charset, Tally tally, Function<List<String>, Optional<H>> header,
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
                    tally.rejected.add(line, null, "unreadable CSV, import stopped here: " + Text.echo(e.getMessage()));
                    break;
                }
                List<String> cells = record.toList();
                if (found == null) {
                    found = header.apply(cells).orElse(null);
                    if (found == null && record.getRecordNumber() >= HEADER_SEARCH_LINES) {
                        break;
                    }
                    tally.skipped += found == null ? 1 : 0;
                    continue;
                }
                if (cells.stream().anyMatch(c -> c != null && c.indexOf('\uFFFD') >= 0)) {
                    tally.rows++;
                    tally.rejected.add(line, null, "has bytes that are not valid " + charset.name() + " text (send "
                            + "UTF-8, or name the file's charset in the Content-Type)");
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
