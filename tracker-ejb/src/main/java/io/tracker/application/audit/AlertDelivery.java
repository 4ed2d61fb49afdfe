package io.tracker.application.audit;

import io.tracker.application.reporting.schedules.MailSettings;
import io.tracker.application.reporting.schedules.SummaryMailer;
import io.tracker.domain.calltracking.WebhookSignature;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Delivers alerts, with no transaction open:
 *
 * <ul>
 *   <li><b>webhook</b>: {@code POST {url}} with {@code Content-Type: application/json},
 *       {@code User-Agent: Tracker-Alerts/1} and {@code X-Tracker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 *       "<t>.<body>">} with the client's signing secret, as {@link WebhookSignature#tracker} signs all of Tracker's
 *       webhooks; the body {@code {"client": …, "alerts": [{"id": n, "check": "hits_dropped", "check_label": …,
 *       "subject": …, "message": …, "raised_at": "…Z"}]}}, UTF-8. A 2xx answer within 10 s is a delivery; redirects
 *       are not followed;</li>
 *   <li><b>e-mail</b>: one plain-text message to the client's addresses through Tracker's SMTP server
 *       ({@link MailSettings}, {@link SummaryMailer}).</li>
 * </ul>
 */
final class AlertDelivery {

    static final String USER_AGENT = "Tracker-Alerts/1";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private AlertDelivery() {
    }

    /**
     * POSTs the alerts to the webhook.
     *
     * @throws IOException for no answer or a non-2xx one (its status in the message)
     */
    static void webhook(String url, String secret, String client, List<Alert> alerts, Clock clock) throws IOException {
        byte[] body = body(client, alerts);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("X-Tracker-Signature", WebhookSignature.tracker(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> answer;
        try {
            answer = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + answer.statusCode());
        }
    }

    /** The webhook's body, UTF-8. */
    static byte[] body(String client, List<Alert> alerts) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Alert a : alerts) {
            list.add(JSON.createObjectBuilder().add("id", a.id()).add("check", a.check())
                    .add("check_label", a.checkLabel()).add("subject", a.subject()).add("message", a.message())
                    .add("raised_at", a.raisedAt().toString()));
        }
        JsonObjectBuilder b = JSON.createObjectBuilder();
        if (client != null) {
            b.add("client", client);
        }
        b.add("alerts", list);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonWriter writer = WRITERS.createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(b.build());
        }
        return out.toByteArray();
    }

    /** E-mails the alerts as one plain-text message. */
    static void email(MailSettings.Smtp smtp, List<String> to, String client, List<Alert> alerts) throws Exception {
        StringBuilder text = new StringBuilder("Tracker found ").append(alerts.size())
                .append(alerts.size() == 1 ? " problem" : " problems").append(" with the tracking of ")
                .append(client == null ? "your client" : client).append(":\n\n");
        for (Alert a : alerts) {
            text.append("- ").append(a.checkLabel()).append(" (").append(a.raisedAt()).append("): ")
                    .append(a.message()).append('\n');
        }
        text.append("\nSee the Tag health page in Tracker. Alerts can be muted there.\n");
        String subject = "Tracker alert: " + (alerts.size() == 1 ? alerts.get(0).checkLabel()
                : alerts.size() + " tag health problems") + (client == null ? "" : " (" + client + ")");
        SummaryMailer.send(smtp, new SummaryMailer.Mail(to, subject, text.toString(), null, null));
    }
}
