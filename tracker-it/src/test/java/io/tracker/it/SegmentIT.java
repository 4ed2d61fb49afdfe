package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.Reports;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Segment-compatible API from outside: Segment's own Java client ({@code analytics-java}, which
 * posts batches to {@code /v1/import/} with the write key in the body) pointed at Tracker, then raw HTTP
 * for what a client library never sends (bad credentials, oversize, malformed JSON, Basic auth).
 *
 * <p>Expected values come from the inputs: the SHA-256 of the normalised e-mail is worked out here with
 * {@link java.security.MessageDigest}; the channel of {@code utm_medium=email} is "Email" (GA4's default
 * channel grouping); the purchase's only touch is the newsletter's, so every model credits the campaign
 * "spring" with the whole purchase.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentIT {

    /** A desktop Chrome (a headless or library user agent would be counted as a robot). */
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String EMAIL = "  Jane.Doe@Example.COM ";

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @Test
    void segmentsJavaClientSendsAJourneyThatIsStoredAndAttributed() throws Exception {
        TestTenant t = api.createTenant("segment journey", ZoneId.of("UTC"), "EUR");
        String anonymousId = UUID.randomUUID().toString();
        Instant orderTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String landing = "https://shop.example/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring";

        List<Message> sent = sendWithSegmentsClient(t.apiKey(),
                PageMessage.builder("Landing")
                        .messageId("seg-page-1")
                        .anonymousId(anonymousId)
                        .timestamp(Date.from(orderTime.minus(1, ChronoUnit.HOURS)))
                        .context(Map.of("userAgent", CHROME, "ip", "203.0.113.7",
                                "campaign", Map.of("name", "spring", "source", "newsletter", "medium", "email"),
                                "page", Map.of("url", landing, "referrer", "https://mail.example/"))),
                IdentifyMessage.builder()
                        .messageId("seg-identify-1")
                        .anonymousId(anonymousId)
                        .userId("cust-7")
                        .timestamp(Date.from(orderTime.minus(30, ChronoUnit.MINUTES)))
                        .traits(Map.of("email", EMAIL, "name", "Jane")),
                TrackMessage.builder("Signed Up")
                        .messageId("seg-signup-1")
                        .anonymousId(anonymousId)
                        .timestamp(Date.from(orderTime.minus(29, ChronoUnit.MINUTES)))
                        .properties(Map.of("type", "organic", "email", EMAIL)),
                // the shop's back end knows the customer, not the browser's anonymous id
                TrackMessage.builder("Order Completed")
                        .messageId("seg-order-1")
                        .userId("cust-7")
                        .timestamp(Date.from(orderTime))
                        .properties(Map.of("order_id", "A-1001", "revenue", 129.90, "currency", "EUR",
                                "products", List.of(Map.of("sku", "TENT-2", "price", 129.90)))));
        assertThat(sent).hasSize(4);
        api.awaitAttribution(t);

        JsonObject state = api.tenantState(t.id());
        JsonArray touchpoints = state.getJsonArray("touchpoint");
        assertThat(touchpoints).hasSize(1);
        JsonObject touch = touchpoints.getJsonObject(0);
        assertThat(touch.getString("event_id")).isEqualTo("seg-page-1");
        assertThat(touch.getString("visitor_id")).isEqualTo(anonymousId);
        assertThat(touch.getString("way_in")).isEqualTo("SEGMENT");
        assertThat(touch.getString("utm_source")).isEqualTo("newsletter");
        assertThat(touch.getString("utm_medium")).isEqualTo("email");
        assertThat(touch.getString("utm_campaign")).isEqualTo("spring");
        assertThat(touch.getString("channel")).isEqualTo("Email");
        assertThat(touch.getString("url")).isEqualTo(landing);
        assertThat(touch.getString("referrer")).isEqualTo("https://mail.example/");

        String emailHash = sha256("jane.doe@example.com");
        Set<String> links = state.getJsonArray("identity_link").getValuesAs(JsonObject.class).stream()
                .map(l -> l.getString("visitor_id") + " " + l.getString("person_key")).collect(Collectors.toSet());
        assertThat(links).containsExactlyInAnyOrder(
                anonymousId + " user:cust-7",
                anonymousId + " email:" + emailHash,
                "segment-user:cust-7 user:cust-7");
        JsonArray events = state.getJsonArray("custom_event");
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getString("name")).isEqualTo("sign_up");
        assertThat(events.getJsonObject(0).getJsonObject("properties").getString("email_sha256")).isEqualTo(emailHash);
        assertThat(state.toString().toLowerCase()).as("the raw e-mail address is stored nowhere")
                .doesNotContain("jane.doe@example.com").doesNotContain("jane.doe");

        JsonArray conversions = state.getJsonArray("conversion");
        assertThat(conversions).hasSize(1);
        JsonObject purchase = conversions.getJsonObject(0);
        assertThat(purchase.getString("order_id")).isEqualTo("A-1001");
        assertThat(purchase.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("129.90");
        assertThat(purchase.getString("currency")).isEqualTo("EUR");
        assertThat(purchase.getString("event_id")).isEqualTo("seg-order-1");
        assertThat(purchase.getString("visitor_id")).isEqualTo("segment-user:cust-7");
        assertThat(purchase.getString("way_in")).isEqualTo("SEGMENT");

        LocalDate day = orderTime.atZone(ZoneOffset.UTC).toLocalDate();
        for (String model : List.of("last_touch", "first_touch", "linear")) {
            JsonObject report = api.attribution(t, Map.of("model", model, "from", day.minusDays(1).toString(),
                    "to", day.plusDays(1).toString(), "dimension", "campaign"));
            Reports.assertReport(report, Map.of("spring", new Expected(1, 129.90)));
        }
    }

    @Test
    void theSameMessageIdTwiceIsStoredOnce() {
        TestTenant t = api.createTenant("segment duplicate", ZoneId.of("UTC"), "EUR");
        String added = message("track", "seg-dup-1", "\"event\":\"Product Added\",\"properties\":{\"sku\":\"TENT-2\"}");
        ApiResponse first = batch(basic(t.apiKey()), "{\"batch\":[" + added + "," + added + "]}");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().getBoolean("success")).isTrue();
        ApiResponse again = batch(basic(t.apiKey()), "{\"batch\":[" + added + "]}");
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        // the same order under two message ids: one conversion (an order id counts once per action)
        String order = "\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"B-1\",\"revenue\":10}";
        assertThat(batch(basic(t.apiKey()), "{\"batch\":[" + message("track", "seg-o-1", order) + ","
                + message("track", "seg-o-2", order) + "]}").status()).isEqualTo(200);

        JsonObject state = api.tenantState(t.id());
        assertThat(state.getJsonArray("custom_event").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("name") + " " + e.getString("event_id") + " " + e.getString("way_in"))
                .containsExactly("add_to_cart seg-dup-1 SEGMENT");
        assertThat(state.getJsonArray("conversion").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("order_id")).containsExactly("B-1");
    }

    @Test
    void credentialsAreCheckedAndNothingIsStoredWithoutAGoodOne() {
        TestTenant t = api.createTenant("segment auth", ZoneId.of("UTC"), "EUR");
        TestTenant readOnly = api.createTenantWithScopes("segment read only", ZoneId.of("UTC"), "EUR", "READ");
        String body = "{\"batch\":[" + message("track", "seg-auth-1", "\"event\":\"Signed Up\"") + "]}";

        ApiResponse none = batch(null, body);
        assertProblem(none, 401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
        ApiResponse unknown = batch(basic("trk_not_a_key_" + UUID.randomUUID()), body);
        assertProblem(unknown, 401);
        assertThat(unknown.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(batch("Bearer " + t.apiKey(), body), 401);
        assertProblem(batch(basic("trk_not_a_key"), body.replace("{\"batch\"",
                "{\"writeKey\":\"" + t.apiKey() + "\",\"batch\"")), 401);
        assertThat(assertProblem(batch(basic(readOnly.apiKey()), body), 403)).contains("WRITE");
        assertProblem(batch(null, body.replace("{\"batch\"", "{\"writeKey\":\"" + readOnly.apiKey() + "\",\"batch\"")), 403);
        assertThat(api.storedCounts(t)).isEqualTo(StoredCounts.NONE);
        assertThat(api.tenantState(t.id()).getJsonArray("custom_event")).isEmpty();
        assertThat(api.tenantState(readOnly.id()).getJsonArray("custom_event")).isEmpty();

        // the key in the body alone, as analytics.js sends it to its short path, as text/plain
        ApiResponse shortPath = api.send(api.request("v1/t").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"writeKey\":\"" + t.apiKey() + "\",\"type\":\"track\","
                        + "\"event\":\"Signed Up\",\"anonymousId\":\"anon-auth\",\"messageId\":\"seg-auth-2\"}")));
        assertThat(shortPath.status()).as("%s", shortPath).isEqualTo(200);
        assertThat(shortPath.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(api.tenantState(t.id()).getJsonArray("custom_event").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("name")).containsExactly("sign_up");
    }

    @Test
    void aTenantsKeyNeverWritesIntoAnotherTenant() {
        TestTenant a = api.createTenant("segment tenant a", ZoneId.of("UTC"), "EUR");
        TestTenant b = api.createTenant("segment tenant b", ZoneId.of("UTC"), "EUR");
        JsonObject bBefore = api.tenantState(b.id());
        String message = message("track", "seg-x-1", "\"event\":\"Signed Up\",\"context\":{\"tenant\":\"" + b.id()
                + "\"},\"properties\":{\"tenant_id\":\"" + b.id() + "\"}");

        // A's key with B's key in the body: refused, nothing stored anywhere
        assertProblem(batch(basic(a.apiKey()), "{\"writeKey\":\"" + b.apiKey() + "\",\"batch\":[" + message + "]}"), 401);
        assertThat(api.tenantState(a.id()).getJsonArray("custom_event")).isEmpty();

        // A's key, B's id in every field a sender controls: stored for A only
        ApiResponse r = batch(basic(a.apiKey()), "{\"tenant\":\"" + b.id() + "\",\"batch\":[" + message + "]}");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(api.tenantState(a.id()).getJsonArray("custom_event").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("event_id")).containsExactly("seg-x-1");
        assertThat(api.tenantState(b.id())).as("B's rows").isEqualTo(bBefore);

        // B sends the same message id: its own event, not a duplicate of A's
        assertThat(batch(basic(b.apiKey()), "{\"batch\":[" + message + "]}").status()).isEqualTo(200);
        assertThat(api.tenantState(b.id()).getJsonArray("custom_event")).hasSize(1);
    }

    @Test
    void segmentsSizeLimits() throws IOException {
        TestTenant t = api.createTenant("segment limits", ZoneId.of("UTC"), "EUR");
        String filler = "x".repeat(33 * 1024);
        String big = message("track", "seg-big-1", "\"event\":\"Big\",\"properties\":{\"filler\":\"" + filler + "\"}");
        String good = message("track", "seg-ok-1", "\"event\":\"Signed Up\"");

        // a message over 32 KB in a batch is rejected alone
        ApiResponse partial = batch(basic(t.apiKey()), "{\"batch\":[" + big + "," + good + "]}");
        assertThat(partial.status()).as("%s", partial).isEqualTo(200);
        JsonObject answer = partial.json();
        assertThat(answer.getBoolean("success")).isFalse();
        assertThat(answer.getInt("accepted")).isEqualTo(1);
        JsonObject rejected = answer.getJsonArray("rejected").getJsonObject(0);
        assertThat(rejected.getInt("index")).isZero();
        assertThat(rejected.getString("messageId")).isEqualTo("seg-big-1");
        assertThat(rejected.getString("reason")).contains("32 KB");
        assertThat(api.tenantState(t.id()).getJsonArray("custom_event").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("event_id")).containsExactly("seg-ok-1");

        // a single call over 32 KB, a batch over 500 KB (by Content-Length, and gzip-compressed: counted unpacked)
        assertThat(assertProblem(post("v1/track", basic(t.apiKey()), null, big.getBytes(StandardCharsets.UTF_8)), 413))
                .contains("32 KB");
        StringBuilder huge = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 16; i++) {
            huge.append(i == 0 ? "" : ",").append(message("track", "seg-huge-" + i,
                    "\"event\":\"Big\",\"properties\":{\"filler\":\"" + "y".repeat(32 * 1024 - 200) + "\"}"));
        }
        String hugeBatch = huge.append("]}").toString();
        assertThat(hugeBatch.length()).isGreaterThan(500 * 1024);
        assertThat(assertProblem(batch(basic(t.apiKey()), hugeBatch), 413)).contains("500 KB");
        byte[] zipped = gzip(hugeBatch.getBytes(StandardCharsets.UTF_8));
        assertThat(zipped.length).isLessThan(20 * 1024);
        assertThat(assertProblem(post("v1/batch", basic(t.apiKey()), "gzip", zipped), 413)).contains("500 KB");
        assertThat(api.tenantState(t.id()).getJsonArray("custom_event")).hasSize(1);

        // gzip within the limit is read
        ApiResponse zippedOk = post("v1/batch", basic(t.apiKey()), "gzip", gzip(("{\"batch\":["
                + message("track", "seg-gz-1", "\"event\":\"Signed Up\"") + "]}").getBytes(StandardCharsets.UTF_8)));
        assertThat(zippedOk.status()).as("%s", zippedOk).isEqualTo(200);
        assertThat(api.tenantState(t.id()).getJsonArray("custom_event")).hasSize(2);
    }

    @Test
    void malformedAndInvalidMessages() {
        TestTenant t = api.createTenant("segment malformed", ZoneId.of("UTC"), "EUR");
        assertThat(assertProblem(batch(basic(t.apiKey()), "{\"batch\":[{\"type\":\"track\""), 400)).contains("JSON");
        assertThat(assertProblem(batch(basic(t.apiKey()), "not json"), 400)).contains("JSON");
        assertProblem(post("v1/track", basic(t.apiKey()), null, "[]".getBytes(StandardCharsets.UTF_8)), 400);

        // a batch keeps its good messages and names the bad ones
        ApiResponse partial = batch(basic(t.apiKey()), "{\"batch\":["
                + message("track", "seg-m-1", "\"event\":\"Signed Up\"") + ","
                + "{\"type\":\"track\",\"event\":\"Signed Up\",\"messageId\":\"seg-m-2\"},"
                + message("screen", "seg-m-3", "\"name\":\"Home\"") + ","
                + message("track", "seg-m-4", "\"event\":\"Order Completed\",\"properties\":{\"revenue\":-5}") + "]}");
        assertThat(partial.status()).as("%s", partial).isEqualTo(200);
        assertThat(partial.json().getInt("accepted")).isEqualTo(2);
        List<JsonObject> rejected = partial.json().getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertThat(rejected).extracting(r -> r.getInt("index") + " " + r.getString("messageId"))
                .containsExactly("1 seg-m-2", "3 seg-m-4");
        assertThat(rejected.get(0).getString("reason")).contains("anonymousId or a userId");
        assertThat(rejected.get(1).getString("reason")).contains("negative");

        // nothing accepted: 400 with the list
        ApiResponse none = batch(basic(t.apiKey()), "{\"batch\":[{\"type\":\"bogus\",\"anonymousId\":\"a\"}]}");
        assertProblem(none, 400);
        assertThat(none.json().getJsonArray("rejected")).hasSize(1);
        assertThat(api.tenantState(t.id()).getJsonArray("custom_event").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("event_id")).containsExactly("seg-m-1");
    }

    /**
     * Last, since it cuts the database off for a moment ({@link TestDatabase}): a batch that cannot be
     * committed is answered 503 with {@code Retry-After}, never 200; sent again as Segment's libraries
     * do, it is stored once.
     */
    @Test
    @Order(100)
    void aBatchThatCannotBeCommittedIs503AndItsRetryIsStoredOnce() throws Exception {
        TestTenant t = api.createTenant("segment outage", ZoneId.of("UTC"), "EUR");
        assertThat(batch(basic(t.apiKey()), "{\"batch\":[" + message("track", "seg-warm-1", "\"event\":\"Signed Up\"")
                + "]}").status()).as("the key is known before the outage").isEqualTo(200);
        String body = "{\"batch\":[" + message("track", "seg-out-1", "\"event\":\"Signed Up\"") + "]}";
        ApiResponse during;
        try {
            TestDatabase.cutOff();
            during = batch(basic(t.apiKey()), body);
        } finally {
            TestDatabase.reconnect();
        }
        assertProblem(during, 503);
        assertThat(Integer.parseInt(during.header("Retry-After"))).isPositive();

        Instant deadline = Instant.now().plusSeconds(60);
        ApiResponse again = batch(basic(t.apiKey()), body);
        while (again.status() != 200 && Instant.now().isBefore(deadline)) {
            assertThat(again.status()).as("while the pool recovers: %s", again).isEqualTo(503);
            Thread.sleep(500);
            again = batch(basic(t.apiKey()), body);
        }
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(batch(basic(t.apiKey()), body).status()).as("a retry after a lost answer").isEqualTo(200);
        assertThat(api.tenantState(t.id()).getJsonArray("custom_event").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("event_id")).containsExactlyInAnyOrder("seg-warm-1", "seg-out-1");
    }

    /**
     * Sends the messages with Segment's Java client (its default: a batch to {@code /v1/import/}, the
     * write key in the body) and waits until the client reports each one sent (2xx) or failed.
     *
     * @return the messages the client reported sent; fails when any failed
     */
    private static List<Message> sendWithSegmentsClient(String writeKey, com.segment.analytics.messages.MessageBuilder<?, ?>... messages)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(messages.length);
        Set<Message> ok = ConcurrentHashMap.newKeySet();
        Map<String, Throwable> failed = new ConcurrentHashMap<>();
        Analytics analytics = Analytics.builder(writeKey)
                .endpoint(TrackerClient.BASE_URL.toString().replaceAll("/+$", ""))
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        ok.add(message);
                        done.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failed.put(message.messageId(), throwable);
                        done.countDown();
                    }
                })
                .build();
        try {
            for (var m : messages) {
                analytics.enqueue(m);
            }
            analytics.flush();
            assertThat(done.await(60, TimeUnit.SECONDS)).as("the client reported every message").isTrue();
        } finally {
            analytics.shutdown();
        }
        assertThat(failed).as("messages the client failed to send").isEmpty();
        return List.copyOf(ok);
    }

    private static String message(String type, String messageId, String fields) {
        return "{\"type\":\"" + type + "\",\"messageId\":\"" + messageId + "\",\"anonymousId\":\"anon-" + messageId
                + "\"," + fields + "}";
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse batch(String authorization, String json) {
        return post("v1/batch", authorization, null, json.getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse post(String path, String authorization, String encoding, byte[] body) {
        HttpRequest.Builder b = api.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return api.send(b);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static String sha256(String text) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte x : d) {
            hex.append(String.format("%02x", x));
        }
        return hex.toString();
    }
}
