package io.tracker.domain.attribution;

import io.tracker.domain.shared.ContentTooLargeException;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Path data in ChannelAttribution's layout, read from text:
 * {@code path;total_conversions;total_conversion_value;total_null}.
 *
 * <ul>
 *   <li>{@code path}: channels joined by {@code >} (written {@code " > "}); each channel is trimmed,
 *       must not be empty, at most {@value #MAX_CHANNEL_LENGTH} characters, and names are compared
 *       exactly (case-sensitive);</li>
 *   <li>{@code total_conversions}, {@code total_null}: whole numbers ≥ 0 (a decimal form such as
 *       {@code 3.0} is accepted);</li>
 *   <li>{@code total_conversion_value}: a decimal ≥ 0 with {@code .} as the decimal point, below
 *       10^15; empty means 0; it must be 0 when {@code total_conversions} is 0 (value without a
 *       conversion could be credited by no model).</li>
 * </ul>
 * Fields are separated by {@code ;} unless another separator is chosen ({@code ,} or tab), may be
 * quoted, and are trimmed. The header line is optional: a first line naming any of the four
 * columns is a header, and then the four columns are found by name (in any order; other columns
 * are ignored, every line has the header's number of fields). Without a header every line has the
 * four fields in the order above. Empty lines are skipped. A path on several lines is summed.
 *
 * <p>A bad line is skipped and reported with its line number ({@link #rejected()}, the first
 * {@value #MAX_ERRORS_LISTED} listed, all counted); the good lines are kept. Bounds (exceeding one
 * throws {@link ContentTooLargeException}): {@value #MAX_LINES} data lines,
 * {@value #MAX_CHANNELS} distinct channels (the Markov model solves one linear system per channel).
 */
public final class PathFile {

    public static final int MAX_LINES = 200_000;
    public static final int MAX_CHANNELS = 100;
    public static final int MAX_CHANNEL_LENGTH = 100;
    public static final int MAX_ERRORS_LISTED = 1_000;
    /** The separators a caller may choose. */
    public static final Set<Character> SEPARATORS = Set.of(';', ',', '\t');
    public static final List<String> COLUMNS = List.of("path", "total_conversions", "total_conversion_value", "total_null");
    private static final BigDecimal MAX_VALUE = new BigDecimal("1E15");
    private static final int MAX_NUMBER_LENGTH = 40;
    /** Column indexes of a file without a header line. */
    private static final int[] POSITIONAL = {0, 1, 2, 3};

    private final List<PathCount> paths;
    private final List<PathLineError> rejected;
    private final long rejectedCount;
    private final long goodLines;

    private PathFile(List<PathCount> paths, List<PathLineError> rejected, long rejectedCount, long goodLines) {
        this.paths = List.copyOf(paths);
        this.rejected = List.copyOf(rejected);
        this.rejectedCount = rejectedCount;
        this.goodLines = goodLines;
    }

    /**
     * Reads a whole file.
     *
     * @param in        the text (a byte order mark U+FEFF before the first line is skipped; U+FFFD,
     *                  the mark of undecodable bytes, makes its line an error)
     * @param separator one of {@link #SEPARATORS}
     * @throws InvalidInputException     for another separator, or a file that cannot be read as CSV at all
     * @throws ContentTooLargeException  over {@value #MAX_LINES} data lines or {@value #MAX_CHANNELS} channels
     */
    public static PathFile read(Reader in, char separator) {
        if (!SEPARATORS.contains(separator)) {
            throw new InvalidInputException("the separator must be ';', ',' or a tab");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        Reader text = new SkipByteOrderMark(in);
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> values = new LinkedHashMap<>();
        TreeSet<String> channels = new TreeSet<>();
        List<PathLineError> errors = new ArrayList<>();
        long rejectedCount = 0;
        long good = 0;
        long dataLines = 0;
        try (CSVParser parser = CSVParser.builder().setReader(text).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            int[] columns = POSITIONAL;
            int width = COLUMNS.size();
            boolean first = true;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rejectedCount++;
                    addError(errors, new PathLineError(parser.getCurrentLineNumber() + 1,
                            "unreadable CSV (a quote left open?); the file was read up to here"));
                    break;
                }
                long line = record.getRecordNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (first) {
                    first = false;
                    if (isHeader(record)) {
                        columns = headerColumns(record, separator);
                        width = record.size();
                        continue;
                    }
                }
                if (++dataLines > MAX_LINES) {
                    throw new ContentTooLargeException("the path file has more than " + MAX_LINES
                            + " data lines, the most one analysis accepts; aggregate equal paths or split the file");
                }
                try {
                    PathCount row = parse(record, columns, width, separator);
                    counts.merge(row.channels(), new long[] {row.conversions(), row.nulls()},
                            (a, b) -> new long[] {Math.addExact(a[0], b[0]), Math.addExact(a[1], b[1])});
                    values.merge(row.channels(), row.value(), BigDecimal::add);
                    channels.addAll(row.channels());
                    if (channels.size() > MAX_CHANNELS) {
                        throw new ContentTooLargeException("the path file names more than " + MAX_CHANNELS
                                + " distinct channels, the most one analysis accepts; group channels first");
                    }
                    good++;
                } catch (LineException e) {
                    rejectedCount++;
                    addError(errors, new PathLineError(line, e.getMessage()));
                } catch (ArithmeticException e) {
                    rejectedCount++;
                    addError(errors, new PathLineError(line, "this path's counts add up beyond 2^63 over the file"));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("the file could not be read as CSV: " + Text.echo(String.valueOf(e.getMessage())));
        }
        List<PathCount> paths = new ArrayList<>(counts.size());
        counts.forEach((path, c) -> paths.add(new PathCount(path, c[0], values.get(path), c[1])));
        return new PathFile(paths, errors, rejectedCount, good);
    }

    /** The distinct paths, repeated lines summed, in order of first appearance. */
    public List<PathCount> paths() {
        return paths;
    }

    /** The first {@value #MAX_ERRORS_LISTED} bad lines, in file order. */
    public List<PathLineError> rejected() {
        return rejected;
    }

    /** How many lines were bad (also those beyond the listed ones). */
    public long rejectedCount() {
        return rejectedCount;
    }

    /** How many data lines were used. */
    public long goodLines() {
        return goodLines;
    }

    private static void addError(List<PathLineError> errors, PathLineError error) {
        if (errors.size() < MAX_ERRORS_LISTED) {
            errors.add(error);
        }
    }

    /** A first line naming any of the columns is a header (no data line has a number column named so). */
    private static boolean isHeader(CSVRecord first) {
        for (String field : first) {
            if (COLUMNS.contains(field.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static int[] headerColumns(CSVRecord header, char separator) {
        List<String> names = new ArrayList<>();
        header.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        int[] columns = new int[COLUMNS.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = names.indexOf(COLUMNS.get(i));
            if (columns[i] < 0) {
                throw new InvalidInputException("the header line lacks the column " + COLUMNS.get(i) + "; expected "
                        + String.join(String.valueOf(separator), COLUMNS) + otherSeparatorHint(header.get(0), separator));
            }
        }
        return columns;
    }

    private static PathCount parse(CSVRecord r, int[] columns, int width, char separator) {
        for (String field : r) {
            if (field.indexOf('\uFFFD') >= 0) {
                throw new LineException("the line has bytes that are not valid text in the file's charset (send UTF-8)");
            }
        }
        if (r.size() != width) {
            throw new LineException("expected " + width + " fields separated by " + describe(separator) + ", found "
                    + r.size() + otherSeparatorHint(r.get(0), separator));
        }
        List<String> path = channels(r.get(columns[0]));
        long conversions = count(COLUMNS.get(1), r.get(columns[1]));
        BigDecimal value = value(r.get(columns[2]));
        long nulls = count(COLUMNS.get(3), r.get(columns[3]));
        if (conversions == 0 && value.signum() > 0) {
            throw new LineException("total_conversion_value is " + value.toPlainString()
                    + " but total_conversions is 0: value needs conversions");
        }
        return new PathCount(path, conversions, value, nulls);
    }

    private static List<String> channels(String path) {
        if (path.isEmpty()) {
            throw new LineException("the path is empty");
        }
        String[] steps = path.split(">", -1);
        List<String> channels = new ArrayList<>(steps.length);
        for (int i = 0; i < steps.length; i++) {
            String channel = steps[i].strip();
            if (channel.isEmpty()) {
                throw new LineException("step " + (i + 1) + " of the path is empty (channels are joined by ' > ')");
            }
            if (channel.length() > MAX_CHANNEL_LENGTH) {
                throw new LineException("channel " + Text.echo(channel) + " is longer than " + MAX_CHANNEL_LENGTH
                        + " characters");
            }
            if (channel.chars().anyMatch(Character::isISOControl)) {
                throw new LineException("channel " + Text.echo(channel) + " contains a control character");
            }
            channels.add(channel);
        }
        return channels;
    }

    private static long count(String column, String text) {
        BigDecimal n = number(column, text);
        if (n.signum() < 0) {
            throw new LineException(column + " " + Text.echo(text) + " is negative");
        }
        try {
            if (n.stripTrailingZeros().scale() > 0) {
                throw new LineException(column + " " + Text.echo(text) + " is not a whole number");
            }
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new LineException(column + " " + Text.echo(text) + " is too large");
        }
    }

    private static BigDecimal value(String text) {
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal v = number(COLUMNS.get(2), text);
        if (v.signum() < 0) {
            throw new LineException("total_conversion_value " + Text.echo(text) + " is negative");
        }
        if (v.compareTo(MAX_VALUE) >= 0) {
            throw new LineException("total_conversion_value " + Text.echo(text) + " is not below 10^15");
        }
        return v;
    }

    private static BigDecimal number(String column, String text) {
        if (text.isEmpty()) {
            throw new LineException(column + " is empty");
        }
        // BigDecimal's parse is quadratic in the length: refuse long text before parsing it.
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw new LineException(column + " " + Text.echo(text) + " is longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        try {
            BigDecimal n = new BigDecimal(text);
            if (Math.abs(n.scale()) > 20) {
                throw new LineException(column + " " + Text.echo(text) + " is out of range");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new LineException(column + " " + Text.echo(text) + " is not a number (use '.' as the decimal point)");
        }
    }

    private static String describe(char separator) {
        return separator == '\t' ? "tabs" : "'" + separator + "'";
    }

    /** A hint when the line looks separated by another of the separators. */
    private static String otherSeparatorHint(String firstField, char separator) {
        for (char other : new char[] {';', ',', '\t'}) {
            if (other != separator && firstField.indexOf(other) >= 0) {
                return " (the line looks separated by " + describe(other) + ": choose it with ?sep="
                        + (other == '\t' ? "%09" : String.valueOf(other)) + ")";
            }
        }
        return "";
    }

    /** A line that cannot be used, with the reason. */
    private static final class LineException extends RuntimeException {
        LineException(String message) {
            super(message, null, false, false);
        }
    }

    /** Drops a byte order mark (U+FEFF) at the very start, as spreadsheet programs write one. */
    private static final class SkipByteOrderMark extends java.io.FilterReader {
        private boolean started;

        SkipByteOrderMark(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = super.read();
                }
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (!started && n > 0) {
                started = true;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buffer, offset, length);
                    }
                }
            }
            return n;
        }
    }
}
