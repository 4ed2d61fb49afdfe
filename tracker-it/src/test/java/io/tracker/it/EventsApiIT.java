package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.ReferenceAttribution.Converted;
import static io.tracker.it.support.ReferenceAttribution.Touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ReferenceAttribution;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.Reports;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events sent through {@code POST /api/v1/events} come back right from the report API, once the
 * attribution worker has re-attributed their visitors ({@code awaitAttribution}: attribution runs off
 * the request path).
 *
 * <p>The tenant reports in Europe/Berlin (UTC+1 in January 2025). Six visitors' journeys are
 * written down below with the channel each touch must get under the documented default channel
 * grouping; the expected journey of every purchase, and from it every report row, is worked out
 * by hand from the contract (each purchase looks back 30 days whatever converted before, micro
 * conversions are not reported by default, dates are days in the tenant's zone, conversions counted
 * by their own time):
 *
 * <pre>
 * visitor  touches (local time)                                   purchase (local)      journey
 * A        Jan 10 gclid (Paid Search, "brand")                     Jan 12 10:00  100.00  Paid Search, Email
 *          Jan 12 utm email (Email, "jan-news")
 *          + the same order A-1 again (thank-you page reloaded): a duplicate
 *          Jan 20 utm referral (Referral)                          Jan 20 10:10   25.00  Paid Search, Email,
 *                                                                                        Referral
 * B        Jan 15 00:00 nothing (Direct), sent as 18:00-05:00       Jan 15 00:30   50.00  Direct
 *                                                                 (sent as Jan 14 23:30Z: the UTC day before)
 * C        Jan 5 google.com referrer (Organic Search)              Jan 9 12:05    30.00  Organic Search,
 *          Jan 8 paid_social utm (Paid Social, "winter-sale")                            Paid Social, Direct
 *          Jan 8 12:10 add_to_cart (micro, not reported by default; does not cut the purchase journey)
 *          Jan 9 nothing (Direct)
 * D        Dec 10 2024 display utm (Display): 31 days too early     Jan 10 11:00   20.00  (empty: Direct)
 * E        Dec 1 2024 affiliate utm (Affiliates): too early         Jan 11 12:00   40.00  SMS
 *          Jan 3 sms utm (SMS, "flash-jan")
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsApiIT {

    private static final String FROM = "2025-01-01";
    private static final String TO = "2025-01-31";

    /** The purchases of January and their journeys, as worked out in the class comment. */
    private static final List<Converted> PURCHASES = List.of(
            Converted.of("100.00", new Touch("Paid Search", "brand"), new Touch("Email", "jan-news")),
            Converted.of("25.00", new Touch("Paid Search", "brand"), new Touch("Email", "jan-news"), Touch.of("Referral")),
            Converted.of("50.00", Touch.of("Direct")),
            Converted.of("30.00", Touch.of("Organic Search"), new Touch("Paid Social", "winter-sale"), Touch.of("Direct")),
            Converted.of("20.00"),
            Converted.of("40.00", new Touch("SMS", "flash-jan")));

    private final TrackerClient api = new TrackerClient();
    private TestTenant tenant;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeEach
    void tenantWithJanuaryTraffic() {
        tenant = api.createTenant("events api", ZoneId.of("Europe/Berlin"), "EUR", "add_to_cart:MICRO:EVERY:0");
        ApiResponse r = api.postEvents(tenant.apiKey(), batch(
                // A
                touch("a-t1", "A", "2025-01-10T10:00:00+01:00", "url",
                        "https://shop.example/boots?gclid=Cj0KCQ-a1&utm_source=google&utm_medium=cpc&utm_campaign=brand"),
                touch("a-t2", "A", "2025-01-12T08:30:00Z", "utm_source", "newsletter", "utm_medium", "email",
                        "utm_campaign", "jan-news"),
                conversion("a-c1", "A", "2025-01-12T09:00:00Z", null, "100.00", "A-1"),
                touch("a-t3", "A", "2025-01-20T10:00:00+01:00", "utm_source", "outdoorblog", "utm_medium", "referral"),
                conversion("a-c2", "A", "2025-01-20T10:10:00+01:00", "purchase", "25", "A-2"),
                // B: at local midnight and half an hour after it
                touch("b-t1", "B", "2025-01-14T18:00:00-05:00"),
                conversion("b-c1", "B", "2025-01-14T23:30:00Z", null, "50.00", "B-1"),
                // C
                touch("c-t1", "C", "2025-01-05T12:00:00+01:00", "referrer", "https://www.google.com/"),
                touch("c-t2", "C", "2025-01-08T12:00:00+01:00", "utm_source", "facebook", "utm_medium", "paid_social",
                        "utm_campaign", "winter-sale", "fbclid", "IwAR-c2"),
                conversion("c-cart", "C", "2025-01-08T12:10:00+01:00", "add_to_cart", null, null),
                touch("c-t3", "C", "2025-01-09T12:00:00+01:00"),
                conversion("c-c1", "C", "2025-01-09T12:05:00+01:00", null, "30.00", "C-1"),
                // D: the only touch is 31 days before the purchase
                touch("d-t1", "D", "2024-12-10T10:00:00Z", "utm_source", "gdn", "utm_medium", "display"),
                conversion("d-c1", "D", "2025-01-10T10:00:00Z", null, "20.00", "D-1"),
                // E
                touch("e-t1", "E", "2024-12-01T12:00:00+01:00", "utm_source", "awin", "utm_medium", "affiliate"),
                touch("e-t2", "E", "2025-01-03T12:00:00+01:00", "utm_source", "sms", "utm_medium", "sms",
                        "utm_campaign", "flash-jan"),
                conversion("e-c1", "E", "2025-01-11T12:00:00+01:00", null, "40.00", "E-1")));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertThat(r.json().getInt("accepted")).isEqualTo(17);
        assertThat(r.json().getInt("duplicates")).isZero();
        assertThat(r.json().getJsonArray("rejected")).isEmpty();
        api.awaitAttribution(tenant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"last_touch", "first_touch", "linear", "position_based"})
    void channelReportOfEveryModelMatchesTheHandWorkedJourneys(String model) {
        JsonObject report = api.attribution(tenant, model, FROM, TO, "channel");
        assertThat(report.getString("model")).isEqualTo(model);
        assertThat(report.getString("from")).isEqualTo(FROM);
        assertThat(report.getString("to")).isEqualTo(TO);
        assertThat(report.getString("dimension")).isEqualTo("channel");
        assertThat(report.getString("currency")).isEqualTo("EUR");
        Reports.assertReport(report, ReferenceAttribution.byChannel(model, PURCHASES));
        assertThat(report.getJsonObject("totals").getJsonNumber("conversions").doubleValue())
                .isCloseTo(6, within(1e-6));
        assertThat(report.getJsonObject("totals").getJsonNumber("revenue").doubleValue())
                .isCloseTo(265.00, within(0.001));
    }

    /** The reference implementation above, spelled out once for two models, to catch a mistake in it too. */
    @Test
    void spotCheckOfTheExpectedNumbersWrittenOut() {
        Reports.assertReport(api.attribution(tenant, "last_touch", FROM, TO, "channel"), Map.of(
                "Email", new Expected(1, 100),
                "Referral", new Expected(1, 25),
                "Direct", new Expected(2, 70),
                "Paid Social", new Expected(1, 30),
                "SMS", new Expected(1, 40)));
        // A's second purchase (25.00): Paid Search 0.4, Email 0.2, Referral 0.4 under position based,
        // a third each under linear.
        Reports.assertReport(api.attribution(tenant, "position_based", FROM, TO, "channel"), Map.of(
                "Paid Search", new Expected(0.5 + 0.4, 50 + 10),
                "Email", new Expected(0.5 + 0.2, 50 + 5),
                "Referral", new Expected(0.4, 10),
                "Direct", new Expected(2.4, 82),
                "Organic Search", new Expected(0.4, 12),
                "Paid Social", new Expected(0.2, 6),
                "SMS", new Expected(1, 40)));
        Reports.assertReport(api.attribution(tenant, "linear", FROM, TO, "channel"), Map.of(
                "Paid Search", new Expected(0.5 + 1.0 / 3, 50 + 25.0 / 3),
                "Email", new Expected(0.5 + 1.0 / 3, 50 + 25.0 / 3),
                "Referral", new Expected(1.0 / 3, 25.0 / 3),
                "Direct", new Expected(2 + 1.0 / 3, 80),
                "Organic Search", new Expected(1.0 / 3, 10),
                "Paid Social", new Expected(1.0 / 3, 10),
                "SMS", new Expected(1, 40)));
    }

    @Test
    void campaignReport() {
        JsonObject report = api.attribution(tenant, "last_touch", FROM, TO, "campaign");
        assertThat(report.getString("dimension")).isEqualTo("campaign");
        Reports.assertReport(report, Map.of(
                "jan-news", new Expected(1, 100),
                "", new Expected(3, 95),
                "winter-sale", new Expected(1, 30),
                "flash-jan", new Expected(1, 40)));
        Reports.assertReport(api.attribution(tenant, "linear", FROM, TO, "campaign"),
                ReferenceAttribution.byCampaign("linear", PURCHASES));
    }

    @Test
    void microConversionsAreReportedOnlyWhenAskedFor() {
        // add_to_cart of C at Jan 8 12:10: journey Organic Search (Jan 5), Paid Social (Jan 8 12:00); default value 0.
        JsonObject carts = api.attribution(tenant, Map.of("model", "last_touch", "from", FROM, "to", TO,
                "dimension", "channel", "action", "add_to_cart"));
        Reports.assertReport(carts, Map.of("Paid Social", new Expected(1, 0)));
        Reports.assertReport(api.attribution(tenant, Map.of("model", "first_touch", "from", FROM, "to", TO,
                "action", "add_to_cart")), Map.of("Organic Search", new Expected(1, 0)));
    }

    @Test
    void daysAreDaysInTheTenantsTimeZone() {
        // B's purchase at 2025-01-14T23:30Z is 00:30 on Jan 15 in Berlin; its touch at 00:00 local opens that day.
        Reports.assertReport(api.attribution(tenant, "first_touch", "2025-01-15", "2025-01-15", "channel"),
                Map.of("Direct", new Expected(1, 50)));
        Reports.assertEmpty(api.attribution(tenant, "first_touch", "2025-01-14", "2025-01-14", "channel"));
        JsonObject jan15 = api.summary(tenant, "2025-01-15", "2025-01-15");
        assertThat(jan15.getJsonNumber("touchpoints").longValue()).isEqualTo(1);
        assertThat(jan15.getJsonNumber("conversions").longValue()).isEqualTo(1);
        assertThat(jan15.getJsonNumber("revenue").doubleValue()).isCloseTo(50.00, within(0.001));
        JsonObject jan14 = api.summary(tenant, "2025-01-14", "2025-01-14");
        assertThat(jan14.getJsonNumber("touchpoints").longValue()).isZero();
        assertThat(jan14.getJsonNumber("conversions").longValue()).isZero();

        // A's first purchase (Jan 12) and second (Jan 20) fall in different halves of the month.
        Reports.assertReport(api.attribution(tenant, "first_touch", "2025-01-12", "2025-01-12", "channel"),
                Map.of("Paid Search", new Expected(1, 100)));
        Reports.assertReport(api.attribution(tenant, "last_touch", "2025-01-16", "2025-01-31", "channel"),
                Map.of("Referral", new Expected(1, 25)));
        // December holds only touches (D's display, E's affiliate), no conversion.
        Reports.assertEmpty(api.attribution(tenant, "linear", "2024-12-01", "2024-12-31", "channel"));
        assertThat(api.summary(tenant, "2024-12-01", "2024-12-31").getJsonNumber("touchpoints").longValue())
                .isEqualTo(2);
    }

    /**
     * The trend of January by ISO week, worked out from the class comment's Berlin days: week of 30 Dec (E's SMS
     * touch on the 3rd, C's organic one on the 5th): 2 visits; week of 6 Jan: A's touches on the 10th and 12th,
     * C's on the 8th and 9th, 4 visits, and the purchases of the 9th (30), 10th (20), 11th (40) and 12th (100);
     * week of 13 Jan: B's visit and purchase (50) at 00:00 and 00:30 on the 15th; week of 20 Jan: A's referral
     * visit and purchase (25); week of 27 Jan: nothing. By day there are 31 points, by month one; each adds up to
     * the summary.
     */
    @Test
    void theTrendAddsUpToTheSummary() {
        JsonObject weeks = api.get("api/v1/reports/trend?from=" + FROM + "&to=" + TO + "&interval=week",
                tenant.apiKey()).json();
        assertThat(weeks.getString("interval")).isEqualTo("week");
        assertThat(weeks.getString("currency")).isEqualTo("EUR");
        assertThat(weeks.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .map(p -> List.of(p.getString("start"), p.getJsonNumber("visits").toString(),
                        p.getJsonNumber("conversions").toString(), p.getJsonNumber("revenue").toString())).toList())
                .containsExactly(List.of("2024-12-30", "2", "0", "0"), List.of("2025-01-06", "4", "4", "190"),
                        List.of("2025-01-13", "1", "1", "50"), List.of("2025-01-20", "1", "1", "25"),
                        List.of("2025-01-27", "0", "0", "0"));
        JsonObject days = api.get("api/v1/reports/trend?from=" + FROM + "&to=" + TO, tenant.apiKey()).json();
        List<JsonObject> points = days.getJsonArray("points").getValuesAs(JsonObject.class);
        assertThat(points).hasSize(31);
        assertThat(points.get(14).getString("start")).isEqualTo("2025-01-15");
        assertThat(points.get(14).getInt("visits")).isEqualTo(1);
        assertThat(points.get(14).getInt("conversions")).isEqualTo(1);
        assertThat(points.stream().mapToLong(p -> p.getInt("visits")).sum()).isEqualTo(8);
        assertThat(points.stream().mapToLong(p -> p.getInt("conversions")).sum()).isEqualTo(6);
        assertThat(points.stream().mapToDouble(p -> p.getJsonNumber("revenue").doubleValue()).sum())
                .isCloseTo(265, within(0.001));
        JsonObject month = api.get("api/v1/reports/trend?from=" + FROM + "&to=" + TO + "&interval=month",
                tenant.apiKey()).json();
        assertThat(month.getJsonArray("points")).hasSize(1);
        assertThat(month.getJsonArray("points").getJsonObject(0).getInt("conversions")).isEqualTo(6);

        ApiResponse badInterval = api.get("api/v1/reports/trend?interval=hour", tenant.apiKey());
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(badInterval.contentType()).isEqualTo("application/problem+json");
        assertThat(badInterval.json().getString("detail")).contains("day, week or month");
    }

    /**
     * The drill-down's conversions: under linear, Email has a half of A's first purchase (100.00 → 50.00) and a
     * third of its second (25.00 → 8.33), newest first; under last touch only the first (Email was its last
     * click; the second's was the referral). The campaign "brand" (A's Paid Search click) has the same two
     * purchases under linear. Another tenant sees none of them; missing or bad parameters are 400s.
     */
    @Test
    void theConversionsCreditedToAChannelOrCampaign() {
        JsonObject linear = api.get("api/v1/reports/conversions?model=linear&channel=Email&from=" + FROM + "&to=" + TO,
                tenant.apiKey()).json();
        assertThat(linear.getString("channel")).isEqualTo("Email");
        assertThat(linear.isNull("campaign")).isTrue();
        List<JsonObject> rows = linear.getJsonArray("conversions").getValuesAs(JsonObject.class);
        assertThat(rows.stream().map(r -> List.of(r.getString("occurred_at"), r.getJsonNumber("value").toString(),
                r.getJsonNumber("credit").toString(), r.getJsonNumber("revenue").toString())).toList())
                .containsExactly(List.of("2025-01-20T09:10:00Z", "25", "0.333333", "8.33"),
                        List.of("2025-01-12T09:00:00Z", "100", "0.5", "50"));
        JsonObject lastTouch = api.get("api/v1/reports/conversions?model=last_touch&channel=Email&from=" + FROM
                + "&to=" + TO, tenant.apiKey()).json();
        assertThat(lastTouch.getJsonArray("conversions")).hasSize(1);
        assertThat(lastTouch.getJsonArray("conversions").getJsonObject(0).getJsonNumber("credit").doubleValue())
                .isEqualTo(1.0);
        JsonObject brand = api.get("api/v1/reports/conversions?model=linear&campaign=brand&from=" + FROM + "&to=" + TO,
                tenant.apiKey()).json();
        assertThat(brand.getJsonArray("conversions").getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonNumber("id").longValue())
                .containsExactlyElementsOf(rows.stream().map(r -> r.getJsonNumber("id").longValue()).toList());

        TestTenant other = api.createTenant("events api other", ZoneId.of("Europe/Berlin"), "EUR");
        assertThat(api.get("api/v1/reports/conversions?model=linear&channel=Email&from=" + FROM + "&to=" + TO,
                other.apiKey()).json().getJsonArray("conversions")).isEmpty();

        for (String bad : List.of("model=linear", "channel=Email", "model=lastclick&channel=Email",
                "model=linear&channel=Email&limit=0", "model=linear&channel=Email&limit=x",
                "model=linear&channel=Email&utm_source=x")) {
            ApiResponse r = api.get("api/v1/reports/conversions?" + bad, tenant.apiKey());
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).as(bad).isEqualTo("application/problem+json");
        }
    }

    /**
     * Conversion paths, from the class comment's journeys ({@link #PURCHASES}): each purchase's path is its touches'
     * channels, D's (no touch in its window) Direct as the models credit it, so Direct has B's and D's purchases (2,
     * 70.00), then single ones by revenue. Time lag by hand, in whole 24 hours from the first touch in the window:
     * A's first purchase 48 h (2 days), A's second 10 days 10 min (7–13), B 30 min (0), C 4 days 5 min (4), D 0 (no
     * touch), E 8 days (its Jan 3 SMS; the Dec 1 affiliate touch is out of the window: 7–13).
     */
    @Test
    void conversionPathsAreTheJourneysChannels() {
        Map<List<String>, long[]> expected = new HashMap<>(); // path → conversions, revenue in cents
        for (Converted p : PURCHASES) {
            List<String> path = p.journey().isEmpty() ? List.of("Direct")
                    : p.journey().stream().map(Touch::channel).toList();
            long[] sums = expected.computeIfAbsent(path, k -> new long[2]);
            sums[0]++;
            sums[1] += p.value().movePointRight(2).longValueExact();
        }
        List<List<String>> order = expected.keySet().stream()
                .sorted(Comparator.comparing((List<String> k) -> -expected.get(k)[0])
                        .thenComparing(k -> -expected.get(k)[1]))
                .toList();
        assertThat(order.get(0)).containsExactly("Direct");

        JsonObject paths = api.get("api/v1/reports/paths?from=" + FROM + "&to=" + TO + "&limit=4", tenant.apiKey())
                .json();
        assertThat(paths.getString("currency")).isEqualTo("EUR");
        assertThat(paths.isNull("action")).isTrue();
        assertThat(paths.getInt("conversions")).isEqualTo(PURCHASES.size());
        List<JsonObject> rows = paths.getJsonArray("paths").getValuesAs(JsonObject.class);
        assertThat(rows).hasSize(4);
        for (int i = 0; i < rows.size(); i++) {
            List<String> path = order.get(i);
            JsonObject row = rows.get(i);
            assertThat(row.getJsonArray("channels").getValuesAs(JsonString.class)).as("path %d", i)
                    .extracting(JsonString::getString).containsExactlyElementsOf(path);
            assertThat(row.getInt("conversions")).as("path %d", i).isEqualTo(expected.get(path)[0]);
            assertThat(row.getJsonNumber("revenue").bigDecimalValue().movePointRight(2).longValueExact())
                    .as("path %d", i).isEqualTo(expected.get(path)[1]);
            assertThat(row.getJsonNumber("share").doubleValue()).as("path %d", i)
                    .isCloseTo((double) expected.get(path)[0] / PURCHASES.size(), within(0.000001));
        }
        assertThat(rows.get(1).getString("label")).isEqualTo("Paid Search \u2192 Email");

        assertThat(buckets(paths, "time_lag")).containsExactly(List.of(0, 0, 2), List.of(1, 1, 0), List.of(2, 2, 1),
                List.of(3, 3, 0), List.of(4, 4, 1), List.of(5, 5, 0), List.of(6, 6, 0), List.of(7, 13, 2),
                List.of(14, 29, 0), List.of(30, 59, 0), List.of(60, -1, 0));
        // Lengths: B, D and E one touch, A's first two, A's second and C three.
        assertThat(buckets(paths, "path_length")).containsExactly(List.of(1, 1, 3), List.of(2, 2, 1),
                List.of(3, 3, 2), List.of(4, 4, 0), List.of(5, 5, 0), List.of(6, 10, 0), List.of(11, -1, 0));

        // A micro action's paths: C's add to cart came after its organic and paid social touches.
        JsonObject cart = api.get("api/v1/reports/paths?from=" + FROM + "&to=" + TO + "&action=add_to_cart",
                tenant.apiKey()).json();
        assertThat(cart.getString("action")).isEqualTo("add_to_cart");
        assertThat(cart.getInt("conversions")).isEqualTo(1);
        assertThat(cart.getJsonArray("paths").getJsonObject(0).getString("label"))
                .isEqualTo("Organic Search \u2192 Paid Social");

        TestTenant other = api.createTenant("events api paths other", ZoneId.of("Europe/Berlin"), "EUR");
        JsonObject none = api.get("api/v1/reports/paths?from=" + FROM + "&to=" + TO, other.apiKey()).json();
        assertThat(none.getInt("conversions")).isZero();
        assertThat(none.getJsonArray("paths")).isEmpty();

        for (String bad : List.of("limit=0", "limit=101", "limit=x", "action=nope", "from=2025-13-01",
                "model=linear")) {
            ApiResponse r = api.get("api/v1/reports/paths?" + bad, tenant.apiKey());
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).as(bad).isEqualTo("application/problem+json");
        }
    }

    /** A histogram as [from, to (-1: open), conversions] per bucket. */
    private static List<List<Integer>> buckets(JsonObject paths, String name) {
        return paths.getJsonArray(name).getValuesAs(JsonObject.class).stream()
                .map(b -> List.of(b.getInt("from"), b.isNull("to") ? -1 : b.getInt("to"), b.getInt("conversions")))
                .toList();
    }

    @Test
    void summaryOfTheMonth() {
        // January touches: A 3, B 1, C 3, E 1 (D's and E's December touches are outside); purchases: 6 (the cart is micro).
        JsonObject summary = api.summary(tenant, FROM, TO);
        assertThat(summary.getString("currency")).isEqualTo("EUR");
        assertThat(summary.getJsonNumber("touchpoints").longValue()).isEqualTo(8);
        assertThat(summary.getJsonNumber("conversions").longValue()).isEqualTo(6);
        assertThat(summary.getJsonNumber("revenue").doubleValue()).isCloseTo(265.00, within(0.001));
        // Converted visits: each purchase's latest visit of its visitor at or before it, if in January:
        // a-t2, a-t3, b-t1, c-t3, e-t2; D's only visit is in December. 5 of 8 visits.
        assertThat(summary.getJsonNumber("visits").longValue()).isEqualTo(8);
        assertThat(summary.getJsonNumber("converted_visits").longValue()).isEqualTo(5);
        assertThat(summary.getJsonNumber("visit_conversion_rate").doubleValue()).isCloseTo(5.0 / 8, within(1e-6));
        // The conversion rate: 6 purchases ÷ 8 visits.
        assertThat(summary.getJsonNumber("conversion_rate").doubleValue()).isCloseTo(6.0 / 8, within(1e-6));
        // One add to cart (micro); no calls.
        assertThat(summary.getJsonNumber("micro_conversions").longValue()).isEqualTo(1);
        assertThat(summary.getJsonNumber("calls").longValue()).isZero();
    }

    @Test
    void repeatedEventIdsAndOrderIdsCountOnce() {
        StoredCounts before = api.storedCounts(tenant);
        assertThat(before.touchpoints()).isEqualTo(10);
        assertThat(before.conversions()).isEqualTo(7);
        assertThat(before.eventReceipts()).isEqualTo(17);

        // B's touch again (same event id) next to a new touch of a new visitor.
        ApiResponse again = api.postEvents(tenant.apiKey(), batch(
                touch("b-t1", "B", "2025-01-14T18:00:00-05:00"),
                touch("g-t1", "G", "2025-01-25T09:00:00+01:00", "referrer", "https://www.bing.com/")));
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        assertThat(again.json().getInt("accepted")).isEqualTo(1);
        assertThat(again.json().getInt("duplicates")).isEqualTo(1);

        // The thank-you page of order A-1 reloaded: a new event id, the same order id.
        ApiResponse reload = api.postEvents(tenant.apiKey(), batch(
                conversion("a-c1-reload", "A", "2025-01-12T09:01:00Z", null, "100.00", "A-1")));
        assertThat(reload.status()).as("%s", reload).isEqualTo(202);
        assertThat(reload.json().getInt("accepted")).isZero();
        assertThat(reload.json().getInt("duplicates")).isEqualTo(1);

        // The same event twice in one batch.
        ApiResponse twice = api.postEvents(tenant.apiKey(), batch(
                touch("h-t1", "H", "2025-01-26T09:00:00Z"), touch("h-t1", "H", "2025-01-26T09:00:00Z")));
        assertThat(twice.json().getInt("accepted")).isEqualTo(1);
        assertThat(twice.json().getInt("duplicates")).isEqualTo(1);

        StoredCounts after = api.storedCounts(tenant);
        assertThat(after.touchpoints()).isEqualTo(before.touchpoints() + 2);
        assertThat(after.conversions()).isEqualTo(before.conversions());
        api.awaitAttribution(tenant);
        // Purchases still 6 worth 265.00; touches 8 + G + H.
        JsonObject summary = api.summary(tenant, FROM, TO);
        assertThat(summary.getJsonNumber("touchpoints").longValue()).isEqualTo(10);
        assertThat(summary.getJsonNumber("conversions").longValue()).isEqualTo(6);
        assertThat(summary.getJsonNumber("revenue").doubleValue()).isCloseTo(265.00, within(0.001));
        Reports.assertReport(api.attribution(tenant, "linear", FROM, TO, "channel"),
                ReferenceAttribution.byChannel("linear", PURCHASES));
    }

    @Test
    void lateTouchSentAfterTheConversionRewritesItsAttribution() {
        // A touch of D inside the lookback, sent after D's purchase was stored: D's purchase is re-attributed.
        ApiResponse late = api.postEvents(tenant.apiKey(), batch(
                touch("d-t2", "D", "2025-01-09T10:00:00Z", "utm_source", "bing", "utm_medium", "cpc")));
        assertThat(late.json().getInt("accepted")).isEqualTo(1);
        api.awaitAttribution(tenant);
        List<Converted> withLateTouch = List.of(PURCHASES.get(0), PURCHASES.get(1), PURCHASES.get(2), PURCHASES.get(3),
                Converted.of("20.00", Touch.of("Paid Search")), PURCHASES.get(5));
        for (String model : List.of("last_touch", "first_touch", "linear", "position_based")) {
            Reports.assertReport(api.attribution(tenant, model, FROM, TO, "channel"),
                    ReferenceAttribution.byChannel(model, withLateTouch));
        }
    }
}
