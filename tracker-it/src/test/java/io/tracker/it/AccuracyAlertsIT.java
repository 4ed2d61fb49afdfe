package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tracker.it.support.AlertWebhookStandIn;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accuracy audit as an alert ({@code accuracy_gap}). A Berlin shop: on each of the 18 days before "now" two
 * purchases (12:00 and 13:00 local), each an hour after a Google Ads click (gclid) and each an order of the shop's
 * export; a Google Ads report that matches Tracker's count under Google's rule (2 a day) except
 *
 * <pre>
 *   G = 5 days before today   Google reports 4 against Tracker's 2: (4 − 2) / 2 = +100 %, above 20 %  → one alert
 *   O = 16 days before today  Google reports 5 against 2: flagged by the audit, but outside the 14 complete days
 *                             the alert check audits (today − 14 … today − 1)                          → none
 * </pre>
 *
 * Checked at a fixed "now" ({@code ?at=}): muted, the alert is recorded but not sent; not raised twice; sent once
 * unmuted; resolved once a corrected report no longer shows the gap. A client without imports gets no accuracy alert.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccuracyAlertsIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int DAYS = 18;

    private static AlertWebhookStandIn webhook;

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void startWebhook() {
        webhook = AlertWebhookStandIn.start();
    }

    @AfterAll
    static void stopWebhook() {
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void aFlaggedDayOfTheLastTwoWeeksRaisesOneAccuracyAlert() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(at, BERLIN);
        LocalDate gapDay = today.minusDays(5);
        LocalDate oldGapDay = today.minusDays(16);
        TestTenant t = api.createTenant("Accuracy Alerts Shop", BERLIN, "EUR");
        api.addAgencyAdmin(t.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String admin = Keycloak.automationTokens().accessToken();

        List<JsonObject> events = new ArrayList<>();
        StringBuilder orders = new StringBuilder("order_id,time,value,currency,status\n");
        for (int d = 1; d <= DAYS; d++) {
            LocalDate day = today.minusDays(d);
            for (int k = 0; k < 2; k++) {
                ZonedDateTime when = day.atTime(12 + k, 0).atZone(BERLIN);
                String id = "A-" + d + "-" + k;
                String visitor = "v-" + d + "-" + k;
                events.add(touch("g-" + id, visitor, when.minusHours(1).toOffsetDateTime().toString(),
                        "campaign", "Brand Search", "gclid", "G-" + id));
                events.add(conversion("p-" + id, visitor, when.toOffsetDateTime().toString(), null, "50.00", id));
                orders.append(id).append(',').append(when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                        .append(",50.00,EUR,paid\n");
            }
        }
        ApiResponse posted = api.postEvents(t.apiKey(), batch(events));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(202);
        assertThat(posted.json().getJsonArray("rejected")).isEmpty();
        assertThat(upload(t, "store-orders", orders.toString()).getInt("stored")).isEqualTo(2 * DAYS);
        assertThat(upload(t, "platform-conversions", googleReport(today, gapDay, 4, oldGapDay, 5)).getInt("stored"))
                .isEqualTo(DAYS);

        ApiResponse saved = api.putJson("api/v1/alerts/settings", admin, t.id(),
                "{\"webhook_url\":\"" + webhook.url() + "\"}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        webhook.secret(saved.json().getString("webhook_secret"));
        assertThat(api.postJson("api/v1/alerts/mute", admin, t.id(), null).json().getBoolean("muted")).isTrue();

        // Muted: raised and recorded, exactly one for the flagged day of the window, not sent.
        List<JsonObject> raised = accuracy(check(admin, t, at));
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.getString("subject")).isEqualTo(gapDay + " google_ads");
            assertThat(a.getString("check_label")).isEqualTo("Accuracy gap");
            assertThat(a.getString("message")).contains(gapDay.toString(), "Google Ads",
                    "4 conversion(s) reported, 2 by Tracker", "gap +100%", "above the 20% threshold",
                    "view-through conversions", "modelled conversions");
            assertThat(Instant.parse(a.getString("raised_at"))).isEqualTo(at);
        });
        long id = raised.get(0).getJsonNumber("id").longValue();
        assertThat(webhook.received()).isEmpty();
        assertThat(accuracy(api.get("api/v1/alerts?open=true", admin, t.id()).jsonArray().getValuesAs(JsonObject.class)))
                .extracting(a -> a.getJsonNumber("id").longValue(), a -> a.getBoolean("notified"))
                .containsExactly(tuple(id, false));

        // Not raised again while open; unmuted, it is sent once.
        assertThat(accuracy(check(admin, t, at))).isEmpty();
        assertThat(api.postJson("api/v1/alerts/unmute", admin, t.id(), null).json().getBoolean("muted")).isFalse();
        assertThat(accuracy(check(admin, t, at))).isEmpty();
        assertThat(webhook.problems()).isEmpty();
        assertThat(webhook.received()).hasSize(1);
        assertThat(accuracy(webhook.received().get(0).getJsonArray("alerts").getValuesAs(JsonObject.class)))
                .extracting(a -> a.getString("subject")).containsExactly(gapDay + " google_ads");
        assertThat(accuracy(check(admin, t, at))).isEmpty();
        assertThat(webhook.received()).hasSize(1);

        // A corrected report (2 on the gap day) replaces the row: the next check resolves the alert.
        assertThat(upload(t, "platform-conversions", googleReport(today, gapDay, 2, oldGapDay, 5)).getInt("replaced"))
                .isEqualTo(DAYS);
        Instant later = at.plusSeconds(60);
        assertThat(accuracy(check(admin, t, later))).isEmpty();
        List<JsonObject> all = accuracy(api.get("api/v1/alerts", admin, t.id()).jsonArray()
                .getValuesAs(JsonObject.class));
        assertThat(all).singleElement().satisfies(a -> {
            assertThat(a.getJsonNumber("id").longValue()).isEqualTo(id);
            assertThat(Instant.parse(a.getString("resolved_at"))).isEqualTo(later);
        });

        // Another client without imports: the accuracy check does not run, nothing is raised.
        TestTenant other = api.createTenant("Accuracy Alerts Other", BERLIN, "EUR");
        api.addAgencyAdmin(other.agencyId(), Keycloak.AUTOMATION_EMAIL);
        String otherAdmin = Keycloak.automationTokens().accessToken();
        assertThat(accuracy(check(otherAdmin, other, at))).isEmpty();
        assertThat(api.get("api/v1/alerts", otherAdmin, other.id()).jsonArray()).isEmpty();
    }

    /** A Google Ads campaign report by day (conversion time): 2 a day, as Tracker counts, except the two days. */
    private static String googleReport(LocalDate today, LocalDate gapDay, int onGapDay, LocalDate oldGapDay,
                                       int onOldGapDay) {
        StringBuilder report = new StringBuilder("Campaign report\n"
                + "Day,Campaign,Currency code,Conv. (by conv. time),Conv. value (by conv. time)\n");
        for (int d = 1; d <= DAYS; d++) {
            LocalDate day = today.minusDays(d);
            int conversions = day.equals(gapDay) ? onGapDay : day.equals(oldGapDay) ? onOldGapDay : 2;
            report.append(day).append(",Brand Search,EUR,").append(conversions).append(',')
                    .append(50 * conversions).append(".00\n");
        }
        return report.toString();
    }

    private List<JsonObject> check(String admin, TestTenant t, Instant at) {
        ApiResponse r = api.postJson("api/v1/alerts/check?at=" + at, admin, t.id(), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.jsonArray().getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> accuracy(List<JsonObject> alerts) {
        return alerts.stream().filter(a -> "accuracy_gap".equals(a.getString("check"))).toList();
    }

    private JsonObject upload(TestTenant t, String kind, String csv) {
        ApiResponse r = api.post("api/v1/imports/" + kind, t.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getInt("rejected")).as(r.toString()).isZero();
        return r.json();
    }
}
