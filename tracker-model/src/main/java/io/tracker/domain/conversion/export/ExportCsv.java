package io.tracker.domain.conversion.export;

import io.tracker.domain.conversion.enhanced.GoogleAdsTimes;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What the import files share: RFC 4180 CSV as Commons CSV's {@link CSVFormat#DEFAULT} writes it (comma,
 * double quotes only where needed, CRLF line ends), an absent cell written empty and unquoted, amounts written
 * plainly with the scale they were given ({@code 120.50} stays {@code 120.50}, never {@code 1.205E+2}).
 */
final class ExportCsv {

    private ExportCsv() {
    }

    /**
     * A printer on the caller's output. It is never closed here: closing it would close the caller's
     * {@link Appendable}; {@link #finish} flushes it instead.
     */
    static CSVPrinter printer(Appendable out) throws IOException {
        return new CSVPrinter(out, CSVFormat.DEFAULT);
    }

    /** The line above the header that tells the importer the file's time zone. */
    static void timeZoneParameter(CSVPrinter printer, String zone) throws IOException {
        printer.printRecord("Parameters:TimeZone=" + zone);
    }

    static void finish(CSVPrinter printer) throws IOException {
        printer.flush();
    }

    /** The amount as written in a file; null (no value: the platform takes the action's default) stays null. */
    static String amount(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /**
     * A time in Google's import files: the API's form {@code yyyy-MM-dd HH:mm:ss±HH:mm} ({@link GoogleAdsTimes}),
     * the zone's offset at the instant written on every row. Google's file help shows per-row zones as IDs and
     * {@code ±HHmm} offsets; if its importer refuses the colon, this is the one place to change.
     */
    static String googleTime(Instant at, ZoneId zone) {
        return GoogleAdsTimes.conversionDateTime(at, zone);
    }

    /** Null for a blank text, so that the cell is written empty. */
    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
