package io.tracker.application.recovery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook as the tenant's platform receives it, checked here without the sender's own code. */
class WebhookSmsSenderTest {

    private static final String SECRET = "whsec_0123456789abcdef";
    private static final long NOW = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final HttpClient HTTP = SmsHttp.defaultClient();

    private LocalServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookSmsSender sender() {
        return new WebhookSmsSender(server.uri("/hooks/sms"), SECRET, HTTP, CLOCK);
    }

    @Test
    void postsSignedJsonWithTheIdempotencyKey() throws Exception {
        server.answer(202, "{\"id\":\"msg_81\",\"status\":\"queued\"}");

        SendResult result = sender().send(Texts.text("https://app.tracker.example/sms/status/77"));

        assertThat(result).isEqualTo(new SendResult(SendResult.Outcome.ACCEPTED, 202, "msg_81", null));
        LocalServer.Request r = server.only();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/hooks/sms");
        assertThat(r.headers()).containsEntry("content-type", "application/json")
                .containsEntry("idempotency-key", Texts.KEY)
                .containsEntry("user-agent", "Tracker-SMS/1");

        Matcher signature = Pattern.compile("t=([0-9]+),v1=([0-9a-f]{64})").matcher(r.headers().get("x-tracker-signature"));
        assertThat(signature.matches()).isTrue();
        assertThat(signature.group(1)).isEqualTo("1700000000");
        assertThat(signature.group(2)).isEqualTo(hmacSha256Hex(SECRET, "1700000000.", r.body()));

        JsonObject json = parse(r.body());
        assertThat(json.keySet()).containsExactlyInAnyOrder("message_id", "to", "body", "link", "flow", "cart_id", "step",
                "status_callback");
        assertThat(json.getString("message_id")).isEqualTo(Texts.KEY);
        assertThat(json.getString("to")).isEqualTo("+4915112345678");
        assertThat(json.getString("body")).isEqualTo("Ihr Warenkorb wartet – 10 % Rabatt bis Sonntag: https://trk.example/r/Ab3dE");
        assertThat(json.getString("link")).isEqualTo("https://trk.example/r/Ab3dE");
        assertThat(json.getJsonObject("flow").getJsonNumber("id").longValueExact()).isEqualTo(42L);
        assertThat(json.getJsonObject("flow").getString("name")).isEqualTo("Abandoned checkout – DE");
        assertThat(json.getJsonNumber("cart_id").longValueExact()).isEqualTo(9_000_000_001L);
        assertThat(json.getJsonNumber("step").intValueExact()).isEqualTo(2);
        assertThat(json.getString("status_callback")).isEqualTo("https://app.tracker.example/sms/status/77");
    }

    @Test
    void aTamperedBodyNoLongerMatchesTheSignature() throws Exception {
        sender().send(Texts.text(null));
        LocalServer.Request r = server.only();
        byte[] tampered = r.text().replace("\"step\":2", "\"step\":3").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(r.body());
        assertThat(r.headers().get("x-tracker-signature"))
                .isNotEqualTo("t=1700000000,v1=" + hmacSha256Hex(SECRET, "1700000000.", tampered))
                .isNotEqualTo("t=1700000000,v1=" + hmacSha256Hex("another-secret-0123", "1700000000.", r.body()));
    }

    @Test
    void leavesStatusCallbackOutWhenThereIsNone() {
        sender().send(Texts.text(null));
        assertThat(parse(server.only().body()).keySet()).doesNotContain("status_callback").contains("message_id");
    }

