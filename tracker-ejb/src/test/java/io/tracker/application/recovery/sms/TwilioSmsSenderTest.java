package io.tracker.application.recovery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's Messages API request as its documentation shows it, checked here without the sender's own code. */
class TwilioSmsSenderTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "your_auth_token_32_chars_long_00";
    private static final String NUMBER = "+15005550006";
    private static final String SERVICE = "MG9752274e9e519418a7406176694466fa";
    private static final String SID = "SM1f0e8ae6ade43cb3c0ce4525424e404f";
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

    private TwilioSmsSender sender(String from) {
        return new TwilioSmsSender(server.uri(""), ACCOUNT, TOKEN, from, HTTP);
    }

    private static String created(String sid) {
        return "{\"account_sid\":\"" + ACCOUNT + "\",\"api_version\":\"2010-04-01\",\"body\":\"…\",\"direction\":\"outbound-api\","
                + "\"from\":\"" + NUMBER + "\",\"num_segments\":\"1\",\"sid\":\"" + sid + "\",\"status\":\"queued\","
                + "\"to\":\"+4915112345678\",\"uri\":\"/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid + ".json\"}";
    }

    @Test
    void postsTheFormWithBasicAuthentication() {
        server.answer(201, created(SID));

        SendResult result = sender(NUMBER).send(Texts.text("https://app.tracker.example/sms/status/77"));

        assertThat(result).isEqualTo(new SendResult(SendResult.Outcome.ACCEPTED, 201, SID, null));
        LocalServer.Request r = server.only();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json");
        assertThat(r.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        String authorization = r.headers().get("authorization");
        assertThat(authorization).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("AC0123456789abcdef0123456789abcdef:your_auth_token_32_chars_long_00");
        assertThat(form(r.text())).containsExactly(
                Map.entry("To", "+4915112345678"),
                Map.entry("From", "+15005550006"),
                Map.entry("Body", "Ihr Warenkorb wartet – 10 % Rabatt bis Sonntag: https://trk.example/r/Ab3dE"),
                Map.entry("StatusCallback", "https://app.tracker.example/sms/status/77"));
    }

    @Test
    void aMessagingServiceSendsInsteadOfANumber() {
        server.answer(201, created(SID));

        assertThat(sender(SERVICE).send(Texts.text(null)).providerMessageId()).isEqualTo(SID);

        assertThat(form(server.only().text())).containsOnlyKeys("To", "MessagingServiceSid", "Body")
                .containsEntry("MessagingServiceSid", SERVICE);
    }

    @Test
    void aBaseWithAPathKeepsIt() {
        new TwilioSmsSender(server.uri("/twilio/"), ACCOUNT, TOKEN, NUMBER, HTTP).send(Texts.text(null));
        assertThat(server.only().path()).isEqualTo("/twilio/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
    }

    @Test
    void anInvalidNumberFails() {
        server.answer(400, "{\"code\": 21211, \"message\": \"The 'To' number +4915112345678 is not a valid phone number.\","
                + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}");

        assertThat(sender(NUMBER).send(Texts.text(null))).isEqualTo(new SendResult(SendResult.Outcome.FAILED, 400, null,
                "twilio 21211: The 'To' number +4915112345678 is not a valid phone number."));
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetried() {
        server.answer(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}")
                .answer(new LocalServer.Answer(503, "text/html", "<html><body>Service Unavailable</body></html>"
                        .getBytes(StandardCharsets.UTF_8), 0))
                .answer(401, "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
        TwilioSmsSender sender = sender(NUMBER);

        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.RETRY, 429, null, "twilio 20429: Too Many Requests"));
        assertThat(sender.send(Texts.text(null))).isEqualTo(new SendResult(SendResult.Outcome.RETRY, 503, null,
                "twilio HTTP 503: <html><body>Service Unavailable</body></html>"));
        assertThat(sender.send(Texts.text(null)))
                .isEqualTo(new SendResult(SendResult.Outcome.FAILED, 401, null, "twilio 20003: Authenticate"));
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        TwilioSmsSender sender = new TwilioSmsSender(URI.create("http://127.0.0.1:" + WebhookSmsSenderTest.freePort()),
                ACCOUNT, TOKEN, NUMBER, HTTP);
        SendResult result = sender.send(Texts.text(null));
        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).startsWith("no answer: ConnectException");
    }

    @Test
    void refusesMalformedCredentialsAndSenders() {
        URI base = TwilioSmsSender.API;
        assertThat(base).isEqualTo(URI.create("https://api.twilio.com"));
        assertThatThrownBy(() -> new TwilioSmsSender(base, "AC0123", TOKEN, NUMBER, HTTP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwilioSmsSender(base, ACCOUNT, " ", NUMBER, HTTP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwilioSmsSender(base, ACCOUNT, TOKEN, "015112345678", HTTP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwilioSmsSender(base, ACCOUNT, TOKEN, "MG123", HTTP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwilioSmsSender(base, ACCOUNT, TOKEN, NUMBER,
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The form's fields in order, decoded. */
    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            if (fields.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                throw new AssertionError(name + " sent twice");
            }
        }
        return fields;
    }
}
