package io.tracker.domain.conversion.export;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVPrinter;

/**
 * Google Ads' file for importing conversions from clicks, with the enhanced-conversions-for-leads columns
 * ("Import conversions from ad clicks into Google Ads", https://support.google.com/google-ads/answer/7014069,
 * whose templates include the enhanced-conversions-for-leads one with the hashed {@code Email} and
 * {@code Phone Number} columns; hashing as in
 * https://developers.google.com/google-ads/api/docs/conversions/enhanced-conversions/leads). Shape:
 * <pre>
 * Parameters:TimeZone=America/Los_Angeles
 * Google Click ID,GBRAID,WBRAID,Email,Phone Number,Conversion Name,Conversion Time,Conversion Value,Conversion Currency,Order ID,Ad User Data
 * Cj0KCQ…,,,,,Purchase,2017-02-08 13:00:00-08:00,120.50,USD,ORD-1,Granted
 * </pre>
 * <ul>
 *   <li>One click id a row, in its own column: the {@link GoogleClick} preferred of the known ones (Google
 *       refuses a row with two). A row without one matches on its hashed e-mail / phone.</li>
 *   <li>{@code Conversion Time}: the instant in {@code zone} with that zone's offset at the instant
 *       ({@link io.tracker.domain.conversion.enhanced.GoogleAdsTimes}), so every row states its own offset and a daylight-saving change inside the
 *       file cannot shift a time; the {@code Parameters:TimeZone} line names the same zone (Google takes a row's
 *       own offset first and the parameter only for rows without one).</li>
 *   <li>{@code Email} / {@code Phone Number}: SHA-256 hex of the address and of the E.164 number normalised as
 *       Google specifies ({@code emailGoogle}, {@code phoneGoogle}); left empty when {@code ad_user_data} is
 *       DENIED (they may not be used then).</li>
 *   <li>{@code Conversion Value}: as given, plainly ({@code 120.50}); empty when unknown (Google then takes the
 *       action's default). {@code Ad User Data}: {@code Granted}, {@code Denied} or empty when not said.</li>
 * </ul>
 * Rows are written as given: check each with {@link ExportValidator} first. Errors: the output's
 * {@link IOException}.
 */
public final class GoogleAdsClickConversionsFile {

    static final String[] HEADER = {"Google Click ID", "GBRAID", "WBRAID", "Email", "Phone Number",
            "Conversion Name", "Conversion Time", "Conversion Value", "Conversion Currency", "Order ID",
            "Ad User Data"};

    private GoogleAdsClickConversionsFile() {
    }

    /**
     * Writes the file (CRLF line ends) for these conversions, times in {@code zone}.
     *
     * @param out where the file goes; flushed, not closed (it is the caller's)
     * @throws IOException when writing to {@code out} fails
     */
    public static void write(List<OutgoingConversion> conversions, ZoneId zone, Appendable out) throws IOException {
        CSVPrinter csv = ExportCsv.printer(out);
        ExportCsv.timeZoneParameter(csv, zone.getId());
        csv.printRecord((Object[]) HEADER);
        for (OutgoingConversion c : conversions) {
            Optional<GoogleClick> click = GoogleClick.of(c.clicks() == null ? OutgoingConversion.Clicks.NONE
                    : c.clicks());
            boolean identifiers = ExportValidator.identifiersAllowed(Platform.GOOGLE_ADS, c)
                    && c.identifiers() != null;
            csv.printRecord(
                    clickIn(click, "gclid"), clickIn(click, "gbraid"), clickIn(click, "wbraid"),
                    identifiers ? c.identifiers().emailGoogle() : null,
                    identifiers ? c.identifiers().phoneGoogle() : null,
                    c.platformName(),
                    ExportCsv.googleTime(c.convertedAt(), zone),
                    ExportCsv.amount(c.value()),
                    c.currency(),
                    ExportCsv.orNull(c.orderId()),
                    consent(c.adUserData()));
        }
        ExportCsv.finish(csv);
    }

    private static String clickIn(Optional<GoogleClick> click, String field) {
        return click.filter(k -> k.field().equals(field)).map(GoogleClick::value).orElse(null);
    }

    /** The template's spelling of the consent, {@code Granted} / {@code Denied}; null when not said. */
    private static String consent(String adUserData) {
        if ("GRANTED".equals(adUserData)) {
            return "Granted";
        }
        return ExportValidator.DENIED.equals(adUserData) ? "Denied" : null;
    }
}