    @Test
    void theRetryOfATextCarriesTheSameKeyAndBody() {
        server.answer(503, "{\"error\":\"busy\"}").answer(200, "{\"id\":17}");
        WebhookSmsSender sender = sender();

        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.RETRY, 503, null, "HTTP 503: busy"));
        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.ACCEPTED, 200, "17", null));

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).headers().get("idempotency-key")).isEqualTo(Texts.KEY);
        assertThat(server.requests().get(1).body()).isEqualTo(server.requests().get(0).body());
    }

    @Test
    void anAnswerWithoutAnIdIsAcceptedWithoutOne() {
        server.answer(200, "[\"ok\"]").answer(204, "").answer(200, "{\"id\":null}")
                .answer(new LocalServer.Answer(200, "text/plain", "OK".getBytes(StandardCharsets.UTF_8), 0));
        WebhookSmsSender sender = sender();
        for (int status : new int[] {200, 204, 200, 200}) {
            assertThat(sender.send(Texts.text(null)))
                    .isEqualTo(new SendResult(SendResult.Outcome.ACCEPTED, status, null, null));
        }
    }

    @Test
    void temporaryStatusesAreRetriedAndTheOthersFail() {
        server.answer(408, "").answer(425, "").answer(429, "{\"message\":\"slow down\"}")
                .answer(500, "{\"error\":{\"message\":\"database down\"}}")
                .answer(400, "{\"error\":\"invalid number\"}")
                .answer(new LocalServer.Answer(422, "text/plain", "  no\n consent  ".getBytes(StandardCharsets.UTF_8), 0))
                .answer(new LocalServer.Answer(302, "text/html", new byte[0], 0));
        WebhookSmsSender sender = sender();

        assertThat(sender.send(Texts.text(null))).isEqualTo(new SendResult(SendResult.Outcome.RETRY, 408, null, "HTTP 408"));
        assertThat(sender.send(Texts.text(null))).isEqualTo(new SendResult(SendResult.Outcome.RETRY, 425, null, "HTTP 425"));
        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.RETRY, 429, null, "HTTP 429: slow down"));
        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.RETRY, 500, null, "HTTP 500: database down"));
        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.FAILED, 400, null, "HTTP 400: invalid number"));
        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.FAILED, 422, null, "HTTP 422: no consent"));
        assertThat(sender.send(Texts.text(null))).isEqualTo(new SendResult(SendResult.Outcome.FAILED, 302, null, "HTTP 302"));
    }

    @Test
    void aHugeAnswerIsReadOnlyInPartAndItsErrorIsShort() {
        byte[] huge = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
        server.answer(new LocalServer.Answer(500, "text/plain", huge, 0))
                .answer(new LocalServer.Answer(200, "application/json", huge, 0));
        WebhookSmsSender sender = sender();

        SendResult error = sender.send(Texts.text(null));
        assertThat(error.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(error.httpStatus()).isEqualTo(500);
        assertThat(error.error()).startsWith("HTTP 500: xxx").hasSizeLessThanOrEqualTo(SendResult.MAX_ERROR);
        assertThat(sender.send(Texts.text(null))).isEqualTo(new SendResult(SendResult.Outcome.ACCEPTED, 200, null, null));
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        WebhookSmsSender sender = new WebhookSmsSender(URI.create("http://127.0.0.1:" + freePort() + "/hooks/sms"), SECRET,
                HTTP, CLOCK);
        SendResult result = sender.send(Texts.text(null));
        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.httpStatus()).isNull();
        assertThat(result.providerMessageId()).isNull();
        assertThat(result.error()).startsWith("no answer: ConnectException");
    }

    @Test
    void noAnswerInTimeIsRetried() {
        server.answer(new LocalServer.Answer(200, "application/json", "{\"id\":\"late\"}".getBytes(StandardCharsets.UTF_8),
                3_000));
        WebhookSmsSender sender = new WebhookSmsSender(server.uri("/hooks/sms"), SECRET, HTTP, CLOCK,
                Duration.ofMillis(300));
        long started = System.nanoTime();
        SendResult result = sender.send(Texts.text(null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).startsWith("no answer");
    }

    @Test
    void refusesAShortSecretABadUrlAndAClientThatFollowsRedirects() {
        URI url = server.uri("/hooks/sms");
        assertThatThrownBy(() -> new WebhookSmsSender(url, "fifteen-chars-x", HTTP, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
        assertThatThrownBy(() -> new WebhookSmsSender(URI.create("/hooks/sms"), SECRET, HTTP, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSmsSender(URI.create("ftp://example.com/x"), SECRET, HTTP, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new WebhookSmsSender(url, SECRET, following, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redirects");
    }

    @Test
    void theDefaultClientSpeaksHttp11AndFollowsNoRedirects() {
        HttpClient client = SmsHttp.defaultClient();
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        assertThat(client.connectTimeout()).contains(Duration.ofSeconds(10));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String hmacSha256Hex(String key, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }
}
