package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.Reports;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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
 * Journeys as the industry builds them (issue #8), from outside: events in through the events API
 * and the touchpoint import, credits back through the report API and the explanation of one
 * conversion ({@code GET /api/v1/conversions/{id}/attribution}). Expected numbers are worked out by
 * hand in each test from the documented rules. Conversion action settings are changed in the
 * database before any event arrives (the actions API is another change).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JourneyRulesIT {

    private static final List<String> MODELS = List.of("last_touch", "first_touch", "linear", "position_based",
            "time_decay");

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    // ------------------------------------------------------------------ a conversion keeps the next one's journey

    /** twitter.com on 1 May; direct on 3 and 4 May, buying 10.00 and then 20.00 five minutes after each visit. */
    private static String twitterThenDirectTwice() {
        return batch(
                touch("tw-1", "visitor-tw", "2026-05-01T10:00:00Z", "referrer", "https://twitter.com/someone/status/1"),
                touch("tw-2", "visitor-tw", "2026-05-03T10:00:00Z"),
                conversion("tw-3", "visitor-tw", "2026-05-03T10:05:00Z", null, "10.00", "TW-1"),
                touch("tw-4", "visitor-tw", "2026-05-04T10:00:00Z"),
                conversion("tw-5", "visitor-tw", "2026-05-04T10:05:00Z", null, "20.00", "TW-2"));
    }

    @Test
    void eachPurchaseLooksBackOverItsOwnWindowSoTwitterGetsBoth() {
        TestTenant t = api.createTenant("twitter direct", ZoneId.of("UTC"), "EUR");
        post(t, twitterThenDirectTwice());
        api.awaitAttribution(t);

        // Both journeys hold the twitter visit; last non-direct gives both purchases to it.
        Reports.assertReport(api.attribution(t, "last_touch", "2026-05-01", "2026-05-31", "channel"),
                Map.of("Organic Social", new Expected(2, 30)));
        // First purchase: twitter, direct; second: twitter, direct, direct. Linear: 1/2 + 1/3 to twitter.
        Reports.assertReport(api.attribution(t, "linear", "2026-05-01", "2026-05-31", "channel"), Map.of(
                "Organic Social", new Expected(0.5 + 1.0 / 3, 5 + 20.0 / 3),
                "Direct", new Expected(0.5 + 2.0 / 3, 5 + 40.0 / 3)));
    }

    @Test
    void anActionThatStartsAfterThePreviousConversionKeepsTheOldRule() throws SQLException {
        TestTenant t = api.createTenant("twitter direct after previous", ZoneId.of("UTC"), "EUR");
        TestDatabase.setAction(t.id(), "purchase", "journey_start", "AFTER_PREVIOUS_CONVERSION");
        post(t, twitterThenDirectTwice());
        api.awaitAttribution(t);

        // The second purchase's journey starts after the first: only the 4 May direct visit.
        Reports.assertReport(api.attribution(t, "last_touch", "2026-05-01", "2026-05-31", "channel"), Map.of(
                "Organic Social", new Expected(1, 10),
                "Direct", new Expected(1, 20)));
    }

    @Test
    void aConversionExplainsItsOwnCreditSplit() {
        TestTenant t = api.createTenant("explained", ZoneId.of("UTC"), "EUR");
        TestTenant other = api.createTenant("explained other", ZoneId.of("UTC"), "EUR");
        post(t, twitterThenDirectTwice());
        api.awaitAttribution(t);
        long second = conversionId(t, "tw-5");

        ApiResponse r = api.get("api/v1/conversions/" + second + "/attribution", t.apiKey());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonObject body = r.json();
        JsonObject conversion = body.getJsonObject("conversion");
        assertThat(conversion.getJsonNumber("id").longValue()).isEqualTo(second);
        assertThat(conversion.getString("action")).isEqualTo("purchase");
        assertThat(conversion.getString("occurred_at")).startsWith("2026-05-04T10:05");
        assertThat(conversion.getJsonNumber("value").doubleValue()).isEqualTo(20.0);
        assertThat(conversion.getString("currency")).isEqualTo("EUR");
        assertThat(conversion.getBoolean("counted")).isTrue();

        JsonArray journey = body.getJsonArray("journey");
        assertThat(journey).hasSize(3);
        assertThat(journey.getValuesAs(JsonObject.class)).extracting(j -> j.getString("channel"))
                .containsExactly("Organic Social", "Direct", "Direct");
        assertThat(journey.getValuesAs(JsonObject.class)).extracting(j -> j.getString("source_medium"))
                .containsExactly("twitter.com / referral", "(direct) / (none)", "(direct) / (none)");
        assertThat(journey.getValuesAs(JsonObject.class)).extracting(j -> j.getString("interaction"))
                .containsOnly("CLICK");
        assertThat(journey.getJsonObject(0).getString("occurred_at")).startsWith("2026-05-01T10:00");

        JsonObject credits = body.getJsonObject("credits");
        assertThat(credits.keySet()).containsExactly(MODELS.toArray(String[]::new));
        JsonObject last = single(credits.getJsonArray("last_touch"));
        assertThat(last.getString("channel")).isEqualTo("Organic Social");
        assertThat(last.getString("source_medium")).isEqualTo("twitter.com / referral");
        assertThat(last.getJsonNumber("credit").doubleValue()).isEqualTo(1.0);
        assertThat(last.getJsonNumber("revenue").doubleValue()).isCloseTo(20.0, within(1e-6));
        // Time decay, half-life 7 days (168 h): ages 3 days (72 h), 1 day and 5 min (24 h 5 min), 5 min.
        double w1 = Math.pow(2, -72.0833333333 / 168);
        double w2 = Math.pow(2, -24.0833333333 / 168);
        double w3 = Math.pow(2, -0.0833333333 / 168);
        Map<String, Double> decay = shares(credits.getJsonArray("time_decay"));
        assertThat(decay.get("Organic Social")).isCloseTo(w1 / (w1 + w2 + w3), within(1e-6));
        assertThat(decay.get("Direct")).isCloseTo((w2 + w3) / (w1 + w2 + w3), within(1e-6));

        assertProblem(api.get("api/v1/conversions/" + second + "/attribution", other.apiKey()), 404);
        assertProblem(api.get("api/v1/conversions/999999999/attribution", t.apiKey()), 404);
    }

    // ------------------------------------------------------------------ equal timestamps

    /**
     * The same events reach two tenants in opposite orders (so their database ids run opposite ways):
     * an Email and a Paid Search touch at the same instant as a purchase of 60.00, and an import row
     * that is both a touch (channel Alpha) and a purchase of 40.00 at the same instant as another row
     * (channel Zeta). The documented order: by time, the converting row's own touch last, then by
     * channel: journeys Email, Paid Search and Zeta, Alpha in both tenants.
     */
    @Test
    void equalTimestampsGiveTheSameCreditsWhateverTheArrivalOrder() {
        TestTenant forward = api.createTenant("arrival forward", ZoneId.of("UTC"), "EUR");
        TestTenant backward = api.createTenant("arrival backward", ZoneId.of("UTC"), "EUR");
        JsonObject email = touch("eq-1", "visitor-eq", "2026-06-10T10:00:00Z", "utm_source", "newsletter",
                "utm_medium", "email");
        JsonObject search = touch("eq-2", "visitor-eq", "2026-06-10T10:00:00Z", "utm_source", "google",
                "utm_medium", "cpc");
        JsonObject purchase = conversion("eq-3", "visitor-eq", "2026-06-10T10:00:00Z", null, "60.00", "EQ-1");
        post(forward, batch(email, search, purchase));
        post(backward, batch(purchase));
        post(backward, batch(search));
        post(backward, batch(email));
        String ownRow = "csv-eq,2026-06-11T09:00:00Z,click,1,40.00,Alpha\n";
        String otherRow = "csv-eq,2026-06-11T09:00:00Z,click,0,,Zeta\n";
        importCsv(forward, ownRow + otherRow);
        importCsv(backward, otherRow + ownRow);
        api.awaitAttribution(forward);
        api.awaitAttribution(backward);

        Reports.assertReport(api.attribution(forward, "last_touch", "2026-06-01", "2026-06-30", "channel"), Map.of(
                "Paid Search", new Expected(1, 60),
                "Alpha", new Expected(1, 40)));
        Reports.assertReport(api.attribution(forward, "first_touch", "2026-06-01", "2026-06-30", "channel"), Map.of(
                "Email", new Expected(1, 60),
                "Zeta", new Expected(1, 40)));
        for (String model : MODELS) {
            for (String dimension : List.of("channel", "campaign")) {
                Map<String, Expected> forwardRows = Reports.rows(
                        api.attribution(forward, model, "2026-06-01", "2026-06-30", dimension));
                assertThat(forwardRows).as("%s by %s", model, dimension).isNotEmpty();
                Reports.assertReport(api.attribution(backward, model, "2026-06-01", "2026-06-30", dimension),
                        forwardRows);
            }
        }
        assertThat(api.storedCounts(backward)).isEqualTo(api.storedCounts(forward));
    }

    // ------------------------------------------------------------------ counting

    /** The field case: one batch, three conversions of the purchase action, same visitor, same second. */
    private static String threeInOneSecond() {
        return batch(
                conversion("n-1", "visitor-n", "2026-07-01T12:00:00Z", null, "5.00", null),
                conversion("n-2", "visitor-n", "2026-07-01T12:00:00Z", null, "5.00", null),
                conversion("n-3", "visitor-n", "2026-07-01T12:00:00Z", null, "5.00", null));
    }

    @Test
    void countingEveryCountsThreeConversionsInOneSecond() {
        TestTenant t = api.createTenant("counting every", ZoneId.of("UTC"), "EUR");
        post(t, threeInOneSecond());
        api.awaitAttribution(t);

        assertThat(api.storedCounts(t).conversions()).isEqualTo(3);
        assertThat(counted(t)).containsExactly(true, true, true);
        assertThat(api.summary(t, "2026-07-01", "2026-07-01").getJsonNumber("conversions").longValue()).isEqualTo(3);
        Reports.assertReport(api.attribution(t, "last_touch", "2026-07-01", "2026-07-01", "channel"),
                Map.of("Direct", new Expected(3, 15)));
    }

    @Test
    void countingOneCountsOneConversionPerAdInteraction() throws SQLException {
        TestTenant t = api.createTenant("counting one", ZoneId.of("UTC"), "EUR");
        TestDatabase.setAction(t.id(), "purchase", "counting", "ONE");
        post(t, threeInOneSecond());
        api.awaitAttribution(t);

        // All three are kept; one counts (the first by event id), with all the credit; the others none.
        assertThat(api.storedCounts(t).conversions()).isEqualTo(3);
        assertThat(counted(t)).containsExactly(true, false, false);
        assertThat(api.summary(t, "2026-07-01", "2026-07-01").getJsonNumber("conversions").longValue()).isEqualTo(1);
        Reports.assertReport(api.attribution(t, "last_touch", "2026-07-01", "2026-07-01", "channel"),
                Map.of("Direct", new Expected(1, 5)));
        JsonObject repeat = api.get("api/v1/conversions/" + conversionId(t, "n-2") + "/attribution", t.apiKey()).json();
        assertThat(repeat.getJsonObject("conversion").getBoolean("counted")).isFalse();
        assertThat(repeat.getJsonObject("credits")).isEmpty();

        // "One" is one per ad interaction, not one per visitor for ever: a new ad click, a new conversion.
        post(t, batch(touch("n-4", "visitor-n", "2026-07-01T13:00:00Z", "utm_source", "google", "utm_medium", "cpc"),
                conversion("n-5", "visitor-n", "2026-07-01T13:10:00Z", null, "5.00", null),
                conversion("n-6", "visitor-n", "2026-07-01T13:20:00Z", null, "5.00", null)));
        api.awaitAttribution(t);
        assertThat(counted(t)).containsExactly(true, false, false, true, false);
        assertThat(api.summary(t, "2026-07-01", "2026-07-01").getJsonNumber("conversions").longValue()).isEqualTo(2);
        Reports.assertReport(api.attribution(t, "last_touch", "2026-07-01", "2026-07-01", "channel"), Map.of(
                "Direct", new Expected(1, 5),
                "Paid Search", new Expected(1, 5)));
    }

    @Test
    void anOrderIdCountsOnceInBothCountingModes() throws SQLException {
        TestTenant every = api.createTenant("order id every", ZoneId.of("UTC"), "EUR");
        TestTenant one = api.createTenant("order id one", ZoneId.of("UTC"), "EUR");
        TestDatabase.setAction(one.id(), "purchase", "counting", "ONE");
        for (TestTenant t : List.of(every, one)) {
            ApiResponse r = api.postEvents(t.apiKey(), batch(
                    conversion("o-1", "visitor-o", "2026-07-02T12:00:00Z", null, "5.00", "ORDER-7"),
                    conversion("o-2", "visitor-o", "2026-07-02T12:01:00Z", null, "5.00", "ORDER-7")));
            assertThat(r.json().getInt("accepted")).as("%s", r).isEqualTo(1);
            assertThat(r.json().getInt("duplicates")).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void post(TestTenant t, String events) {
        ApiResponse r = api.postEvents(t.apiKey(), events);
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertThat(r.json().getJsonArray("rejected")).as("%s", r).isEmpty();
    }

    private void importCsv(TestTenant t, String rows) {
        byte[] csv = ("customer_id,time,interaction,conversion,conversion_value,channel\n" + rows)
                .getBytes(StandardCharsets.UTF_8);
        ApiResponse r = api.post("api/v1/imports/touchpoints", t.apiKey(), "text/csv", csv);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().getJsonArray("errors")).as("%s", r).isEmpty();
    }

    /** The tenant's conversions' {@code counted}, in event id order. */
    private List<Boolean> counted(TestTenant t) {
        return conversions(t).stream().sorted(java.util.Comparator.comparing(c -> c.getString("event_id")))
                .map(c -> c.getBoolean("counted")).toList();
    }

    private long conversionId(TestTenant t, String eventId) {
        return conversions(t).stream().filter(c -> c.getString("event_id").equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("no conversion " + eventId)).getJsonNumber("id").longValue();
    }

    private List<JsonObject> conversions(TestTenant t) {
        ApiResponse r = api.get("api/v1/conversions?from=2026-01-01&to=2026-12-31&limit=500", t.apiKey());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.jsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject single(JsonArray array) {
        assertThat(array).hasSize(1);
        return array.getJsonObject(0);
    }

    private static Map<String, Double> shares(JsonArray credits) {
        Map<String, Double> byChannel = new java.util.HashMap<>();
        for (JsonObject c : credits.getValuesAs(JsonObject.class)) {
            byChannel.merge(c.getString("channel"), c.getJsonNumber("credit").doubleValue(), Double::sum);
        }
        return byChannel;
    }
}
