package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inputs that used to burn CPU, reach a 500 or be read leniently: each gets its 4xx (or, in a file,
 * its line error) quickly, with nothing half-stored and the good rows kept. Durations are measured
 * around the whole HTTP exchange, after a warm-up request to each endpoint (the first call of a
 * fresh deployment loads classes). The bound is 2 s, not 1 s: the fixed code answers in tens of
 * milliseconds, but on the shared 2-core test machine a trivial 400 took up to 1.9 s under load;
 * 2 s still fails the 13–14 s the quadratic number parsing took.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputLimitsIT {

    private static final Duration FAST = Duration.ofSeconds(2);
    private static final String DAY = "2025-03-10";
    private static final String TOUCHPOINT_HEADER = "customer_id,time,interaction,conversion,conversion_value,channel\n";
    private static final String GA_HEADER = "fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId\n";

    private final TrackerClient api = new TrackerClient();
    private TestTenant tenant;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.tracker(InputLimitsIT.class);
    }

    @BeforeEach
    void freshTenantAndWarmEndpoints() {
        tenant = api.createTenant("input limits", ZoneId.of("UTC"), "EUR");
        // Requests that store nothing: an empty batch (422) and files with a header only.
        assertProblem(api.postEvents(tenant.apiKey(), "{\"events\":[]}"), 422);
        ok(importTouchpoints(TOUCHPOINT_HEADER));
        ok(api.post("api/v1/imports/ga-sessions", tenant.apiKey(), "text/csv", GA_HEADER.getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------ numbers that cost quadratic time

    @Test
    void aValueOfNineHundredThousandDigitsInAStringIsRefusedQuickly() {
        String digits = "9".repeat(900_000);
        ApiResponse r = timed(() -> api.postEvents(tenant.apiKey(),
                batch(Json.createObjectBuilder(conversion("big-1", "v1", DAY + "T10:00:00Z", "purchase", null, null))
                        .add("value", digits).build())));
        assertThat(assertProblem(r, 422)).contains("no event was accepted");
        String error = r.json().getJsonArray("rejected").getJsonObject(0).getString("error");
        assertThat(error).contains("longer than 40 characters").contains("(900000 characters)");
        assertThat(r.body().length()).as("the value is not echoed whole").isLessThan(2_000);
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    @Test
    void aJsonNumberOfNineHundredThousandDigitsIsRefusedQuickly() {
        String body = "{\"events\":[{\"event_id\":\"big-2\",\"type\":\"conversion\",\"timestamp\":\"" + DAY
                + "T10:00:00Z\",\"visitor_id\":\"v1\",\"value\":" + "9".repeat(900_000) + "}]}";
        ApiResponse r = timed(() -> api.postEvents(tenant.apiKey(), body));
        assertThat(assertProblem(r, 400)).contains("malformed JSON").contains("number in the body is too long");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    @Test
    void aConversionValueOfNineHundredThousandDigitsIsALineErrorAndTheGoodRowsStay() {
        String csv = TOUCHPOINT_HEADER
                + "c1," + DAY + "T10:00:00Z,click,0,,Email\n"
                + "c2," + DAY + "T10:00:00Z,click,1," + "9".repeat(900_000) + ",Email\n"
                + "c3," + DAY + "T11:00:00Z,click,1,20.00,Email\n";
        ApiResponse r = timed(() -> importTouchpoints(csv));
        JsonObject report = ok(r);
        assertThat(report.getInt("rows")).isEqualTo(3);
        JsonArray errors = report.getJsonArray("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.getJsonObject(0).getInt("line")).isEqualTo(3);
        assertThat(errors.getJsonObject(0).getString("error")).contains("longer than 40 characters");
        assertThat(r.body().length()).as("the value is not echoed whole").isLessThan(2_000);
        assertThat(api.storedCounts(tenant).touchpoints()).as("c1 and c3").isEqualTo(2);
        assertThat(api.storedCounts(tenant).conversions()).as("c3").isEqualTo(1);
    }

    // ------------------------------------------------------------------ imports apply the event API's checks

    @Test
    void touchpointTimesTheEventApiRefusesAreLineErrorsAndTheGoodRowsStay() {
        String csv = TOUCHPOINT_HEADER
                + "c1,1970-01-01T00:00:00Z,click,0,,Email\n"
                + "c2,0001-01-01 00:00:00,click,0,,Email\n"
                + "c3,9999-12-31T23:59:59Z,click,0,,Email\n"
                + "c4,+294277-01-01T00:00:00Z,click,0,,Email\n"
                + "good," + DAY + "T10:00:00Z,click,1,12.50,Email\n";
        JsonObject report = ok(timed(() -> importTouchpoints(csv)));
        JsonArray errors = report.getJsonArray("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.getJsonObject(0).getInt("line")).isEqualTo(2);
        assertThat(errors.getJsonObject(0).getString("error")).contains("before 2000");
        assertThat(errors.getJsonObject(1).getString("error")).contains("before 2000");
        assertThat(errors.getJsonObject(2).getString("error")).contains("more than a day in the future");
        assertThat(errors.getJsonObject(3).getInt("line")).isEqualTo(5);
        assertThat(errors.getJsonObject(3).getString("error")).contains("more than a day in the future");
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(1);
        assertThat(api.storedCounts(tenant).conversions()).isEqualTo(1);
    }

    @Test
    void aGaVisitIdBeyondAnyInstantIsALineErrorAndTheGoodRowsStay() {
        long start = Instant.parse(DAY + "T10:00:00Z").getEpochSecond();
        String csv = GA_HEADER
                + "1,Direct,0,,9223372036854775807,,\n"
                + "2,Direct,0,,0,,\n"
                + "3,Referral,0,,\"" + start + "\",,\n"
                + "4,Direct,9223372036854775807,5000000," + start + ",,\n";
        JsonObject report = ok(timed(() -> api.post("api/v1/imports/ga-sessions", tenant.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))));
        JsonArray errors = report.getJsonArray("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.getJsonObject(0).getString("error")).contains("visitId '9223372036854775807'")
                .contains("future");
        assertThat(errors.getJsonObject(1).getString("error")).contains("before 2000");
        assertThat(errors.getJsonObject(2).getInt("line")).isEqualTo(5);
        // Visitor 3's session, and visitor 4's: its revenue is refused, its visit is kept (a GA row's
        // revenue is the session's, repeated; refusing it must not lose the visit).
        assertThat(api.storedCounts(tenant).touchpoints()).as("visitor 3's and 4's sessions").isEqualTo(2);
        assertThat(api.storedCounts(tenant).conversions()).isZero();
    }

    @Test
    void aHeaderWithANamelessColumnIsA400ForTheFile() {
        ApiResponse r = timed(() -> importTouchpoints(
                "customer_id,time,,conversion,conversion_value,channel\nc1," + DAY + "T10:00:00Z,click,0,,Email\n"));
        assertThat(assertProblem(r, 400)).contains("column 3 has no name");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    @Test
    void aRepeatedHeaderColumnIsA400ThatSaysSo() {
        ApiResponse r = timed(() -> importTouchpoints(
                "customer_id,time,interaction,conversion,conversion_value,channel,time\nc1," + DAY
                        + "T10:00:00Z,click,0,,Email," + DAY + "T10:00:00Z\n"));
        assertThat(assertProblem(r, 400)).contains("names the column 'time' twice (columns 2 and 7)");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.writeBytes((TOUCHPOINT_HEADER + "Zoë," + DAY + "T10:00:00Z,click,0,,Email\n").getBytes(StandardCharsets.UTF_8));
        JsonObject report = ok(timed(() -> api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv",
                file.toByteArray())));
        assertThat(report.getJsonArray("errors")).isEmpty();
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(1);
    }

    @Test
    void aCsvCharsetIsHonouredAndAnUnknownOneIs415() {
        byte[] latin1 = (TOUCHPOINT_HEADER + "Zoë," + DAY + "T10:00:00Z,click,0,,Email\n").getBytes(StandardCharsets.ISO_8859_1);
        ApiResponse unknown = timed(() -> api.post("api/v1/imports/touchpoints", tenant.apiKey(),
                "text/csv; charset=klingon", latin1));
        assertThat(assertProblem(unknown, 415)).contains("unknown charset");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);

        JsonObject asUtf8 = ok(timed(() -> api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv", latin1)));
        assertThat(asUtf8.getJsonArray("errors").getJsonObject(0).getInt("line")).isEqualTo(2);
        assertThat(asUtf8.getJsonArray("errors").getJsonObject(0).getString("error"))
                .as("ISO-8859-1 bytes are not UTF-8: a line error, not stored with U+FFFD")
                .contains("column 1 has bytes that are not valid UTF-8 text");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);

        JsonObject declared = ok(timed(() -> api.post("api/v1/imports/touchpoints", tenant.apiKey(),
                "text/csv; charset=ISO-8859-1", latin1)));
        assertThat(declared.getJsonArray("errors")).isEmpty();
        assertThat(declared.getInt("touchpoints")).isEqualTo(1);
        // Decoded as declared: the same row in UTF-8 has the same event id (visitor "Zoë"), so it is a duplicate.
        JsonObject again = ok(api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv; charset=UTF-8",
                (TOUCHPOINT_HEADER + "Zoë," + DAY + "T10:00:00Z,click,0,,Email\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(again.getInt("duplicates")).isEqualTo(1);
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ strict JSON

    @Test
    void textAfterTheDocumentAndTwoDocumentsAre400() {
        String valid = batch(touch("j-1", "v1", DAY + "T10:00:00Z"));
        assertThat(assertProblem(timed(() -> api.postEvents(tenant.apiKey(), valid + " xyz")), 400)).contains("malformed JSON");
        assertThat(assertProblem(timed(() -> api.postEvents(tenant.apiKey(), valid + valid)), 400))
                .contains("more than one JSON value");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    @Test
    void invalidUtf8Is400AndOtherCharsetsAre415() {
        String valid = batch(touch("u-1", "Zoë", DAY + "T10:00:00Z"));
        ApiResponse latin1 = timed(() -> api.post("api/v1/events", tenant.apiKey(), "application/json",
                valid.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(assertProblem(latin1, 400)).contains("not valid UTF-8");
        ApiResponse declared = timed(() -> api.post("api/v1/events", tenant.apiKey(), "application/json; charset=ISO-8859-1",
                valid.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(assertProblem(declared, 415)).contains("UTF-8");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    @Test
    void aLoneSurrogateEscapeRejectsItsEventAndKeepsTheOthers() {
        String body = "{\"events\":[" + touch("s-1", "v1", DAY + "T10:00:00Z")
                + ",{\"event_id\":\"s-2\",\"type\":\"touchpoint\",\"timestamp\":\"" + DAY
                + "T10:00:00Z\",\"visitor_id\":\"bad\\ud800visitor\"}]}";
        ApiResponse r = timed(() -> api.postEvents(tenant.apiKey(), body));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        JsonObject result = r.json();
        assertThat(result.getInt("accepted")).isEqualTo(1);
        assertThat(result.getJsonArray("rejected").getJsonObject(0).getInt("index")).isEqualTo(1);
        assertThat(result.getJsonArray("rejected").getJsonObject(0).getString("error")).contains("unpaired");
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private ApiResponse importTouchpoints(String csv) {
        return api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject ok(ApiResponse r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    /** The answer, after checking that it came within {@link #FAST}. */
    private static ApiResponse timed(Supplier<ApiResponse> call) {
        long start = System.nanoTime();
        ApiResponse r = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time to answer %s", r).isLessThan(FAST);
        return r;
    }
}
