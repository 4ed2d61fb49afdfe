package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.Reports;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ad impressions from outside (issue #8): sent as touchpoints with {@code "interaction":"impression"}
 * through the events API or as rows with {@code interaction} {@code impression} in the touchpoint CSV,
 * credited under the default purchase action (click-through lookback 30 days, view-through 1 day), read
 * back through the report API and the explanation of one conversion. Three visitors, each converting at
 * 2026-06-11T08:00:00Z (tenants in UTC):
 *
 * <pre>
 * visitor  touches                                                      value
 * v20      Display impression 06-10 12:00 (20 h before: in the 24 h)    50.00
 * v30      Display impression 06-10 02:00 (30 h before: out)            30.00
 * vc       Email click 06-08 08:00 (3 days), Display impression         60.00
 *          06-11 06:00 (2 h before)
 * </pre>
 *
 * By hand, events API: journeys v20 [Display], v30 [] (so Direct), vc [Email, Display]. Last touch: a
 * click takes precedence over an impression, even a later one ("last click, last impression"), so vc goes
 * to Email: Display 1 / 50, Direct 1 / 30, Email 1 / 60. Linear: v20 all to Display, v30 to Direct, vc
 * half each: Display 1.5 / 80, Direct 1 / 30, Email 0.5 / 30.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImpressionsIT {

    private static final String DAY = "2026-06-11";
    private static final String CONVERTED_AT = DAY + "T08:00:00Z";

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @Test
    void anImpressionCountsWithinTheViewThroughDayAndGivesWayToAClick() {
        TestTenant t = api.createTenant("impressions api", ZoneId.of("UTC"), "EUR");
        ApiResponse r = api.postEvents(t.apiKey(), batch(
                impression("v20-i", "v20", "2026-06-10T12:00:00Z"),
                conversion("v20-c", "v20", CONVERTED_AT, null, "50.00", "O-20"),
                impression("v30-i", "v30", "2026-06-10T02:00:00Z"),
                conversion("v30-c", "v30", CONVERTED_AT, null, "30.00", "O-30"),
                touch("vc-t", "vc", "2026-06-08T08:00:00Z", "utm_source", "news", "utm_medium", "email",
                        "interaction", "click"),
                impression("vc-i", "vc", "2026-06-11T06:00:00Z"),
                conversion("vc-c", "vc", CONVERTED_AT, null, "60.00", "O-C")));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertThat(r.json().getInt("accepted")).as("%s", r).isEqualTo(7);
        api.awaitAttribution(t);

        Reports.assertReport(api.attribution(t, "last_touch", DAY, DAY, "channel"), Map.of(
                "Display", new Expected(1, 50), "Direct", new Expected(1, 30), "Email", new Expected(1, 60)));
        Reports.assertReport(api.attribution(t, "linear", DAY, DAY, "channel"), Map.of(
                "Display", new Expected(1.5, 80), "Direct", new Expected(1, 30), "Email", new Expected(0.5, 30)));

        // The stored interactions, as the conversion's explanation shows its journey.
        assertThat(journey(t, "vc-c")).extracting(j -> j.getString("channel") + " " + j.getString("interaction"))
                .containsExactly("Email CLICK", "Display IMPRESSION");
        assertThat(journey(t, "v20-c")).extracting(j -> j.getString("interaction")).containsExactly("IMPRESSION");
        assertThat(journey(t, "v30-c")).as("30 hours is past the 1-day view-through window").isEmpty();
    }

    @Test
    void aBadInteractionRejectsItsItemAndTheBatchKeepsTheOthers() {
        TestTenant t = api.createTenant("impressions bad", ZoneId.of("UTC"), "EUR");
        JsonObject numeric = Json.createObjectBuilder(touch("b-3", "vb", "2026-06-10T10:00:00Z"))
                .add("interaction", 1).build();
        ApiResponse r = api.postEvents(t.apiKey(), batch(
                impression("b-0", "vb", "2026-06-10T09:00:00Z"),
                touch("b-1", "vb", "2026-06-10T09:30:00Z", "channel", "Display", "interaction", "view"),
                Json.createObjectBuilder(conversion("b-2", "vb", CONVERTED_AT, null, "5.00", null))
                        .add("interaction", "impression").build(),
                numeric,
                touch("b-4", "vb", "2026-06-10T11:00:00Z", "channel", "Display", "interaction", "CLICK")));

        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertThat(r.json().getInt("accepted")).isEqualTo(2);
        List<JsonObject> rejected = r.json().getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertThat(rejected).extracting(j -> j.getInt("index")).containsExactly(1, 2, 3);
        assertThat(rejected.get(0).getString("error")).isEqualTo("interaction must be 'click' or 'impression', not 'view'");
        assertThat(rejected.get(1).getString("error")).startsWith("interaction is a touchpoint's field");
        assertThat(rejected.get(2).getString("error")).isEqualTo("interaction must be a string");
        assertThat(api.storedCounts(t).touchpoints()).isEqualTo(2);

        ApiResponse allBad = api.postEvents(t.apiKey(), batch(
                touch("b-5", "vb", "2026-06-10T12:00:00Z", "interaction", "seen")));
        assertThat(assertProblem(allBad, 422)).isNotBlank();
        assertThat(allBad.json().getJsonArray("rejected").getJsonObject(0).getString("error"))
                .startsWith("interaction must be");
        assertThat(api.storedCounts(t).touchpoints()).isEqualTo(2);
    }

    /**
     * The same visitors as rows of the touchpoint CSV. A converting row is a touch of its own, here on
     * Direct, which last touch passes over for a non-direct click and then an impression. By hand: last
     * touch as in the events API (Display 1 / 50, Direct 1 / 30, Email 1 / 60); linear: v20 [Display,
     * Direct] half each (25 / 25), v30 [Direct] (30), vc [Email, Display, Direct] a third each (20 each):
     * Display 5/6 / 45, Direct 11/6 / 75, Email 1/3 / 20. One row has an interaction that is neither
     * (line 9): reported, the others kept.
     */
    @Test
    void theTouchpointCsvTakesAnInteractionColumn() {
        TestTenant t = api.createTenant("impressions csv", ZoneId.of("UTC"), "EUR");
        ApiResponse r = importCsv(t, """
                customer_id,time,interaction,conversion,conversion_value,channel
                v20,2026-06-10T12:00:00Z,impression,0,,Display
                v20,2026-06-11T08:00:00Z,conversion,1,50,Direct
                v30,2026-06-10T02:00:00Z,IMPRESSION,0,,Display
                v30,2026-06-11T08:00:00Z,,1,30,Direct
                vc,2026-06-08T08:00:00Z,click,0,,Email
                vc,2026-06-11T06:00:00Z,impression,0,,Display
                vc,2026-06-11T08:00:00Z,click,1,60,Direct
                vx,2026-06-11T07:00:00Z,view,0,,Display
                """);
        assertThat(r.json().getJsonNumber("touchpoints").longValue()).isEqualTo(7);
        assertThat(r.json().getJsonNumber("conversions").longValue()).isEqualTo(3);
        List<JsonObject> errors = r.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).extracting(e -> e.getInt("line")).containsExactly(9);
        assertThat(errors.get(0).getString("error")).startsWith("interaction must be click or impression");
        api.awaitAttribution(t);

        Reports.assertReport(api.attribution(t, "last_touch", DAY, DAY, "channel"), Map.of(
                "Display", new Expected(1, 50), "Direct", new Expected(1, 30), "Email", new Expected(1, 60)));
        Reports.assertReport(api.attribution(t, "linear", DAY, DAY, "channel"), Map.of(
                "Display", new Expected(5.0 / 6, 45), "Direct", new Expected(11.0 / 6, 75),
                "Email", new Expected(1.0 / 3, 20)));
    }

    /** Without the column every row is a click: v30's Display touch, 30 hours old, is well within 30 days. */
    @Test
    void aCsvWithoutTheInteractionColumnHoldsClicks() {
        TestTenant t = api.createTenant("impressions csv clicks", ZoneId.of("UTC"), "EUR");
        ApiResponse r = importCsv(t, """
                customer_id,time,conversion,conversion_value,channel
                v30,2026-06-10T02:00:00Z,0,,Display
                v30,2026-06-11T08:00:00Z,1,30,Direct
                """);
        assertThat(r.json().getJsonArray("errors")).as("%s", r).isEmpty();
        api.awaitAttribution(t);

        Reports.assertReport(api.attribution(t, "last_touch", DAY, DAY, "channel"),
                Map.of("Display", new Expected(1, 30)));
        assertThat(api.storedCounts(t)).extracting(StoredCounts::touchpoints, StoredCounts::conversions)
                .containsExactly(2L, 1L);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonObject impression(String eventId, String visitorId, String timestamp) {
        return touch(eventId, visitorId, timestamp, "channel", "Display", "campaign", "banner",
                "interaction", "impression");
    }

    private ApiResponse importCsv(TestTenant t, String csv) {
        ApiResponse r = api.post("api/v1/imports/touchpoints", t.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r;
    }

    /** The journey of the conversion stored under this event id, from its explanation. */
    private List<JsonObject> journey(TestTenant t, String eventId) {
        ApiResponse list = api.get("api/v1/conversions?from=2026-06-01&to=2026-06-30&limit=500", t.apiKey());
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        long id = list.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("event_id").equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("no conversion " + eventId)).getJsonNumber("id").longValue();
        ApiResponse r = api.get("api/v1/conversions/" + id + "/attribution", t.apiKey());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().getJsonArray("journey").getValuesAs(JsonObject.class);
    }
}
