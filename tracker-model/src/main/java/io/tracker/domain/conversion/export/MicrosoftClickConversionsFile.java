package io.tracker.domain.conversion.export;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Microsoft Advertising's offline conversion import file (the web application's template: "Microsoft Click
 * ID, Conversion Name, Conversion Time, Conversion Value, Conversion Currency" under a
 * {@code Parameters:TimeZone=} line whose value is a GMT offset "in HHMM format (e.g. New York is -0500 and
 * Berlin is +0100 … Greenwich Mean Time … +0000)"; the hashed columns of Microsoft's enhanced conversions,
 * {@code OfflineConversion.HashedEmailAddress} / {@code HashedPhoneNumber},
 * https://learn.microsoft.com/en-us/advertising/campaign-management-service/offlineconversion). Shape:
 * <pre>
 * Parameters:TimeZone=+0000
 * Microsoft Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency,Hashed Email Address,Hashed Phone Number
 * 6c1f…,Purchase,2017-02-08 21:00:00,120.50,USD,,
 * </pre>
 * <ul>
 *   <li>Time zone: Microsoft's parameter is one fixed offset, and a zone with daylight saving has two. The file
 *       uses the zone's offset when every conversion in it has the same one (local times, as a user of that
 *       zone reads them); otherwise, and for an empty file, UTC ({@code +0000}). A time is thus never written
 *       in one offset and labelled with another.</li>
 *   <li>{@code Conversion Time}: {@code yyyy-MM-dd HH:mm:ss} in that offset.</li>
 *   <li>Hashed columns: SHA-256 hex of the e-mail address and E.164 phone normalised as Google specifies
 *       ({@code emailGoogle}, {@code phoneGoogle}: Microsoft follows Google's rules).</li>
 *   <li>{@code Conversion Value}: as given, plainly; empty when unknown (the goal's default is used).</li>
 * </ul>
 * Rows are written as given: check each with {@link ExportValidator} first. Errors: the output's
 * {@link IOException}.
 */
public final class MicrosoftClickConversionsFile {

    static final String[] HEADER = {"Microsoft Click ID", "Conversion Name", "Conversion Time", "Conversion Value",
            "Conversion Currency", "Hashed Email Address", "Hashed Phone Number"};

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("xx");

    private MicrosoftClickConversionsFile() {
    }

    /**
     * Writes the file (CRLF line ends) for these conversions, times in {@code zone}'s offset or UTC (above).
     *
     * @param out where the file goes; flushed, not closed (it is the caller's)
     * @throws IOException when writing to {@code out} fails
     */
    public static void write(List<OutgoingConversion> conversions, ZoneId zone, Appendable out) throws IOException {
        ZoneOffset offset = fileOffset(conversions, zone);
        CSVPrinter csv = ExportCsv.printer(out);
        ExportCsv.timeZoneParameter(csv, HHMM.format(offset));
        csv.printRecord((Object[]) HEADER);
        for (OutgoingConversion c : conversions) {
            boolean identifiers = c.identifiers() != null;
            csv.printRecord(
                    ExportCsv.orNull(c.clicks() == null ? null : c.clicks().msclkid()),
                    c.platformName(),
                    TIME.format(c.convertedAt().atOffset(offset)),
                    ExportCsv.amount(c.value()),
                    c.currency(),
                    identifiers ? c.identifiers().emailGoogle() : null,
                    identifiers ? c.identifiers().phoneGoogle() : null);
        }
        ExportCsv.finish(csv);
    }

    /** The zone's offset when all conversions share it, else UTC. */
    static ZoneOffset fileOffset(List<OutgoingConversion> conversions, ZoneId zone) {
        List<ZoneOffset> offsets = conversions.stream()
                .map(OutgoingConversion::convertedAt)
                .map(at -> zone.getRules().getOffset(at))
                .distinct()
                .toList();
        return offsets.size() == 1 ? offsets.get(0) : ZoneOffset.UTC;
    }
}
