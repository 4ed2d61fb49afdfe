package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.demo.DemoDataGenerator;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ad cost for the demo shop's campaigns ({@link DemoDataGenerator#campaigns()}: the names, sources and media the
 * demo tenant's traffic uses; the test database holds no demo tenant, so a fresh tenant gets journeys of those
 * campaigns whose last-touch credits are known by hand), imported as a plain file and as a Google Ads export
 * through the API: cost, CPA, ROAS and ROI of the campaign, channel and source / medium rows and of the totals
 * must equal the test's own arithmetic; a re-import replaces the day; a wrong-currency row is reported and the
 * rest kept; a file without a header is a 400; another tenant never sees this cost.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CostImportIT {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @Test
    void costOfTheDemoCampaignsGivesCpaRoasAndRoiByHand() {
        Map<String, DemoDataGenerator.DemoCampaign> demo = new HashMap<>();
        DemoDataGenerator.campaigns().forEach(c -> demo.put(c.name(), c));
        DemoDataGenerator.DemoCampaign brand = demo.get("Brand Search");
        DemoDataGenerator.DemoCampaign generic = demo.get("Generic Search - Hiking Boots");
        DemoDataGenerator.DemoCampaign spring = demo.get("Spring Sale Retargeting");
        DemoDataGenerator.DemoCampaign weekly = demo.get("Weekly Newsletter");
        assertThat(List.of(brand.channel(), generic.channel(), spring.channel(), weekly.channel()))
                .containsExactly("Paid Search", "Paid Search", "Paid Social", "Email");

        TestTenant tenant = api.createTenant("cost shop", LA, "USD");
        LocalDate day = LocalDate.now(LA).minusDays(2);
        String d = day.toString();
        String ten = day.atTime(10, 0).atZone(LA).toInstant().toString();
        String eleven = day.atTime(11, 0).atZone(LA).toInstant().toString();
        // Last touch: Brand Search 2 purchases (100 + 50), Spring Sale 1 (80), Weekly Newsletter 1 (30), Generic 0.
        post(tenant, batch(
                visit("c1", "V1", ten, brand, "gclid", "G-1"), conversion("p1", "V1", eleven, null, "100.00", "O-1"),
                visit("c2", "V2", ten, brand, "gclid", "G-2"), conversion("p2", "V2", eleven, null, "50.00", "O-2"),
                visit("c3", "V3", ten, spring, "fbclid", "F-3"), conversion("p3", "V3", eleven, null, "80.00", "O-3"),
                visit("c4", "V4", ten, weekly), conversion("p4", "V4", eleven, null, "30.00", "O-4"),
                visit("c5", "V5", ten, generic, "gclid", "G-5")));
        api.awaitAttribution(tenant);

        // A plain file: its third row is in euros and is refused, the other two are kept.
        JsonObject plain = upload(tenant, "", "date,campaign,cost,currency,clicks,impressions\n"
                + d + ",Weekly Newsletter,12.00,USD,,\n"
                + d + ",Spring Sale Retargeting,40.00,USD,20,1000\n"
                + d + ",Flash Sale SMS,5.00,EUR,,\n");
        assertThat(plain.getString("layout")).isEqualTo("plain");
        assertThat(plain.getInt("rows")).isEqualTo(3);
        assertThat(plain.getInt("stored")).isEqualTo(2);
        assertThat(plain.getInt("rejected")).isEqualTo(1);
        JsonObject error = plain.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getInt("row")).isEqualTo(4);
        assertThat(error.getString("column")).isEqualTo("currency");
        assertThat(error.getString("error")).contains("costs in EUR cannot be used while the reporting currency is USD");
        assertThat(plain.getJsonNumber("cost").bigDecimalValue()).isEqualByComparingTo("52.00");

        // A Google Ads export: title lines, thousands separators, total lines.
        JsonObject google = upload(tenant, "", "Campaign report\n\"" + d + " - " + d + "\"\n"
                + "Day,Campaign,Campaign type,Currency code,Cost,Clicks,Impr.\n"
                + d + ",Brand Search,Search,USD,\"1,200.00\",300,\"10,000\"\n"
                + d + ",Generic Search - Hiking Boots,Search,USD,45.50,20,900\n"
                + "Total: Account,--,--,USD,\"1,245.50\",320,\"10,900\"\n");
        assertThat(google.getString("layout")).isEqualTo("google_ads");
        assertThat(google.getInt("stored")).isEqualTo(2);
        assertThat(google.getInt("rejected")).isZero();
        assertThat(google.getInt("skipped")).as("two title lines and a total line").isEqualTo(3);
        assertThat(google.getInt("replaced")).isZero();
        assertThat(api.get("api/v1/imports/costs/" + google.getJsonNumber("id"), tenant.apiKey()).json())
                .isEqualTo(google);

        JsonObject byCampaign = api.attribution(tenant, "last_touch", d, d, "campaign");
        Map<String, JsonObject> rows = rows(byCampaign);
        assertCost(rows.get("Brand Search"), "1200.00", 2, "150.00");
        assertCost(rows.get("Spring Sale Retargeting"), "40.00", 1, "80.00");
        assertCost(rows.get("Weekly Newsletter"), "12.00", 1, "30.00");
        assertCost(rows.get("Generic Search - Hiking Boots"), "45.50", 0, "0");
        assertThat(rows.get("Generic Search - Hiking Boots").getJsonNumber("conversions").doubleValue())
                .as("money spent with nothing to show is a row").isZero();
        assertCost(byCampaign.getJsonObject("totals"), "1297.50", 4, "260.00");
        // The dashboard's trend has the day's cost: 12.00 + 40.00 + 1,200.00 + 45.50.
        JsonObject trend = api.get("api/v1/reports/trend?from=" + d + "&to=" + d, tenant.apiKey()).json();
        assertThat(trend.getJsonArray("points").getJsonObject(0).getJsonNumber("cost").bigDecimalValue())
                .isEqualByComparingTo("1297.50");

        Map<String, JsonObject> channels = rows(api.attribution(tenant, "last_touch", d, d, "channel"));
        assertCost(channels.get("Paid Search"), "1245.50", 2, "150.00");
        assertCost(channels.get("Paid Social"), "40.00", 1, "80.00");
        assertCost(channels.get("Email"), "12.00", 1, "30.00");
        Map<String, JsonObject> sources = rows(api.attribution(tenant, "last_touch", d, d, "source_medium"));
        assertCost(sources.get(brand.utmSource() + " / " + brand.utmMedium()), "1245.50", 2, "150.00");
        // Under linear every journey has one touch, so the credits and the cost figures are the same.
        assertCost(rows(api.attribution(tenant, "linear", d, d, "campaign")).get("Brand Search"), "1200.00", 2, "150.00");
        JsonObject byAction = api.attribution(tenant, "last_touch", d, d, "conversion_action");
        assertThat(byAction.getJsonArray("rows").getJsonObject(0).containsKey("cost")).isFalse();

        // Re-importing the day replaces it: Generic Search is gone for the day, Brand Search costs 600.00.
        JsonObject again = upload(tenant, "?layout=google_ads", "Day,Campaign,Cost\n" + d + ",Brand Search,600.00\n");
        assertThat(again.getInt("replaced")).isEqualTo(2);
        assertThat(again.getInt("stored")).isEqualTo(1);
        rows = rows(api.attribution(tenant, "last_touch", d, d, "campaign"));
        assertThat(rows).doesNotContainKey("Generic Search - Hiking Boots");
        assertCost(rows.get("Brand Search"), "600.00", 2, "150.00");
        assertCost(rows.get("Spring Sale Retargeting"), "40.00", 1, "80.00");
        assertCost(api.attribution(tenant, "last_touch", d, d, "campaign").getJsonObject("totals"), "652.00", 4,
                "260.00");

        // Bad files and layouts are 400 problem+json; nothing is stored.
        assertProblem(api.post("api/v1/imports/costs", tenant.apiKey(), "text/csv",
                "hello,world\n1,2\n".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(api.post("api/v1/imports/costs?layout=tiktok", tenant.apiKey(), "text/csv",
                ("date,campaign,cost\n" + d + ",x,1\n").getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(api.post("api/v1/imports/costs?layout=meta", tenant.apiKey(), "text/csv",
                ("date,campaign,cost\n" + d + ",x,1\n").getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(api.get("api/v1/imports/costs", tenant.apiKey()).json().getJsonArray("uploads")).hasSize(3);

        // Another client sees none of this cost, nor the uploads.
        TestTenant other = api.createTenant("cost other", LA, "USD");
        JsonObject theirs = api.attribution(other, "last_touch", d, d, "campaign");
        assertThat(theirs.getJsonArray("rows")).isEmpty();
        assertThat(theirs.getJsonObject("totals").get("cost")).isEqualTo(JsonValue.NULL);
        assertThat(api.get("api/v1/imports/costs/" + google.getJsonNumber("id"), other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("api/v1/imports/costs", other.apiKey()).json().getJsonArray("uploads")).isEmpty();
    }

    /**
     * The row's cost, CPA, ROAS and ROI against the test's own arithmetic: CPA = cost ÷ conversions in cents
     * (null without conversions), ROAS = revenue ÷ cost and ROI = (revenue − cost) ÷ cost with 4 decimals.
     */
    private static void assertCost(JsonObject row, String cost, int conversions, String revenue) {
        assertThat(row).as("a row").isNotNull();
        BigDecimal c = new BigDecimal(cost);
        BigDecimal r = new BigDecimal(revenue);
        assertThat(row.getJsonNumber("conversions").doubleValue()).as("conversions of %s", row).isEqualTo(conversions);
        assertThat(row.getJsonNumber("revenue").bigDecimalValue()).as("revenue of %s", row).isEqualByComparingTo(r);
        assertThat(row.getJsonNumber("cost").bigDecimalValue()).as("cost of %s", row).isEqualByComparingTo(c);
        if (conversions == 0) {
            assertThat(row.get("cpa")).as("cpa of %s", row).isEqualTo(JsonValue.NULL);
        } else {
            assertThat(row.getJsonNumber("cpa").bigDecimalValue()).as("cpa of %s", row)
                    .isEqualByComparingTo(c.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_EVEN));
        }
        assertThat(row.getJsonNumber("roas").bigDecimalValue()).as("roas of %s", row)
                .isEqualByComparingTo(r.divide(c, 4, RoundingMode.HALF_EVEN));
        assertThat(row.getJsonNumber("roi").bigDecimalValue()).as("roi of %s", row)
                .isEqualByComparingTo(r.subtract(c).divide(c, 4, RoundingMode.HALF_EVEN));
    }

    private static Map<String, JsonObject> rows(JsonObject report) {
        String dimension = report.getString("dimension");
        Map<String, JsonObject> rows = new HashMap<>();
        report.getJsonArray("rows").getValuesAs(JsonObject.class).forEach(r -> rows.put(r.getString(dimension), r));
        return rows;
    }

    private static JsonObject visit(String eventId, String visitor, String at, DemoDataGenerator.DemoCampaign c,
                                    String... clickId) {
        String[] fields = new String[6 + clickId.length];
        fields[0] = "utm_source";
        fields[1] = c.utmSource();
        fields[2] = "utm_medium";
        fields[3] = c.utmMedium();
        fields[4] = "utm_campaign";
        fields[5] = c.name();
        System.arraycopy(clickId, 0, fields, 6, clickId.length);
        return touch(eventId, visitor, at, fields);
    }

    private JsonObject upload(TestTenant tenant, String query, String csv) {
        ApiResponse r = api.post("api/v1/imports/costs" + query, tenant.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private void post(TestTenant tenant, String events) {
        ApiResponse r = api.postEvents(tenant.apiKey(), events);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().getJsonArray("rejected")).as(r.toString()).isEmpty();
    }
}
