package io.tracker.application.conversion.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The platforms' answers as their documentation shows them, read into one outcome per row. */
class PlatformAnswersTest {

    /** Google's partial failure: rows named by conversions[index]; two errors of one row joined. */
    @Test
    void googlesPartialFailureFailsTheNamedRowsOnly() {
        String body = """
                {"results":[{"gclid":"a"},{},{"gclid":"c"},{}],
                 "partialFailureError":{"code":3,"message":"2 errors",
                  "details":[{"@type":"type.googleapis.com/google.ads.googleads.v19.errors.GoogleAdsFailure",
                   "errors":[
                    {"errorCode":{"conversionUploadError":"UNPARSEABLE_GCLID"},"message":"The imported gclid could not be decoded.",
                     "location":{"fieldPathElements":[{"fieldName":"conversions","index":1},{"fieldName":"gclid"}]}},
                    {"errorCode":{"conversionUploadError":"EXPIRED_EVENT"},"message":"The click is too old.",
                     "location":{"fieldPathElements":[{"fieldName":"conversions","index":3}]}},
                    {"errorCode":{"conversionUploadError":"X"},"message":"Second.",
                     "location":{"fieldPathElements":[{"fieldName":"conversions","index":"3"}]}}]}]}}""";
        PlatformAnswer a = PlatformAnswers.google(200, body, "req-9", 4, "conversions");
        assertThat(a.rows()).containsExactly(RowOutcome.ACCEPTED,
                new RowOutcome("FAILED", "The imported gclid could not be decoded."), RowOutcome.ACCEPTED,
                new RowOutcome("FAILED", "The click is too old.; Second."));
        assertThat(a.outcome()).isEqualTo("accepted 2, failed 2; request-id req-9");
        assertThat(a.httpStatus()).isEqualTo(200);
    }

    @Test
    void googleWithoutPartialFailureAcceptsEveryRow() {
        assertThat(PlatformAnswers.google(200, "{\"results\":[{},{}]}", null, 2, "conversions").rows())
                .containsExactly(RowOutcome.ACCEPTED, RowOutcome.ACCEPTED);
    }

    @Test
    void temporaryAnswersAreRetriedAndPermanentOnesFail() {
        String unavailable = "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\",\"status\":\"UNAVAILABLE\"}}";
        assertThat(PlatformAnswers.google(503, unavailable, null, 2, "conversions").rows())
                .containsOnly(new RowOutcome("RETRY", "The service is currently unavailable."));
        assertThat(PlatformAnswers.google(429, "", null, 1, "conversions").rows()).containsOnly(new RowOutcome("RETRY", "HTTP 429"));
        assertThat(PlatformAnswers.google(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\"}}",
                null, 1, "conversions").rows().get(0).status()).isEqualTo("RETRY");
        assertThat(PlatformAnswers.google(400, "{\"error\":{\"code\":400,\"message\":\"Invalid customer id.\"}}",
                null, 3, "conversions").rows()).containsOnly(new RowOutcome("FAILED", "Invalid customer id."));
        PlatformAnswer none = PlatformAnswers.noAnswer(2, new ConnectException("Connection refused"));
        assertThat(none.httpStatus()).isNull();
        assertThat(none.rows()).containsOnly(new RowOutcome("RETRY", "no answer: ConnectException Connection refused"));
    }

    @Test
    void metasAnswers() {
        PlatformAnswer ok = PlatformAnswers.meta(200, "{\"events_received\":2,\"messages\":[],\"fbtrace_id\":\"Ab1\"}", 2);
        assertThat(ok.rows()).containsOnly(RowOutcome.ACCEPTED);
        assertThat(ok.outcome()).isEqualTo("accepted 2 (events_received 2); fbtrace_id Ab1");
        PlatformAnswer refused = PlatformAnswers.meta(400, """
                {"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":2804003,
                 "is_transient":false,"error_user_msg":"The event time is too far in the past.","fbtrace_id":"Zz"}}""", 2);
        assertThat(refused.rows()).containsOnly(
                new RowOutcome("FAILED", "Invalid parameter (The event time is too far in the past.)"));
        assertThat(refused.outcome()).endsWith("fbtrace_id Zz");
        assertThat(PlatformAnswers.meta(400, "{\"error\":{\"message\":\"Too many calls\",\"code\":17}}", 1).rows())
                .containsOnly(new RowOutcome("RETRY", "Too many calls"));
        assertThat(PlatformAnswers.meta(400, "{\"error\":{\"message\":\"Try again\",\"code\":100,\"is_transient\":true}}", 1)
                .rows().get(0).status()).isEqualTo("RETRY");
    }
}
