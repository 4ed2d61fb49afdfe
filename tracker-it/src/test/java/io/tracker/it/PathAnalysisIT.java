package io.tracker.it;

import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.SharedData;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Path analyses through {@code /api/v1/path-analyses}: ChannelAttribution's sample
 * ({@code shared/data/channelattribution_paths/Data.csv}) uploaded as it is, and small files whose
 * answers are worked out by hand. Expected numbers come from reading the files in the test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PathAnalysisIT {

    private static final String ANALYSES = "api/v1/path-analyses";
    private static final List<String> MODELS = List.of("first_touch", "last_touch", "linear", "position_based",
            "markov", "shapley");
    /** The white paper's three paths (SOURCE.md beside Data.csv): exactly A = 2, B = 1 by Markov. */
    private static final String WHITE_PAPER = """
            path;total_conversions;total_conversion_value;total_null
            A > B > A > B > B > A;1;30;0
            A > B > B > A > A;1;30;0
            A > A;1;30;0
            """;

    private static final TrackerClient API = new TrackerClient();
    private static TestTenant a;
    private static TestTenant b;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @BeforeAll
    static void twoClients() {
        a = API.createTenant("Paths A", ZoneId.of("UTC"), "EUR");
        b = API.createTenant("Paths B", ZoneId.of("UTC"), "EUR");
    }

    private static ApiResponse upload(TestTenant t, String query, String contentType, byte[] body) {
        return API.post(ANALYSES + query, t.apiKey(), contentType, body);
    }

    private static String created(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().getString("id");
        assertThat(r.header("Location")).endsWith("/api/v1/path-analyses/" + id);
        return id;
    }

    private static JsonObject channel(JsonObject analysis, String name) {
        return analysis.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("channel").equals(name)).findFirst().orElseThrow();
    }

    private static double number(JsonObject o, String model, String field) {
        return o.getJsonObject(model).getJsonNumber(field).doubleValue();
    }

    @Test
    void channelAttributionsSampleGivesEveryModelSideBySide() throws IOException {
        Path file = SharedData.file("channelattribution_paths/Data.csv");
        // The file read by the test itself: totals and the first- and last-touch credits per channel.
        long conversions = 0;
        long nulls = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        Map<String, Long> first = new HashMap<>();
        Map<String, Long> last = new HashMap<>();
        TreeSet<String> channels = new TreeSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            List<String> path = List.of(f[0].split(" > "));
            long c = Long.parseLong(f[1]);
            conversions += c;
            nulls += Long.parseLong(f[3]);
            revenue = revenue.add(new BigDecimal(f[2]));
            channels.addAll(path);
            first.merge(path.get(0), c, Long::sum);
            last.merge(path.get(path.size() - 1), c, Long::sum); // no channel of the sample is "direct"
        }
        assertThat(conversions).isEqualTo(19_785);
        assertThat(revenue.setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("74802.97");

        String id = created(upload(a, "?name=Data.csv", "text/csv", Files.readAllBytes(file)));
        ApiResponse r = API.get(ANALYSES + "/" + id, a.apiKey());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject analysis = r.json();

        assertThat(analysis.getString("name")).isEqualTo("Data.csv");
        assertThat(analysis.getJsonNumber("lines").longValue()).isEqualTo(10_000);
        assertThat(analysis.getJsonNumber("rejected").longValue()).isZero();
        JsonObject totals = analysis.getJsonObject("totals");
        assertThat(totals.getJsonNumber("conversions").longValue()).isEqualTo(conversions);
        assertThat(totals.getJsonNumber("nulls").longValue()).isEqualTo(nulls).isEqualTo(68_602);
        assertThat(totals.getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo("74802.97");
        assertThat(analysis.getJsonArray("channels").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("channel")).containsExactlyElementsOf(channels);
        for (String model : MODELS) {
            double sumConversions = 0;
            double sumRevenue = 0;
            for (JsonObject c : analysis.getJsonArray("channels").getValuesAs(JsonObject.class)) {
                assertThat(c).doesNotContainKey("time_decay");
                sumConversions += number(c, model, "conversions");
                sumRevenue += number(c, model, "revenue");
            }
            // Each of 12 channels rounded to 6 decimals (conversions) and 2 (revenue).
            assertThat(sumConversions).as(model).isCloseTo(19_785, within(12 * 0.5e-6));
            assertThat(sumRevenue).as(model).isCloseTo(74_802.97, within(12 * 0.005 + 0.005));
        }
        for (String c : channels) {
            JsonObject row = channel(analysis, c);
            assertThat(number(row, "first_touch", "conversions")).as(c).isEqualTo((double) first.getOrDefault(c, 0L));
            assertThat(number(row, "last_touch", "conversions")).as(c).isEqualTo((double) last.getOrDefault(c, 0L));
            assertThat(number(row, "markov", "removal_effect")).as(c).isBetween(0.0, 1.0);
        }

        JsonObject list = API.get(ANALYSES, a.apiKey()).json();
        assertThat(list.getJsonArray("analyses").getValuesAs(JsonObject.class))
                .anySatisfy(x -> {
                    assertThat(x.getString("id")).isEqualTo(id);
                    assertThat(x.getJsonObject("totals").getJsonNumber("conversions").longValue()).isEqualTo(19_785);
                    assertThat(x).doesNotContainKey("channels");
                });
    }

    @Test
    void theWhitePaperExampleIsExact() {
        String id = created(upload(a, "", "text/csv; charset=UTF-8", WHITE_PAPER.getBytes(StandardCharsets.UTF_8)));

        JsonObject analysis = API.get(ANALYSES + "/" + id, a.apiKey()).json();

        JsonObject channelA = channel(analysis, "A");
        JsonObject channelB = channel(analysis, "B");
        assertThat(channelA.getJsonObject("markov").toString())
                .isEqualTo("{\"conversions\":2,\"revenue\":60,\"removal_effect\":1}");
        assertThat(channelB.getJsonObject("markov").toString())
                .isEqualTo("{\"conversions\":1,\"revenue\":30,\"removal_effect\":0.5}");
        // By hand: first touch A for all three; linear A 3/6 + 3/5 + 2/2 = 2.1, B 3/6 + 2/5 = 0.9.
        assertThat(channelA.getJsonObject("first_touch").toString()).isEqualTo("{\"conversions\":3,\"revenue\":90}");
        assertThat(number(channelA, "linear", "conversions")).isEqualTo(2.1);
        assertThat(number(channelB, "linear", "conversions")).isEqualTo(0.9);
    }

    @Test
    void badLinesAreReportedAndGoodOnesKeptWithAnySeparator() {
        String csv = "path,total_conversions,total_conversion_value,total_null\n"
                + "email > direct,2,10,1\n"
                + "email > > direct,1,1,1\n"
                + "search,x,1,1\n"
                + "search,1,5,0\n";

        ApiResponse r = upload(a, "?sep=,", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        String id = created(r);
        assertThat(r.json().getJsonNumber("rejected_count").longValue()).isEqualTo(2);
        assertThat(r.json().getJsonArray("rejected").getValuesAs(JsonObject.class))
                .extracting(e -> e.getInt("line")).containsExactly(3, 4);
        JsonObject analysis = API.get(ANALYSES + "/" + id, a.apiKey()).json();
        assertThat(analysis.getJsonNumber("lines").longValue()).isEqualTo(2);
        // Last non-direct: email, never direct.
        assertThat(channel(analysis, "email").getJsonObject("last_touch").toString())
                .isEqualTo("{\"conversions\":2,\"revenue\":10}");
        assertThat(channel(analysis, "direct").getJsonObject("last_touch").toString())
                .isEqualTo("{\"conversions\":0,\"revenue\":0}");
    }

    @Test
    void analysesBelongToTheirTenant() {
        String id = created(upload(a, "", "text/csv", WHITE_PAPER.getBytes(StandardCharsets.UTF_8)));

        assertProblem(API.get(ANALYSES + "/" + id, b.apiKey()), 404);
        assertThat(API.get(ANALYSES, b.apiKey()).json().getJsonArray("analyses").getValuesAs(JsonObject.class))
                .noneMatch(x -> x.getString("id").equals(id));
        assertProblem(API.get(ANALYSES + "/00000000-0000-0000-0000-000000000000", a.apiKey()), 404);
        assertProblem(API.get(ANALYSES + "/not-an-id", a.apiKey()), 404);
    }

    @Test
    void badInputIsAClearClientError() {
        byte[] paper = WHITE_PAPER.getBytes(StandardCharsets.UTF_8);
        assertProblem(upload(a, "", "application/json", paper), 415);
        assertThat(assertProblem(upload(a, "?sep=%7C", "text/csv", paper), 400)).contains("sep must be");
        assertThat(assertProblem(upload(a, "?separator=,", "text/csv", paper), 400)).contains("separator");

        ApiResponse none = upload(a, "", "text/csv", "a > b;x;1;1\nc;1;1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(assertProblem(none, 400)).contains("no line of the path file could be used");
        assertThat(none.json().getJsonArray("rejected").getValuesAs(JsonObject.class))
                .extracting(e -> e.getInt("line")).containsExactly(1, 2);
        assertThat(assertProblem(upload(a, "", "text/csv", new byte[0]), 400)).contains("no data line");

        // A file with the semicolons of the sample, read with commas: every line explained.
        ApiResponse wrongSeparator = upload(a, "?sep=,", "text/csv", paper);
        assertThat(assertProblem(wrongSeparator, 400)).contains("looks separated by ';'");

        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= 200_000; i++) {
            many.append("a;0;0;1\n");
        }
        assertThat(assertProblem(upload(a, "", "text/csv", many.toString().getBytes(StandardCharsets.UTF_8)), 413))
                .contains("200000 data lines");

        TestTenant readOnly = API.createTenantWithScopes("Paths read-only", ZoneId.of("UTC"), "EUR", "READ");
        assertProblem(API.post(ANALYSES, readOnly.apiKey(), "text/csv", paper), 403);
        assertThat(API.get(ANALYSES, readOnly.apiKey()).json().getJsonArray("analyses")).isEmpty();
    }
}
