package io.tracker.domain.conversion.export;

import io.tracker.domain.conversion.enhanced.GoogleAdsTimes;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneId;
import java.util.List;

/**
 * Request bodies of the Google Ads API's conversion uploads, REST transport (proto3 JSON: lowerCamelCase field
 * names, enums as their names, absent fields left out, never {@code null}).
 *
 * <p>{@link #uploadClickConversions}: the body of
 * {@code POST https://googleads.googleapis.com/v{N}/customers/{customerId}:uploadClickConversions}
 * ({@code UploadClickConversionsRequest},
 * https://developers.google.com/google-ads/api/reference/rpc/v26/UploadClickConversionsRequest; "Always set
 * partial_failure = true"):
 * <pre>
 * {"conversions":[{"gclid":"…","conversionAction":"customers/1/conversionActions/2",
 *   "conversionDateTime":"2017-02-08 13:00:00-08:00","conversionValue":120.50,"currencyCode":"USD",
 *   "orderId":"ORD-1",
 *   "userIdentifiers":[{"userIdentifierSource":"FIRST_PARTY","hashedEmail":"…"},
 *                      {"userIdentifierSource":"FIRST_PARTY","hashedPhoneNumber":"…"}],
 *   "consent":{"adUserData":"GRANTED"}}],
 *  "partialFailure":true}
 * </pre>
 * Per {@code ClickConversion} (https://developers.google.com/google-ads/api/reference/rpc/v26/ClickConversion):
 * exactly one of {@code gclid} / {@code gbraid} / {@code wbraid} ({@link GoogleClick}), or none for enhanced
 * conversions for leads; {@code conversionAction} the resource name ({@code platformName});
 * {@code conversionDateTime} "yyyy-mm-dd hh:mm:ss+|-hh:mm" in {@code zone} ({@link GoogleAdsTimes});
 * {@code conversionValue} a JSON number with the scale given (absent when unknown); {@code orderId} when known;
 * {@code userIdentifiers} one {@code UserIdentifier} each for the hashed e-mail and phone (the request page:
 * "populate only one identifier field per UserIdentifier object"; source {@code FIRST_PARTY}), left out when
 * {@code ad_user_data} is DENIED; {@code consent.adUserData} when said.
 *
 * <p>{@link #uploadConversionAdjustments}: the body of
 * {@code POST https://googleads.googleapis.com/v{N}/customers/{customerId}:uploadConversionAdjustments}
 * ({@code UploadConversionAdjustmentsRequest} / {@code ConversionAdjustment},
 * https://developers.google.com/google-ads/api/reference/rpc/v26/ConversionAdjustment):
 * <pre>
 * {"conversionAdjustments":[{"conversionAction":"customers/1/conversionActions/2","adjustmentType":"RESTATEMENT",
 *   "adjustmentDateTime":"2017-02-10 09:30:00-08:00","orderId":"ORD-1",
 *   "restatementValue":{"adjustedValue":80.00,"currencyCode":"USD"}},
 *  {"conversionAction":"…","adjustmentType":"RETRACTION","adjustmentDateTime":"2021-11-08 08:00:00-08:00",
 *   "gclidDateTimePair":{"gclid":"…","conversionDateTime":"2021-10-21 00:05:09-07:00"}}],
 *  "partialFailure":true}
 * </pre>
 * The conversion is named by {@code orderId} when known (Google requires it then), else by
 * {@code gclidDateTimePair}; {@code restatementValue} only for a restatement ("Should not be supplied for
 * retractions. An error will be returned if provided for a retraction").
 *
 * <p>At most {@link Platform#maxRowsPerRequest()} conversions a request; rows are written as given, so check
 * them with {@link ExportValidator} first.
 */
public final class GoogleAdsPayloads {

    private GoogleAdsPayloads() {
    }

