package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.Reports;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TenantFixture;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input to the API: each bad request gets its 4xx status and an {@code application/problem+json}
 * body whose {@code detail} names the problem, and nothing of it is stored (checked by counting the
 * tenant's rows in every table the write path fills, and through the reports). Also: an API key
 * only ever sees its own tenant's numbers, over HTTP and, in the container, at the JPA level.
 *
 * <p>Every client test has a fresh tenant (time zone UTC) made in {@link #freshTenant()}.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    private static final String DAY = "2025-03-10";

    private final TrackerClient api = new TrackerClient();
    private TestTenant tenant;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.tracker(BadInputIT.class);
    }

    @BeforeEach
    void freshTenant() {
        // JUnit runs this on the client for @RunAsClient tests and in the container for the others;
        // only the client side (where nothing is injected) calls the API.
        if (fixture == null) {
            tenant = api.createTenant("bad input", ZoneId.of("UTC"), "EUR");
        }
    }

    // ------------------------------------------------------------------ request body

    @Test
    @RunAsClient
    void malformedJsonIs400() {
        ApiResponse r = api.postEvents(tenant.apiKey(), "{\"events\": [{\"event_id\": \"e1\",");
        assertProblem(r, 400, "malformed JSON");
        assertNothingStored();
    }

    @Test
    @RunAsClient
    void bodyThatIsNotAnObjectWithAnEventsArrayIs400() {
        for (String body : List.of("[{\"event_id\":\"e1\"}]", "{\"event\":[]}", "{\"events\":{\"event_id\":\"e1\"}}",
                "\"events\"")) {
            ApiResponse r = api.postEvents(tenant.apiKey(), body);
            assertProblem(r, 400, "'events' array");
        }
        assertNothingStored();
    }

    @Test
    @RunAsClient
    void emptyEventsArrayIs422() {
        assertProblem(api.postEvents(tenant.apiKey(), "{\"events\":[]}"), 422, "'events' is empty");
        assertNothingStored();
    }

    @Test
    @RunAsClient
    void wrongContentTypeIs415() {
        String valid = batch(touch("ct-1", "v1", DAY + "T10:00:00Z"));
        ApiResponse r = api.post("api/v1/events", tenant.apiKey(), "text/plain", valid.getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 415, "Unsupported Media Type");
        assertNothingStored();
    }

    @Test
    @RunAsClient
    void bodyOverOneMebibyteIs413() {
        // 700 valid events of about 1.6 KB each: about 1.1 MiB, under the 1000-event limit.
        String longPath = "x".repeat(1500);
        List<JsonValue> events = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            events.add(touch("big-" + i, "v" + i, DAY + "T10:00:00Z", "url", "https://shop.example/" + longPath));
        }
        String body = batch(events);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1 << 20);
        assertProblem(api.postEvents(tenant.apiKey(), body), 413, "larger than 1048576 bytes");
        assertNothingStored();
    }

    @Test
    @RunAsClient
    void moreThanAThousandEventsIs413() {
        List<JsonValue> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(touch("many-" + i, "v" + i, DAY + "T10:00:00Z"));
        }
        String body = batch(events);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(1 << 20);
        assertProblem(api.postEvents(tenant.apiKey(), body), 413, "at most 1000 events");
        assertNothingStored();
    }

    // ------------------------------------------------------------------ credentials

    @Test
    @RunAsClient
    void missingOrWrongKeyIs401() {
        String valid = batch(touch("auth-1", "v1", DAY + "T10:00:00Z"));

        ApiResponse missing = api.postEvents(null, valid);
        assertProblem(missing, 401, "Authorization: Bearer");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

        ApiResponse wrong = api.postEvents("trk_not_a_key_" + tenant.id(), valid);
        assertProblem(wrong, 401, "unknown or revoked");

        ApiResponse basic = api.send(api.request("api/v1/events").header("Content-Type", "application/json")
                .header("Authorization", "Basic dXNlcjpwYXNz").POST(HttpRequest.BodyPublishers.ofString(valid)));
        assertProblem(basic, 401, "Authorization: Bearer");

        assertProblem(api.get("api/v1/reports/summary?from=" + DAY + "&to=" + DAY, null), 401, "Authorization: Bearer");
        assertProblem(api.get("api/v1/reports/summary?from=" + DAY + "&to=" + DAY, "trk_wrong"), 401, "unknown or revoked");
        assertNothingStored();
    }

    @Test
    @RunAsClient
    void readOnlyKeyCannotSendEvents() {
        TestTenant readOnly = api.createTenantWithScopes("read only", ZoneId.of("UTC"), "EUR", "READ");
        ApiResponse r = api.postEvents(readOnly.apiKey(), batch(touch("ro-1", "v1", DAY + "T10:00:00Z")));
        assertProblem(r, 403, "'write' scope");
        assertThat(api.storedCounts(readOnly)).isEqualTo(StoredCounts.NONE);
        // It still reads its own (empty) reports.
        assertThat(api.summary(readOnly, DAY, DAY).getJsonNumber("touchpoints").longValue()).isZero();
    }

    // ------------------------------------------------------------------ event items

    @Test
    @RunAsClient
    void unknownActionAsTheOnlyEventIs422WithItsIndex() {
        ApiResponse r = api.postEvents(tenant.apiKey(),
                batch(conversion("c-1", "v1", DAY + "T10:00:00Z", "signup", "10.00", null)));
        assertProblem(r, 422, "no event was accepted");
        JsonObject rejected = r.json().getJsonArray("rejected").getJsonObject(0);
        assertThat(r.json().getJsonArray("rejected")).hasSize(1);
        assertThat(rejected.getInt("index")).isZero();
        assertThat(rejected.getString("error")).contains("unknown conversion action 'signup'").contains("purchase");
        assertNothingStored();
    }

    @Test
    @RunAsClient
    void mixedBatchKeepsTheGoodEventsAndListsTheBadOnesByIndex() {
        String body = batch(
                touch("m-0", "v1", DAY + "T09:00:00Z", "utm_source", "newsletter", "utm_medium", "email"),
                conversion("m-1", "v1", DAY + "T09:30:00Z", "signup", "10.00", null),
                conversion("m-2", "v1", DAY + "T09:40:00Z", null, "42.50", "ORDER-1"),
                touch("m-3", "v2", "2025-03-10 09:00:00", "utm_source", "newsletter"),
                touch("m-4", null, DAY + "T09:00:00Z"),
                touch("m-5", "v3", DAY + "T09:00:00+25:00"),
                touch("m-6", "v3", "2099-01-01T00:00:00Z"));
        ApiResponse r = api.postEvents(tenant.apiKey(), body);

        assertThat(r.status()).as("%s", r).isEqualTo(202);
        JsonObject json = r.json();
        assertThat(json.getInt("accepted")).isEqualTo(2);
        assertThat(json.getInt("duplicates")).isZero();
        List<JsonObject> rejected = json.getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertThat(rejected).extracting(o -> o.getInt("index")).containsExactly(1, 3, 4, 5, 6);
        assertThat(rejected.get(0).getString("error")).contains("unknown conversion action 'signup'");
        assertThat(rejected.get(1).getString("error")).contains("timestamp").contains("2025-03-10 09:00:00");
        assertThat(rejected.get(2).getString("error")).contains("visitor_id is required");
        assertThat(rejected.get(3).getString("error")).contains("timestamp").contains("+25:00");
        assertThat(rejected.get(4).getString("error")).contains("more than a day in the future");

        // Exactly the two good events: one Email touch and one purchase of 42.50 it gets all credit for.
        api.awaitAttribution(tenant);
        assertThat(api.storedCounts(tenant)).isEqualTo(new StoredCounts(1, 1, 2, 5));
        JsonObject summary = api.summary(tenant, DAY, DAY);
        assertThat(summary.getJsonNumber("touchpoints").longValue()).isEqualTo(1);
        assertThat(summary.getJsonNumber("conversions").longValue()).isEqualTo(1);
        assertThat(summary.getJsonNumber("revenue").doubleValue()).isCloseTo(42.50, within(0.001));
        Reports.assertReport(api.attribution(tenant, "linear", DAY, DAY, "channel"),
                Map.of("Email", new Expected(1, 42.50)));
    }

    @Test
    @RunAsClient
    void itemsOfWrongJsonTypesAreRejectedOneByOne() {
        String body = "{\"events\":[42, {\"event_id\":\"w-1\",\"type\":\"conversion\",\"visitor_id\":\"v1\","
                + "\"timestamp\":\"" + DAY + "T10:00:00Z\",\"value\":\"ten\"}, {\"event_id\":7,\"type\":\"touchpoint\","
                + "\"visitor_id\":\"v1\",\"timestamp\":\"" + DAY + "T10:00:00Z\"}, {\"event_id\":\"w-3\","
                + "\"type\":\"pageview\",\"visitor_id\":\"v1\",\"timestamp\":\"" + DAY + "T10:00:00Z\"}]}";
        ApiResponse r = api.postEvents(tenant.apiKey(), body);
        assertProblem(r, 422, "no event was accepted");
        List<JsonObject> rejected = r.json().getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertThat(rejected).extracting(o -> o.getInt("index")).containsExactly(0, 1, 2, 3);
        assertThat(rejected.get(0).getString("error")).contains("JSON object");
        assertThat(rejected.get(1).getString("error")).contains("value must be a number");
        assertThat(rejected.get(2).getString("error")).contains("event_id must be a string");
        assertThat(rejected.get(3).getString("error")).contains("type must be 'touchpoint' or 'conversion'");
        assertNothingStored();
    }

    // ------------------------------------------------------------------ report parameters

    @Test
    @RunAsClient
    void badReportParametersAre400() {
        String key = tenant.apiKey();
        assertProblem(api.get("api/v1/reports/attribution?model=bayesian&from=" + DAY + "&to=" + DAY, key), 400,
                "unknown attribution model 'bayesian'");
        assertProblem(api.get("api/v1/reports/attribution?from=" + DAY + "&to=" + DAY, key), 400, "'model' is required");
        assertProblem(api.get("api/v1/reports/attribution?model=linear&from=10.03.2025&to=" + DAY, key), 400,
                "'from' must be a date as YYYY-MM-DD");
        assertProblem(api.get("api/v1/reports/attribution?model=linear&from=" + DAY + "&to=2025-02-30", key), 400,
                "'to' must be a date");
        assertProblem(api.get("api/v1/reports/attribution?model=linear&from=2025-03-11&to=2025-03-10", key), 400,
                "'from' (2025-03-11) is after 'to' (2025-03-10)");
        assertProblem(api.get("api/v1/reports/attribution?model=linear&from=" + DAY + "&to=" + DAY
                + "&dimension=country", key), 400, "dimension must be one of channel, campaign, source_medium or conversion_action, not 'country'");
        assertProblem(api.get("api/v1/reports/attribution?model=linear&from=" + DAY + "&to=" + DAY
                + "&action=no_such_action", key), 400, "unknown conversion action 'no_such_action'");
        assertProblem(api.get("api/v1/reports/summary?from=2025-13-01&to=" + DAY, key), 400, "'from' must be a date");
        assertProblem(api.get("api/v1/reports/summary?from=2025-03-11&to=2025-03-10", key), 400, "is after");
        // A filter the report does not take is refused, not silently ignored (which answers unfiltered).
        assertProblem(api.get("api/v1/reports/attribution?model=linear&from=" + DAY + "&to=" + DAY
                + "&utm_source=newsletter", key), 400, "unknown parameter 'utm_source'");
        assertProblem(api.get("api/v1/reports/summary?from=" + DAY + "&to=" + DAY + "&channel=Email", key), 400,
                "unknown parameter 'channel'");
    }

    // ------------------------------------------------------------------ tenant isolation

    @Test
    @RunAsClient
    void eachKeySeesOnlyItsOwnTenantsNumbers() {
        TestTenant other = api.createTenant("other tenant", ZoneId.of("UTC"), "EUR");
        // Tenant "other" gets a Paid Search purchase of 80.00; this test's tenant an Email purchase of 15.00.
        ApiResponse toOther = api.postEvents(other.apiKey(), batch(
                touch("iso-1", "shared-visitor", DAY + "T08:00:00Z", "gclid", "g-1"),
                conversion("iso-2", "shared-visitor", DAY + "T08:10:00Z", null, "80.00", "SAME-ORDER")));
        assertThat(toOther.status()).as("%s", toOther).isEqualTo(202);
        api.awaitAttribution(other);

        // Before this tenant sends anything, its reports are empty although the other tenant has data.
        Reports.assertEmpty(api.attribution(tenant, "last_touch", DAY, DAY, "channel"));
        assertThat(api.summary(tenant, DAY, DAY).getJsonNumber("touchpoints").longValue()).isZero();

        // The same event ids, visitor id and order id are not duplicates across tenants.
        ApiResponse toMine = api.postEvents(tenant.apiKey(), batch(
                touch("iso-1", "shared-visitor", DAY + "T09:00:00Z", "utm_medium", "email"),
                conversion("iso-2", "shared-visitor", DAY + "T09:10:00Z", null, "15.00", "SAME-ORDER")));
        assertThat(toMine.json().getInt("accepted")).as("%s", toMine).isEqualTo(2);
        assertThat(toMine.json().getInt("duplicates")).isZero();
        api.awaitAttribution(tenant);

        Reports.assertReport(api.attribution(tenant, "last_touch", DAY, DAY, "channel"),
                Map.of("Email", new Expected(1, 15.00)));
        Reports.assertReport(api.attribution(other, "last_touch", DAY, DAY, "channel"),
                Map.of("Paid Search", new Expected(1, 80.00)));
        assertThat(api.summary(tenant, DAY, DAY).getJsonNumber("revenue").doubleValue()).isCloseTo(15.00, within(0.001));
        assertThat(api.summary(other, DAY, DAY).getJsonNumber("revenue").doubleValue()).isCloseTo(80.00, within(0.001));
        ApiResponse wholeNumbers = api.get("api/v1/reports/attribution?model=last_touch&from=" + DAY + "&to=" + DAY
                + "&dimension=channel", other.apiKey());
        assertThat(wholeNumbers.body()).as("whole numbers as plain decimals, not 8E+1")
                .contains("\"revenue\":80,").doesNotContain("E+");
        assertThat(api.storedCounts(tenant)).isEqualTo(new StoredCounts(1, 1, 2, 5));
        assertThat(api.storedCounts(other)).isEqualTo(new StoredCounts(1, 1, 2, 5));
    }

    // ------------------------------------------------------------------ in the container

    @Inject
    private TenantFixture fixture;

    @EJB
    private TenantSelection selection;

    @EJB
    private ConversionActionService conversionActions;

    @EJB
    private ApiKeyService apiKeys;

    /**
     * In the container, below the API: JPA reads of tenant-owned entities see only the selected
     * tenant's rows, and fail when no tenant is selected instead of returning everyone's.
     */
    @Test
    void jpaReadsSeeOnlyTheSelectedTenantAndFailWithoutOne() {
        // The interceptor refuses a tenant-scoped method before it runs when no tenant is selected.
        assertThatThrownBy(() -> conversionActions.list()).as("a tenant-owned read with no tenant selected")
                .isInstanceOf(CurrentTenant.NoTenantException.class);

        TestTenant a = fixture.create("isolation a", ZoneId.of("UTC"), "EUR", EnumSet.allOf(ApiKeyScope.class),
                List.of(new TenantFixture.ActionSpec("only_a", ConversionCategory.MICRO, CountingMode.EVERY,
                        BigDecimal.ZERO)));
        TestTenant b = fixture.create("isolation b", ZoneId.of("UTC"), "EUR", EnumSet.of(ApiKeyScope.READ),
                List.of());

        selection.asPlatform(a.id());
        assertThat(conversionActions.list()).extracting(ConversionAction::getKey).containsExactly("only_a", "purchase");
        assertThat(apiKeys.list()).hasSize(1);

        selection.asPlatform(b.id());
        assertThat(conversionActions.list()).extracting(ConversionAction::getKey).containsExactly("purchase");
        assertThat(conversionActions.findByKey("only_a")).isEmpty();
        assertThat(apiKeys.list()).singleElement().satisfies(k ->
                assertThat(k.getScopes()).containsExactly(ApiKeyScope.READ));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertProblem(ApiResponse r, int status, String detailPart) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).isEqualTo("application/problem+json");
        JsonObject problem = r.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).as("detail of %s", r).contains(detailPart);
    }

    /** Nothing in any table the write path fills, and nothing in the reports. */
    private void assertNothingStored() {
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
        JsonObject summary = api.summary(tenant, "2025-01-01", "2025-12-31");
        assertThat(summary.getJsonNumber("touchpoints").longValue()).isZero();
        assertThat(summary.getJsonNumber("conversions").longValue()).isZero();
        Reports.assertEmpty(api.attribution(tenant, "linear", "2025-01-01", "2025-12-31", "channel"));
    }
}
