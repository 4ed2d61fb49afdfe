package io.tracker.application.recovery.sms;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sends a text with Twilio's Messages API, as "Messages resource — Create a Message resource" documents it
 * (https://www.twilio.com/docs/messaging/api/message-resource):
 *
 * <ul>
 *   <li>{@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}, {@code base} being {@link #API} in
 *       production, with HTTP Basic authentication {@code AccountSid:AuthToken};</li>
 *   <li>a form ({@code application/x-www-form-urlencoded}, UTF-8) of {@code To} (E.164), {@code Body}, and either
 *       {@code From} (one of the account's numbers, E.164) or {@code MessagingServiceSid} ({@code MG…}, the service
 *       picks the sender), plus {@code StatusCallback} when the text has one — Twilio then posts the delivery status
 *       there, signed with {@code X-Twilio-Signature} (https://www.twilio.com/docs/usage/webhooks/webhooks-security;
 *       {@code io.tracker.domain.calltracking.WebhookSignature#twilio} checks it).</li>
 * </ul>
 *
 * <p>Answers (https://www.twilio.com/docs/usage/twilios-response): 201 Created (any 2xx) with the Message resource,
 * whose {@code sid} ({@code SM…}) becomes the provider's message id: ACCEPTED. An error is the JSON
 * {@code {"code": 21211, "message": "…", "more_info": "…", "status": 400}}, kept as
 * {@code "twilio <code>: <message>"}; 429 (error 20429, "never processed and always safe to retry",
 * https://www.twilio.com/docs/api/errors/20429), 408, 425 and 5xx are RETRY, other 4xx FAILED — 21211 (invalid
 * {@code To}), 21610 (the recipient replied STOP), 21614 (not a mobile number) and 20003 (wrong credentials) do not
 * pass by waiting.
 *
 * <p>Twilio's Messages API takes no idempotency key: a request that timed out after Twilio took it is retried as a
 * new message, so the shopper may get that text twice. The tenant's own platform ({@link WebhookSmsSender})
 * de-duplicates by {@code Idempotency-Key}; here the short back-off of {@link RetryPolicy} is the only guard.
 */
public final class TwilioSmsSender implements SmsSender {

    public static final URI API = URI.create("https://api.twilio.com");

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

    private final URI messages;
    private final String authorization;
    private final String from;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param base       {@link #API}, or a stand-in's address (a path prefix is kept)
     * @param accountSid {@code AC} and 32 hex digits
     * @param authToken  the account's auth token
     * @param from       the sending number (E.164), or a Messaging Service SID ({@code MG} and 32 hex digits)
     * @param http       a client that follows no redirects, as {@link SmsHttp#defaultClient()} makes
     */
    public TwilioSmsSender(URI base, String accountSid, String authToken, String from, HttpClient http) {
        this(base, accountSid, authToken, from, http, SmsHttp.REQUEST_TIMEOUT);
    }

    TwilioSmsSender(URI base, String accountSid, String authToken, String from, HttpClient http,
                    Duration requestTimeout) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(from, "from");
        if (!base.isAbsolute() || base.getHost() == null) {
            throw new IllegalArgumentException("the Twilio base is not an absolute URL: " + base);
        }
        if (!ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("the Account SID is not AC and 32 hex digits");
        }
        if (authToken.isBlank()) {
            throw new IllegalArgumentException("the auth token is blank");
        }
        if (!OutgoingText.E164.matcher(from).matches() && !MESSAGING_SERVICE_SID.matcher(from).matches()) {
            throw new IllegalArgumentException("from is neither an E.164 number nor a Messaging Service SID (MG…)");
        }
        String prefix = base.toString().replaceAll("/+$", "");
        this.messages = URI.create(prefix + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.http = SmsHttp.requireNoRedirects(Objects.requireNonNull(http, "http"));
        this.requestTimeout = requestTimeout;
    }

    @Override
    public SendResult send(OutgoingText text) {
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", SmsHttp.USER_AGENT)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(form(text), StandardCharsets.UTF_8))
                .build();
        SmsHttp.Answer answer;
        try {
            answer = SmsHttp.exchange(http, request, requestTimeout);
        } catch (SmsHttp.NoAnswer e) {
            return new SendResult(SendResult.Outcome.RETRY, null, null, e.getMessage());
        }
        JsonObject json = answer.json();
        if (answer.success()) {
            String sid = json != null && json.get("sid") instanceof JsonString s ? s.getString() : null;
            return SendResult.accepted(answer.status(), sid);
        }
        return new SendResult(SmsHttp.unsuccessful(answer.status()), answer.status(), null, error(answer, json));
    }

    private String form(OutgoingText text) {
        StringBuilder form = new StringBuilder();
        field(form, "To", text.to());
        field(form, from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
        field(form, "Body", text.body());
        if (text.statusCallbackUrl() != null) {
            field(form, "StatusCallback", text.statusCallbackUrl());
        }
        return form.toString();
    }

    private static void field(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** {@code twilio <code>: <message>}, or {@code twilio HTTP <status>: …} when the answer carries no code. */
    private static String error(SmsHttp.Answer answer, JsonObject json) {
        String message = json != null && json.get("message") instanceof JsonString s ? s.getString() : answer.text();
        message = SmsHttp.excerpt(message);
        String code = json != null && json.get("code") instanceof JsonNumber n ? n.toString() : null;
        return "twilio " + (code != null ? code : "HTTP " + answer.status()) + (message.isEmpty() ? "" : ": " + message);
    }
}