    /**
     * The {@code uploadClickConversions} body for these conversions.
     *
     * @param customerId the Google Ads customer id (digits, no dashes); it goes in the URL, and the request body
     *                   does not repeat it
     * @param zone       the zone the conversion times are shown in (the offset is written, so any zone gives
     *                   the same instants; the account's zone keeps them readable)
     */
    public static String uploadClickConversions(String customerId, List<OutgoingConversion> conversions,
                                                ZoneId zone) {
        JsonArrayBuilder rows = JsonSupport.PROVIDER.createArrayBuilder();
        for (OutgoingConversion c : conversions) {
            rows.add(clickConversion(c, zone));
        }
        return JsonSupport.write(JsonSupport.PROVIDER.createObjectBuilder()
                .add("conversions", rows)
                .add("partialFailure", true)
                .build());
    }

    /**
     * The {@code uploadConversionAdjustments} body for these adjustments.
     *
     * @param customerId the Google Ads customer id; it goes in the URL only
     * @param zone       the zone the times are shown in
     */
    public static String uploadConversionAdjustments(String customerId, List<OutgoingAdjustment> adjustments,
                                                     ZoneId zone) {
        JsonArrayBuilder rows = JsonSupport.PROVIDER.createArrayBuilder();
        for (OutgoingAdjustment a : adjustments) {
            rows.add(conversionAdjustment(a, zone));
        }
        return JsonSupport.write(JsonSupport.PROVIDER.createObjectBuilder()
                .add("conversionAdjustments", rows)
                .add("partialFailure", true)
                .build());
    }

    private static JsonObjectBuilder clickConversion(OutgoingConversion c, ZoneId zone) {
        JsonObjectBuilder row = JsonSupport.PROVIDER.createObjectBuilder();
        GoogleClick.of(c.clicks() == null ? OutgoingConversion.Clicks.NONE : c.clicks())
                .ifPresent(click -> row.add(click.field(), click.value()));
        row.add("conversionAction", c.platformName());
        row.add("conversionDateTime", GoogleAdsTimes.conversionDateTime(c.convertedAt(), zone));
        JsonSupport.addAmount(row, "conversionValue", c.value());
        JsonSupport.addIfPresent(row, "currencyCode", c.currency());
        JsonSupport.addIfPresent(row, "orderId", c.orderId());
        if (ExportValidator.identifiersAllowed(Platform.GOOGLE_ADS, c) && c.identifiers() != null) {
            JsonArrayBuilder identifiers = JsonSupport.PROVIDER.createArrayBuilder();
            int count = addIdentifier(identifiers, "hashedEmail", c.identifiers().emailGoogle())
                    + addIdentifier(identifiers, "hashedPhoneNumber", c.identifiers().phoneGoogle());
            if (count > 0) {
                row.add("userIdentifiers", identifiers);
            }
        }
        if (c.adUserData() != null) {
            row.add("consent", JsonSupport.PROVIDER.createObjectBuilder().add("adUserData", c.adUserData()));
        }
        return row;
    }

    private static int addIdentifier(JsonArrayBuilder identifiers, String field, String hash) {
        if (hash == null) {
            return 0;
        }
        identifiers.add(JsonSupport.PROVIDER.createObjectBuilder()
                .add("userIdentifierSource", "FIRST_PARTY")
                .add(field, hash));
        return 1;
    }

    private static JsonObjectBuilder conversionAdjustment(OutgoingAdjustment a, ZoneId zone) {
        JsonObjectBuilder row = JsonSupport.PROVIDER.createObjectBuilder()
                .add("conversionAction", a.platformName())
                .add("adjustmentType", a.isRestatement() ? "RESTATEMENT" : "RETRACTION")
                .add("adjustmentDateTime", GoogleAdsTimes.conversionDateTime(a.adjustedAt(), zone));
        if (a.hasOrderId()) {
            row.add("orderId", a.orderId());
        } else {
            row.add("gclidDateTimePair", JsonSupport.PROVIDER.createObjectBuilder()
                    .add("gclid", a.gclid())
                    .add("conversionDateTime", GoogleAdsTimes.conversionDateTime(a.convertedAt(), zone)));
        }
        if (a.isRestatement()) {
            JsonObjectBuilder restatement = JsonSupport.PROVIDER.createObjectBuilder();
            JsonSupport.addAmount(restatement, "adjustedValue", a.value());
            JsonSupport.addIfPresent(restatement, "currencyCode", a.currency());
            row.add("restatementValue", restatement);
        }
        return row;
    }
}
