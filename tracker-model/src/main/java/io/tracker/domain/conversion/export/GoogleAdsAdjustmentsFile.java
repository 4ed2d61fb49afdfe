package io.tracker.domain.conversion.export;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Google Ads' conversion adjustment upload file ("How to adjust your conversions",
 * https://support.google.com/google-ads/answer/7686280: restate a conversion's value or retract it; its
 * templates name the conversion by {@code Order ID}, or by {@code Google Click ID} and {@code Conversion Time}).
 * Shape:
 * <pre>
 * Parameters:TimeZone=America/Los_Angeles
 * Order ID,Google Click ID,Conversion Name,Conversion Time,Adjustment Time,Adjustment Type,Adjusted Value,Adjusted Value Currency
 * ORD-1,,Purchase,,2017-02-10 09:30:00-08:00,RESTATE,80.00,USD
 * ,Cj0K…,Purchase,2021-10-21 00:05:09-07:00,2021-11-08 08:00:00-08:00,RETRACT,,
 * </pre>
 * <ul>
 *   <li>One way to name the conversion a row: the order id when known (Google: "If the conversion was reported
 *       with an order ID specified, that order ID must be used"), else the gclid with the conversion time.</li>
 *   <li>Times: the instant in {@code zone} with its offset at the instant ({@link io.tracker.domain.conversion.enhanced.GoogleAdsTimes}), under a
 *       {@code Parameters:TimeZone} line naming the same zone.</li>
 *   <li>{@code Adjustment Type}: the file's words {@code RESTATE} / {@code RETRACT} (the API's enum says
 *       RESTATEMENT / RETRACTION; the file does not). {@code Adjusted Value} (the new total, as given, plainly)
 *       and its currency only for a restatement; empty for a retraction.</li>
 * </ul>
 * Google requires adjustments and new conversions in separate files. Rows are written as given: check each with
 * {@link ExportValidator} first. Errors: the output's {@link IOException}.
 */
public final class GoogleAdsAdjustmentsFile {

    static final String[] HEADER = {"Order ID", "Google Click ID", "Conversion Name", "Conversion Time",
            "Adjustment Time", "Adjustment Type", "Adjusted Value", "Adjusted Value Currency"};

    private GoogleAdsAdjustmentsFile() {
    }

    /**
     * Writes the file (CRLF line ends) for these adjustments, times in {@code zone}.
     *
     * @param out where the file goes; flushed, not closed (it is the caller's)
     * @throws IOException when writing to {@code out} fails
     */
    public static void write(List<OutgoingAdjustment> adjustments, ZoneId zone, Appendable out) throws IOException {
        CSVPrinter csv = ExportCsv.printer(out);
        ExportCsv.timeZoneParameter(csv, zone.getId());
        csv.printRecord((Object[]) HEADER);
        for (OutgoingAdjustment a : adjustments) {
            boolean byOrder = a.hasOrderId();
            boolean restate = a.isRestatement();
            csv.printRecord(
                    byOrder ? a.orderId() : null,
                    byOrder ? null : ExportCsv.orNull(a.gclid()),
                    a.platformName(),
                    byOrder || a.convertedAt() == null ? null : ExportCsv.googleTime(a.convertedAt(), zone),
                    ExportCsv.googleTime(a.adjustedAt(), zone),
                    a.kind(),
                    restate ? ExportCsv.amount(a.value()) : null,
                    restate ? a.currency() : null);
        }
        ExportCsv.finish(csv);
    }
}
