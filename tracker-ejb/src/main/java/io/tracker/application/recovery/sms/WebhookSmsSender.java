package io.tracker.application.recovery.sms;

import io.tracker.domain.calltracking.WebhookSignature;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends a text to the tenant's own SMS platform as a signed JSON webhook.
 *
 * <p>{@code POST {url}} with
 * <ul>
 *   <li>{@code Content-Type: application/json}, {@code User-Agent: Tracker-SMS/1};</li>
 *   <li>{@code Idempotency-Key: {messageKey}} — the same on every retry of a text, so the platform can send it once
 *       even when Tracker did not see its answer;</li>
 *   <li>{@code X-Tracker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the tenant's secret,
 *       as {@link WebhookSignature#tracker} makes it for all of Tracker's webhooks (the receiver should refuse a
 *       {@code t} more than {@value WebhookSignature#TOLERANCE_SECONDS} s from its clock);</li>
 *   <li>the body {@code {"message_id": …, "to": "+E.164", "body": …, "link": …, "flow": {"id": n, "name": …},
 *       "cart_id": n, "step": 1..3, "status_callback": …}} ({@code status_callback} only when there is one), UTF-8.</li>
 * </ul>
 *
 * <p>Answers: 2xx ACCEPTED, with the answer's {@code "id"} (string or number) as the provider's message id when the
 * answer is a JSON object that has one; 408, 425, 429 and 5xx RETRY; other statuses (4xx, and 3xx: redirects are not
 * followed) FAILED with {@code "HTTP <status>: <the answer's error or message, or its text>"}; no answer within
 * 30 s, or a refused or broken connection, RETRY without a status. At most {@value SmsHttp#MAX_ANSWER_BYTES} bytes
 * of an answer are read.
 */
public final class WebhookSmsSender implements SmsSender {

    static final int MIN_SECRET_LENGTH = 16;

    private final URI url;
    private final String secret;
    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;

    /**
     * @param url    the platform's webhook address, absolute {@code https} (or {@code http} for a local stand-in)
     * @param secret the signing secret shared with the platform, at least {@value #MIN_SECRET_LENGTH} characters
     * @param http   a client that follows no redirects, as {@link SmsHttp#defaultClient()} makes
     * @param clock  the signature's time
     */
    public WebhookSmsSender(URI url, String secret, HttpClient http, Clock clock) {
        this(url, secret, http, clock, SmsHttp.REQUEST_TIMEOUT);
    }

    /** With a shorter timeout, for tests of the timeout itself. */
    WebhookSmsSender(URI url, String secret, HttpClient http, Clock clock, Duration requestTimeout) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("the webhook URL is not an absolute http(s) URL: " + url);
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the signing secret has fewer than " + MIN_SECRET_LENGTH + " characters");
        }
        this.url = url;
        this.secret = secret;
        this.http = SmsHttp.requireNoRedirects(Objects.requireNonNull(http, "http"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestTimeout = requestTimeout;
    }

    @Override
    public SendResult send(OutgoingText text) {
        byte[] body = body(text);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", SmsHttp.USER_AGENT)
                .header("Idempotency-Key", text.messageKey())
                .header("X-Tracker-Signature", WebhookSignature.tracker(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        SmsHttp.Answer answer;
        try {
            answer = SmsHttp.exchange(http, request, requestTimeout);
        } catch (SmsHttp.NoAnswer e) {
            return new SendResult(SendResult.Outcome.RETRY, null, null, e.getMessage());
        }
        JsonObject json = answer.json();
        if (answer.success()) {
            return SendResult.accepted(answer.status(), json == null ? null : id(json));
        }
        return new SendResult(SmsHttp.unsuccessful(answer.status()), answer.status(), null,
                "HTTP " + answer.status() + why(answer, json));
    }

    /** The request body, UTF-8. */
    static byte[] body(OutgoingText text) {
        JsonObjectBuilder b = SmsHttp.JSON.createObjectBuilder()
                .add("message_id", text.messageKey())
                .add("to", text.to())
                .add("body", text.body())
                .add("link", text.link())
                .add("flow", SmsHttp.JSON.createObjectBuilder().add("id", text.flowId()).add("name", text.flowName()))
                .add("cart_id", text.cartId())
                .add("step", text.step());
        if (text.statusCallbackUrl() != null) {
            b.add("status_callback", text.statusCallbackUrl());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonWriter writer = SmsHttp.WRITERS.createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(b.build());
        }
        return out.toByteArray();
    }

    private static String id(JsonObject json) {
        if (json.get("id") instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        if (json.get("id") instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    /** ": " and the answer's own words: {@code error} (a string or an object's {@code message}), {@code message}, or its text. */
    private static String why(SmsHttp.Answer answer, JsonObject json) {
        String why = null;
        if (json != null) {
            if (json.get("error") instanceof JsonString s) {
                why = s.getString();
            } else if (json.get("error") instanceof JsonObject e && e.get("message") instanceof JsonString s) {
                why = s.getString();
            } else if (json.get("message") instanceof JsonString s) {
                why = s.getString();
            }
        }
        if (why == null) {
            why = answer.text();
        }
        why = SmsHttp.excerpt(why);
        return why.isEmpty() ? "" : ": " + why;
    }
}
