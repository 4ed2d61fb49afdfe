package io.tracker.domain.conversion.export;

import static io.tracker.domain.conversion.export.ExportScenario.ACTION;
import static io.tracker.domain.conversion.export.ExportScenario.CITY;
import static io.tracker.domain.conversion.export.ExportScenario.COUNTRY_US_HASHED;
import static io.tracker.domain.conversion.export.ExportScenario.EMAIL_GOOGLE;
import static io.tracker.domain.conversion.export.ExportScenario.EMAIL_META;
import static io.tracker.domain.conversion.export.ExportScenario.FBCLID;
import static io.tracker.domain.conversion.export.ExportScenario.FIRST_NAME;
import static io.tracker.domain.conversion.export.ExportScenario.LAST_NAME;
import static io.tracker.domain.conversion.export.ExportScenario.LOS_ANGELES;
import static io.tracker.domain.conversion.export.ExportScenario.PHONE_GOOGLE;
import static io.tracker.domain.conversion.export.ExportScenario.PHONE_META;
import static io.tracker.domain.conversion.export.ExportScenario.POSTAL_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario's request bodies, written out by hand. Both sides are parsed (parsson), so key order and
 * spacing do not matter; numbers compare with their scale ({@code 120.50} is not {@code 120.5}).
 */
class ExportPayloadsTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Test
    void googleAdsUploadClickConversions() {
        String body = GoogleAdsPayloads.uploadClickConversions("1234567890", ExportScenario.googleRows(ACTION),
                LOS_ANGELES);

        assertSameJson(body, """
                {"conversions":[
                  {"gclid":"Cj0KCQ-gclid-1",
                   "conversionAction":"customers/1234567890/conversionActions/987654",
                   "conversionDateTime":"2017-02-08 13:00:00-08:00",
                   "conversionValue":120.50,"currencyCode":"USD","orderId":"ORD-1",
                   "consent":{"adUserData":"GRANTED"}},
                  {"wbraid":"wbraid-2",
                   "conversionAction":"customers/1234567890/conversionActions/987654",
                   "conversionDateTime":"2021-10-21 00:05:09-07:00",
                   "conversionValue":40,"currencyCode":"EUR"},
                  {"conversionAction":"customers/1234567890/conversionActions/987654",
                   "conversionDateTime":"2021-03-14 11:15:00-07:00",
                   "conversionValue":99.99,"currencyCode":"USD","orderId":"ORD-3",
                   "userIdentifiers":[
                     {"userIdentifierSource":"FIRST_PARTY","hashedEmail":"%s"},
                     {"userIdentifierSource":"FIRST_PARTY","hashedPhoneNumber":"%s"}],
                   "consent":{"adUserData":"GRANTED"}}],
                 "partialFailure":true}
                """.formatted(EMAIL_GOOGLE, PHONE_GOOGLE));
    }

    @Test
    void googleAdsTimesAreExactlyTheIssuesStrings() {
        String body = GoogleAdsPayloads.uploadClickConversions("1234567890",
                List.of(ExportScenario.allGoogleClicks(ACTION), ExportScenario.onlyWbraid(ACTION)), LOS_ANGELES);

        assertThat(body).contains("\"2017-02-08 13:00:00-08:00\"", "\"2021-10-21 00:05:09-07:00\"")
                .doesNotContain("null", "gbraid-1", "wbraid-1");
    }

    @Test
    void googleAdsLeavesIdentifiersOutWhenConsentIsDenied() {
        OutgoingConversion c = ExportScenario.onlyIdentifiers(ACTION);
        OutgoingConversion denied = new OutgoingConversion(c.conversionId(), c.platformName(), c.convertedAt(),
                null, "USD", null, null, new OutgoingConversion.Clicks("gclid-9", null, null, null, null), null,
                c.identifiers(), "DENIED", null);

        assertSameJson(GoogleAdsPayloads.uploadClickConversions("1234567890", List.of(denied), LOS_ANGELES), """
                {"conversions":[{"gclid":"gclid-9","conversionAction":"customers/1234567890/conversionActions/987654",
                  "conversionDateTime":"2021-03-14 11:15:00-07:00","currencyCode":"USD",
                  "consent":{"adUserData":"DENIED"}}],
                 "partialFailure":true}
                """);
    }

    @Test
    void googleAdsUploadConversionAdjustments() {
        String body = GoogleAdsPayloads.uploadConversionAdjustments("1234567890",
                List.of(ExportScenario.restatement(ACTION), ExportScenario.retraction(ACTION)), LOS_ANGELES);

        assertSameJson(body, """
                {"conversionAdjustments":[
                  {"conversionAction":"customers/1234567890/conversionActions/987654",
                   "adjustmentType":"RESTATEMENT",
                   "adjustmentDateTime":"2017-02-10 09:30:00-08:00",
                   "orderId":"ORD-1",
                   "restatementValue":{"adjustedValue":80.00,"currencyCode":"USD"}},
                  {"conversionAction":"customers/1234567890/conversionActions/987654",
                   "adjustmentType":"RETRACTION",
                   "adjustmentDateTime":"2021-11-08 08:00:00-08:00",
                   "gclidDateTimePair":{"gclid":"Cj0K-2","conversionDateTime":"2021-10-21 00:05:09-07:00"}}],
                 "partialFailure":true}
                """);
    }

    @Test
    void metaEvents() {
        String body = MetaPayloads.events(List.of(ExportScenario.onlyIdentifiers("Purchase"),
                ExportScenario.metaClick("Purchase")), "TEST123");

        assertSameJson(body, """
                {"data":[
                  {"event_name":"Purchase","event_time":1615745700,"action_source":"phone_call",
                   "user_data":{"em":["%s"],"ph":["%s"],"fn":"%s","ln":"%s","ct":"%s","zp":"%s","country":"%s"},
                   "custom_data":{"value":99.99,"currency":"USD","order_id":"ORD-3"}},
                  {"event_name":"Purchase","event_time":1634799909,"event_id":"evt-4","action_source":"website",
                   "user_data":{"fbc":"fb.1.1634774399123.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk"},
                   "custom_data":{"value":15.5,"currency":"USD","order_id":"ORD-4"}}],
                 "test_event_code":"TEST123"}
                """.formatted(EMAIL_META, PHONE_META, FIRST_NAME, LAST_NAME, CITY, POSTAL_CODE, COUNTRY_US_HASHED));
    }

    @Test
    void metaEventsWithoutATestCodeHaveNone() {
        String body = MetaPayloads.events(List.of(ExportScenario.metaClick("Lead")), null);

        assertThat(parse(body).keySet()).containsExactly("data");
        assertThat(body).doesNotContain("null");
    }

    @Test
    void fbcIsMetasFormatWithTheClickIdUnchanged() {
        assertThat(MetaPayloads.fbc(FBCLID, Instant.parse("2021-10-20T23:59:59.123Z")))
                .isEqualTo("fb.1.1634774399123.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk");
        // Meta's own example value, fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890
        assertThat(MetaPayloads.fbc("AbCdEfGhIjKlMnOpQrStUvWxYz1234567890", Instant.ofEpochMilli(1554763741205L)))
                .isEqualTo("fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890");
    }

    private static void assertSameJson(String actual, String expected) {
        assertThat(parse(actual)).isEqualTo(parse(expected));
    }

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
