package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.KeycloakLogin;
import io.tracker.it.support.MimeMessageText;
import io.tracker.it.support.SmtpStandIn;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scheduled e-mail of the client's PDF summary, against a stand-in SMTP server ({@link SmtpStandIn}, where the test
 * stack points Tracker's mail settings): a weekly schedule through the API, "send now" answered first with a
 * temporary failure (kept in {@code last_error}, retried, sent: never lost), then the message read by hand
 * ({@link MimeMessageText}): envelope, headers, the text's figures and the PDF attachment, whose text (OpenPDF's
 * {@code PdfTextExtractor}) holds the KPIs computed here from the events sent. Also: bad input (400 naming the
 * field), a viewer and an API key cannot create, another client sees and deletes nothing.
 *
 * <p>The events (tenant in UTC, USD): the week sent is the last complete one, Monday {@code W} to Sunday
 * {@code W+6} before this week's Monday; the week before it is the comparison.
 * <pre>
 *   this week W..W+6:    v1 Paid Search W 10:00, purchase $120 at 10:30; v2 Email W+2 09:00, purchase $30 at 09:20;
 *                        v3 Paid Search W+3; v4 Display W+6 20:00
 *                        → visits 4, conversions 2, rate 2/4 = 50.00%, revenue $150.00;
 *                          last touch by channel: Email 1 / $30.00 / 50.00%, Paid Search 1 / $120.00 / 50.00%
 *   the week before:     v5 Email W-6 10:00, purchase $50 at 10:05; v6 Direct W-3 10:00
 *                        → visits 2, conversions 1, rate 50.00%, revenue $50.00
 *   changes:             visits +100.0%, conversions +100.0%, rate 0.0%, revenue +200.0%
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportScheduleMailIT {

    private static final String PATH = "api/v1/report-schedules";
    private static final Duration SENT = Duration.ofSeconds(150);

    private static SmtpStandIn smtp;

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void startStandIn() {
        smtp = SmtpStandIn.start();
    }

    @AfterAll
    static void stopStandIn() {
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void theWeeklySummaryIsMailedWithItsPdfAndAFailedSendIsRetried() throws IOException {
        TestTenant t = api.createTenant("Mail Summary Roasters", ZoneId.of("UTC"), "USD");
        String admin = admin(t);
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate w = monday.minusDays(7);
        LocalDate sunday = monday.minusDays(1);
        ApiResponse events = api.postEvents(t.apiKey(), batch(
                touch("m-1", "v1", at(w, "10:00"), "channel", "Paid Search"),
                conversion("m-2", "v1", at(w, "10:30"), "purchase", "120.00", "o-1"),
                touch("m-3", "v2", at(w.plusDays(2), "09:00"), "channel", "Email"),
                conversion("m-4", "v2", at(w.plusDays(2), "09:20"), "purchase", "30.00", "o-2"),
                touch("m-5", "v3", at(w.plusDays(3), "12:00"), "channel", "Paid Search"),
                touch("m-6", "v4", at(w.plusDays(6), "20:00"), "channel", "Display"),
                touch("m-7", "v5", at(w.minusDays(6), "10:00"), "channel", "Email"),
                conversion("m-8", "v5", at(w.minusDays(6), "10:05"), "purchase", "50.00", "o-3"),
                touch("m-9", "v6", at(w.minusDays(3), "10:00"), "channel", "Direct")));
        assertThat(events.status()).as(events.toString()).isEqualTo(202);
        api.awaitAttribution(t);
        JsonObject figures = api.summary(t, w.toString(), sunday.toString());
        assertThat(figures.getJsonNumber("visits").longValue()).isEqualTo(4);
        assertThat(figures.getJsonNumber("conversions").longValue()).isEqualTo(2);

        // A weekly schedule: first sent next Monday at 07:00 UTC (today, if today is a Monday before 07:00).
        ApiResponse created = api.postJson(PATH, admin, t.id(), "{\"recipients\":[\"ceo@client.example\","
                + "\" Ops@Client.example \",\"ceo@CLIENT.example\"],\"frequency\":\"weekly\",\"model\":\"last_touch\","
                + "\"send_hour\":7}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject schedule = created.json();
        long id = schedule.getJsonNumber("id").longValue();
        assertThat(created.header("Location")).endsWith("/" + PATH + "/" + id);
        assertThat(schedule.getJsonArray("recipients").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("ceo@client.example", "Ops@Client.example");
        assertThat(schedule.getString("frequency")).isEqualTo("weekly");
        assertThat(schedule.getString("period")).isEqualTo("last_7_days");
        assertThat(schedule.getInt("send_hour")).isEqualTo(7);
        assertThat(schedule.getString("time_zone")).isEqualTo("UTC");
        Instant nextRun = Instant.parse(schedule.getString("next_run_at"));
        Instant mondaySeven = monday.atTime(7, 0).toInstant(ZoneOffset.UTC);
        Instant created_ = Instant.parse(schedule.getString("created_at"));
        assertThat(nextRun).isEqualTo(mondaySeven.isAfter(created_) ? mondaySeven : mondaySeven.plus(Duration.ofDays(7)));
        assertThat(schedule.get("last_sent_at")).isEqualTo(JsonValue.NULL);

        // "Send now", answered first with a temporary failure: recorded, not lost, sent on a later attempt.
        smtp.failNextData(1, "451 4.3.0 Stand-in: try again later");
        ApiResponse requested = api.postJson(PATH + "/" + id + "/send-now", admin, t.id(), null);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().getString("requested_at")).isNotBlank();
        Waits.until(() -> !get(admin, t, id).isNull("last_error"), SENT, () -> "no failure recorded: " + get(admin, t, id));
        JsonObject failed = get(admin, t, id);
        assertThat(failed.getString("last_error")).contains("451").contains("try again later")
                .doesNotContain(System.getProperty("tracker.it.smtp-password"));
        assertThat(failed.getInt("failures")).isEqualTo(1);
        assertThat(failed.getString("requested_at")).isNotBlank();
        assertThat(Instant.parse(failed.getString("retry_at"))).isAfter(Instant.now().plusSeconds(20));
        assertThat(smtp.received()).isEmpty();

        Waits.until(() -> !smtp.received().isEmpty(), SENT, () -> "no e-mail after the retry: " + get(admin, t, id));
        Waits.until(() -> !get(admin, t, id).isNull("last_sent_at"), SENT, () -> "not recorded: " + get(admin, t, id));
        JsonObject sent = get(admin, t, id);
        assertThat(sent.get("last_error")).isEqualTo(JsonValue.NULL);
        assertThat(sent.getInt("failures")).isZero();
        assertThat(sent.get("requested_at")).isEqualTo(JsonValue.NULL);
        assertThat(sent.get("retry_at")).isEqualTo(JsonValue.NULL);
        assertThat(sent.getString("last_from")).isEqualTo(w.toString());
        assertThat(sent.getString("last_to")).isEqualTo(sunday.toString());
        assertThat(Instant.parse(sent.getString("next_run_at"))).isEqualTo(nextRun);

        // The message: envelope, headers, text.
        assertThat(smtp.received()).hasSize(1);
        SmtpStandIn.Received mail = smtp.received().get(0);
        assertThat(smtp.problems()).isEmpty();
        assertThat(mail.authUser()).isEqualTo(System.getProperty("tracker.it.smtp-user"));
        assertThat(mail.mailFrom()).isEqualTo("reports@tracker.test");
        assertThat(mail.rcptTo()).containsExactly("ceo@client.example", "Ops@Client.example");
        MimeMessageText message = MimeMessageText.parse(mail.data());
        assertThat(message.header("From")).isEqualTo("Tracker reports <reports@tracker.test>");
        assertThat(message.header("To")).isEqualTo("ceo@client.example, Ops@Client.example");
        assertThat(message.header("Subject")).isEqualTo(t.name() + ": summary " + w + " to " + sunday);
        assertThat(message.header("Content-Type")).startsWith("multipart/mixed");
        assertThat(message.parts()).hasSize(2);
        String text = message.parts().get(0).text();
        assertThat(message.parts().get(0).header("Content-Type")).startsWith("text/plain");
        assertThat(text).contains("The summary of " + t.name() + " for " + w + " to " + sunday + " (UTC, both days "
                        + "included) is attached.")
                .contains("Visits: 4 (\u25b2 100.0% vs previous week)")
                .contains("Macro conversions: 2 (\u25b2 100.0% vs previous week)")
                .contains("Conversion rate: 50.00% (= 0.0% vs previous week)")
                .contains("Revenue: $150.00 (\u25b2 200.0% vs previous week)")
                .contains("every Monday at 07:00 (UTC) to ceo@client.example, Ops@Client.example");

        // The attachment: the PDF summary of the week, its figures as computed above.
        MimeMessageText.Part attachment = message.parts().get(1);
        assertThat(attachment.header("Content-Type")).startsWith("application/pdf");
        // summary-<client>-<from>-<to>.pdf, the client's name lower-cased, runs of other characters one "-"
        String slug = t.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        assertThat(attachment.header("Content-Disposition")).startsWith("attachment");
        assertThat(attachment.parameter("Content-Disposition", "filename"))
                .isEqualTo("summary-" + slug + "-" + w + "-" + sunday + ".pdf").startsWith("summary-mail-summary-roasters");
        assertThat(attachment.body()).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        // The extractor joins some table cells without a space: compared without white space.
        String pdf = compact(pdfText(attachment.body()));
        assertThat(pdf).contains(compact(t.name()))
                .contains(compact(w + " to " + sunday + " (UTC, both days included); amounts in USD; changes vs "
                        + "previous week."))
                .contains(compact("Visits 4 +100.0%"))
                .contains(compact("Macro conversions 2 +100.0%"))
                .contains(compact("Micro conversions 0 -"))
                .contains(compact("Conversion rate 50.00% 0.0%"))
                .contains(compact("Revenue $150.00 +200.0%"))
                .contains(compact("Attribution by channel (Last touch)"))
                .contains(compact("Email 1 $30.00 50.00%"))
                .contains(compact("Paid Search 1 $120.00 50.00%"))
                .contains(compact("Total 2 $150.00 100.00%"))
                .doesNotContain("Display").doesNotContain("Direct");
    }

    @Test
    void badInputIsRefusedViewersAndKeysCannotCreateAndOtherClientsSeeNothing() {
        TestTenant t = api.createTenant("Mail Schedules", ZoneId.of("Europe/Berlin"), "EUR");
        TestTenant other = api.createTenant("Mail Schedules Other", ZoneId.of("UTC"), "EUR");
        String admin = admin(t);
        api.addAgencyAdmin(other.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String good = "{\"recipients\":[\"a@client.example\"],\"frequency\":\"monthly\",\"send_hour\":6}";

        // Bad input: 400 problem+json naming the field.
        assertThat(assertProblem(post(admin, t, "{\"frequency\":\"weekly\"}"), 400)).contains("recipients");
        assertThat(assertProblem(post(admin, t, good.replace("[\"a@client.example\"]", "[]")), 400))
                .contains("recipients");
        assertThat(assertProblem(post(admin, t, good.replace("\"a@client.example\"",
                "\"a@client.example\",\"not an address\"")), 400)).contains("recipients[1]").contains("not an address");
        assertThat(assertProblem(post(admin, t, good.replace("a@client.example", "a@localhost")), 400))
                .contains("recipients[0]");
        assertThat(assertProblem(post(admin, t, good.replace("a@client.example", "a@client.example\\r\\nBcc: x@evil.example")), 400))
                .contains("recipients[0]");
        String twentyOne = IntStream.rangeClosed(1, 21).mapToObj(i -> "\"r" + i + "@client.example\"")
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(assertProblem(post(admin, t, good.replace("[\"a@client.example\"]", twentyOne)), 400))
                .contains("recipients").contains("20");
        assertThat(assertProblem(post(admin, t, good.replace("monthly", "daily")), 400)).contains("frequency")
                .contains("daily");
        assertThat(assertProblem(post(admin, t, good.replace("\"frequency\":\"monthly\",", "")), 400))
                .contains("frequency");
        assertThat(assertProblem(post(admin, t, good.replace("6}", "24}")), 400)).contains("send_hour");
        assertThat(assertProblem(post(admin, t, good.replace("}", ",\"model\":\"most_liked\"}")), 400))
                .contains("model");
        assertThat(assertProblem(post(admin, t, "[1,2]"), 400)).isNotBlank();
        assertThat(api.get(PATH, admin, t.id()).jsonArray()).isEmpty();

        // Twenty addresses are fine; monthly: the 1st of next month at 06:00 Berlin time.
        String twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"r" + i + "@client.example\"")
                .collect(Collectors.joining(",", "[", "]"));
        ApiResponse created = post(admin, t, good.replace("[\"a@client.example\"]", twenty));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(created.json().getJsonArray("recipients")).hasSize(20);
        assertThat(created.json().getString("period")).isEqualTo("previous_month");
        assertThat(created.json().getString("model")).isEqualTo("last_touch");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant createdAt = Instant.parse(created.json().getString("created_at"));
        LocalDate today = createdAt.atZone(berlin).toLocalDate();
        Instant thisFirst = today.withDayOfMonth(1).atTime(6, 0).atZone(berlin).toInstant();
        assertThat(Instant.parse(created.json().getString("next_run_at"))).isEqualTo(thisFirst.isAfter(createdAt)
                ? thisFirst : today.withDayOfMonth(1).plusMonths(1).atTime(6, 0).atZone(berlin).toInstant());

        // A viewer and an API key may read, not create, send or delete.
        api.invite(t.id(), DemoUser.VIEWER.email(), "VIEWER");
        String viewer = KeycloakLogin.accessToken(DemoUser.VIEWER);
        assertProblem(post(viewer, t, good), 403);
        assertProblem(api.postJson(PATH + "/" + id + "/send-now", viewer, t.id(), null), 403);
        assertProblem(api.delete(PATH + "/" + id, viewer, t.id()), 403);
        assertThat(api.get(PATH, viewer, t.id()).jsonArray()).hasSize(1);
        assertThat(api.post(PATH, t.apiKey(), "application/json", good.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .status()).isEqualTo(403);
        assertThat(api.get(PATH, t.apiKey()).jsonArray()).hasSize(1);

        // Another client sees, sends and deletes nothing of it.
        assertThat(api.get(PATH, admin, other.id()).jsonArray()).isEmpty();
        assertThat(api.get(PATH, other.apiKey()).jsonArray()).isEmpty();
        assertProblem(api.get(PATH + "/" + id, admin, other.id()), 404);
        assertProblem(api.get(PATH + "/" + id, other.apiKey()), 404);
        assertProblem(api.postJson(PATH + "/" + id + "/send-now", admin, other.id(), null), 404);
        assertProblem(api.delete(PATH + "/" + id, admin, other.id()), 404);
        assertProblem(api.get(PATH + "/x" + id, admin, t.id()), 404);
        assertThat(api.get(PATH + "/" + id, admin, t.id()).status()).isEqualTo(200);

        // Its own admin deletes it.
        assertThat(api.delete(PATH + "/" + id, admin, t.id()).status()).isEqualTo(204);
        assertProblem(api.get(PATH + "/" + id, admin, t.id()), 404);
        assertThat(api.get(PATH, admin, t.id()).jsonArray()).isEmpty();
    }

    private String admin(TestTenant t) {
        api.addAgencyAdmin(t.agencyId(), Keycloak.AUTOMATION_EMAIL);
        return Keycloak.automationTokens().accessToken();
    }

    private ApiResponse post(String bearer, TestTenant t, String json) {
        return api.postJson(PATH, bearer, t.id(), json);
    }

    private JsonObject get(String bearer, TestTenant t, long id) {
        ApiResponse r = api.get(PATH + "/" + id, bearer, t.id());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static String at(LocalDate day, String time) {
        return day + "T" + time + ":00Z";
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The PDF's text, each run of white space one space. */
    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                pages.add(new PdfTextExtractor(reader).getTextFromPage(p));
            }
            return String.join(" ", pages).replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }
}
