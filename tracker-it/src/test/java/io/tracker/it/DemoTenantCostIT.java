package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.demo.DemoDataGenerator;
import io.tracker.application.demo.DemoStartup;
import io.tracker.application.tracking.EventInput;
import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.ReferenceAttribution;
import io.tracker.it.support.ReferenceAttribution.Converted;
import io.tracker.it.support.ReferenceAttribution.Expected;
import io.tracker.it.support.ReferenceAttribution.TimedTouch;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ad cost imported for the demo shop's own traffic: a tenant set up as {@code DemoTenantSetup} sets up "Demo Outdoor
 * Shop" (Europe/Berlin, EUR, the micro actions {@code add_to_cart} and {@code newsletter_signup}) gets the events
 * {@link DemoDataGenerator} makes for that shop ({@link DemoStartup#SHOP_SEED}, {@link DemoStartup#SHOP_JOURNEYS_PER_DAY})
 * for the last {@value #DAYS_GENERATED} days, through the events API (the same ingestion the demo start-up calls; the
 * test database holds no demo tenant, and the start-up fills one only when {@code TRACKER_DEMO_API_KEY} is set). A
 * plain cost file and a Google Ads export for some of its campaigns on a few days are imported through
 * {@code POST /api/v1/imports/costs}; the last-touch report by campaign and by channel must then show cost, CPA and
 * ROAS equal to the test's own arithmetic: credited conversions and revenue worked out from the stored touchpoints
 * and conversions (read with JDBC) by {@link ReferenceAttribution} (last non-direct touch within the action's lookback
 * window), the cost from the files.
 *
 * <p>The simple rule is exact here because the test checks what makes it so: every demo touch is a click (no
 * view-through windows), each demo visitor is one person (no identify), the purchase action counts every conversion
 * and looks back over its window whatever converted before, and a visitor's touches are at least 30 minutes apart (no
 * ties to order).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoTenantCostIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int DAYS_GENERATED = 14;

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @Test
    void costOfTheDemoShopsCampaignsGivesCpaAndRoasOfTheTestsOwnArithmetic() throws SQLException {
        TestTenant shop = api.createTenant("demo outdoor shop", BERLIN, "EUR", "add_to_cart:MICRO:EVERY:0",
                "newsletter_signup:MICRO:ONE:2.00");
        LocalDate today = LocalDate.now(BERLIN);
        Instant now = Instant.now();
        DemoDataGenerator generator = new DemoDataGenerator(BERLIN, "https://outdoor-shop.example/",
                DemoStartup.SHOP_SEED, DemoStartup.SHOP_JOURNEYS_PER_DAY);
        List<EventInput> events = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS_GENERATED); !day.isAfter(today); day = day.plusDays(1)) {
            events.addAll(generator.eventsStartingOn(day, now));
        }
        for (int i = 0; i < events.size(); i += 1000) {
            List<EventInput> batch = events.subList(i, Math.min(events.size(), i + 1000));
            ApiResponse r = api.postEvents(shop.apiKey(), batch(batch));
            assertThat(r.status()).as("%s", r).isEqualTo(202);
            assertThat(r.json().getInt("accepted")).as("%s", r).isEqualTo(batch.size());
        }
        api.awaitAttribution(shop);

        // The report's days: five days that end two days ago; cost on three of them.
        LocalDate from = today.minusDays(6);
        LocalDate to = today.minusDays(2);
        LocalDate[] costDays = {from, from.plusDays(2), to};
        Stored stored = stored(shop, from, to);
        assertThat(stored.conversions()).as("the demo shop buys something every day").hasSizeGreaterThan(20);

        // A plain file for three campaigns (cost in cents per day, varied per day) and a Google Ads export for the
        // two Google campaigns; the test's own cost per campaign.
        Map<String, BigDecimal> cost = new TreeMap<>();
        StringBuilder plain = new StringBuilder("date,campaign,cost,currency,clicks,impressions\n");
        StringBuilder google = new StringBuilder("Campaign report\n\"" + from + " - " + to + "\"\n"
                + "Day,Campaign,Campaign type,Currency code,Cost,Clicks,Impr.\n");
        for (int d = 0; d < costDays.length; d++) {
            plain.append(costDays[d]).append(",Spring Sale Retargeting,").append(add(cost, "Spring Sale Retargeting",
                    "85.40", d)).append(",EUR,120,4000\n");
            plain.append(costDays[d]).append(",Weekly Newsletter,").append(add(cost, "Weekly Newsletter", "12.00", d))
                    .append(",EUR,,\n");
            plain.append(costDays[d]).append(",Flash Sale SMS,").append(add(cost, "Flash Sale SMS", "31.75", d))
                    .append(",,,\n");
            google.append(costDays[d]).append(",Brand Search,Search,EUR,\"").append(thousands(add(cost,
                    "Brand Search", "1210.55", d))).append("\",300,\"10,000\"\n");
            google.append(costDays[d]).append(",Generic Search - Hiking Boots,Search,EUR,").append(add(cost,
                    "Generic Search - Hiking Boots", "240.10", d)).append(",80,2100\n");
        }
        google.append("Total: Account,--,--,EUR,\"9,999.99\",0,0\n");
        JsonObject plainReport = upload(shop, plain.toString());
        assertThat(plainReport.getString("layout")).isEqualTo("plain");
        assertThat(plainReport.getInt("stored")).isEqualTo(9);
        assertThat(plainReport.getInt("rejected")).isZero();
        JsonObject googleReport = upload(shop, google.toString());
        assertThat(googleReport.getString("layout")).isEqualTo("google_ads");
        assertThat(googleReport.getInt("stored")).isEqualTo(6);
        assertThat(googleReport.getInt("rejected")).isZero();
        BigDecimal allCost = cost.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(plainReport.getJsonNumber("cost").bigDecimalValue().add(googleReport.getJsonNumber("cost")
                .bigDecimalValue())).isEqualByComparingTo(allCost);

        // The test's own last touch over the stored rows.
        Map<String, Expected> byCampaign = ReferenceAttribution.byCampaign("last_touch", stored.conversions());
        Map<String, Expected> byChannel = ReferenceAttribution.byChannel("last_touch", stored.conversions());
        BigDecimal revenue = stored.conversions().stream().map(Converted::value).reduce(BigDecimal.ZERO, BigDecimal::add);

        JsonObject campaigns = api.attribution(shop, "last_touch", from.toString(), to.toString(), "campaign");
        Map<String, JsonObject> rows = rows(campaigns);
        assertThat(rows.keySet()).as("a row for each credited campaign and each campaign with cost")
                .isEqualTo(union(byCampaign.keySet(), cost.keySet()));
        byCampaign.forEach((campaign, expected) -> assertFigures(rows.get(campaign), expected, cost.get(campaign)));
        cost.forEach((campaign, c) -> assertFigures(rows.get(campaign), byCampaign.getOrDefault(campaign,
                new Expected(0, 0)), c));
        assertThat(byCampaign.get("Brand Search").conversions()).as("cost meets credited conversions").isPositive();
        assertFigures(campaigns.getJsonObject("totals"), new Expected(stored.conversions().size(),
                revenue.doubleValue()), allCost);

        // By channel: a campaign's cost goes to the channel its touchpoints arrived on (one per demo campaign).
        Map<String, BigDecimal> channelCost = new TreeMap<>();
        cost.forEach((campaign, c) -> channelCost.merge(stored.channelOf(campaign), c, BigDecimal::add));
        assertThat(channelCost).containsOnlyKeys("Paid Search", "Paid Social", "Email", "SMS");
        JsonObject channels = api.attribution(shop, "last_touch", from.toString(), to.toString(), "channel");
        Map<String, JsonObject> channelRows = rows(channels);
        assertThat(channelRows.keySet()).isEqualTo(union(byChannel.keySet(), channelCost.keySet()));
        byChannel.forEach((channel, expected) -> assertFigures(channelRows.get(channel), expected,
                channelCost.get(channel)));
        assertFigures(channels.getJsonObject("totals"), new Expected(stored.conversions().size(),
                revenue.doubleValue()), allCost);
    }

    /** The tenant's stored journeys and counted macro conversions of the period, as the superuser reads them. */
    private record Stored(List<Converted> conversions, Map<String, Set<String>> channelsByCampaign) {

        String channelOf(String campaign) {
            Set<String> channels = channelsByCampaign.get(campaign);
            assertThat(channels).as("the channels of campaign %s's touchpoints", campaign).hasSize(1);
            return channels.iterator().next();
        }
    }

    private static Stored stored(TestTenant tenant, LocalDate from, LocalDate to) throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            Map<String, Object> action = one(db, "select category, counting, lookback_days, journey_start from "
                    + "conversion_action where tenant_id = ? and action_key = 'purchase'", tenant.id());
            assertThat(action).containsEntry("category", "MACRO").containsEntry("counting", "EVERY")
                    .containsEntry("journey_start", "LOOKBACK");
            Duration lookback = Duration.ofDays(((Number) action.get("lookback_days")).longValue());
            assertThat(one(db, "select count(*) as n from touchpoint where tenant_id = ? and interaction <> 'CLICK'",
                    tenant.id())).as("every demo touch is a click").containsEntry("n", 0L);
            assertThat(one(db, "select count(*) as n from conversion c join conversion_action a on a.tenant_id = "
                    + "c.tenant_id and a.id = c.action_id where c.tenant_id = ? and a.category = 'MACRO' and "
                    + "a.action_key <> 'purchase'", tenant.id())).as("purchase is the only macro action")
                    .containsEntry("n", 0L);
            Map<String, List<TimedTouch>> touches = new HashMap<>();
            Map<String, Set<String>> channelsByCampaign = new HashMap<>();
            try (PreparedStatement ps = db.prepareStatement("select visitor_id, occurred_at, channel, "
                    + "coalesce(campaign, '') from touchpoint where tenant_id = ?")) {
                ps.setString(1, tenant.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TimedTouch t = new TimedTouch(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4));
                        touches.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(t);
                        channelsByCampaign.computeIfAbsent(t.campaign(), c -> new TreeSet<>()).add(t.channel());
                    }
                }
            }
            touches.values().forEach(list -> {
                List<Instant> times = list.stream().map(TimedTouch::at).sorted().toList();
                for (int i = 1; i < times.size(); i++) {
                    assertThat(Duration.between(times.get(i - 1), times.get(i))).as("no two touches of a visitor tie")
                            .isPositive();
                }
            });
            List<Converted> conversions = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("select c.visitor_id, c.occurred_at, c.value, c.counted "
                    + "from conversion c join conversion_action a on a.tenant_id = c.tenant_id and a.id = c.action_id "
                    + "where c.tenant_id = ? and a.action_key = 'purchase'")) {
                ps.setString(1, tenant.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getTimestamp(2).toInstant();
                        LocalDate day = LocalDate.ofInstant(at, BERLIN);
                        assertThat(rs.getBoolean(4)).as("counting every: each purchase counts").isTrue();
                        if (!day.isBefore(from) && !day.isAfter(to)) {
                            conversions.add(new Converted(rs.getBigDecimal(3), ReferenceAttribution.journey(
                                    touches.getOrDefault(rs.getString(1), List.of()), at, lookback)));
                        }
                    }
                }
            }
            return new Stored(conversions, channelsByCampaign);
        }
    }

    private static Map<String, Object> one(Connection db, String sql, String tenantId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    /**
     * Cost, CPA and ROAS of a report row (or the totals) against the test's arithmetic: conversions and revenue
     * (rounded to cents) as expected; CPA = cost ÷ conversions in cents (null without conversions), ROAS = revenue ÷
     * cost with 4 decimals, half-even; all three null where no cost is known.
     */
    private static void assertFigures(JsonObject row, Expected expected, BigDecimal cost) {
        assertThat(row).as("a row for %s", expected).isNotNull();
        BigDecimal revenue = BigDecimal.valueOf(expected.revenue()).setScale(2, RoundingMode.HALF_EVEN);
        assertThat(row.getJsonNumber("conversions").doubleValue()).as("conversions of %s", row)
                .isCloseTo(expected.conversions(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.getJsonNumber("revenue").bigDecimalValue()).as("revenue of %s", row).isEqualByComparingTo(revenue);
        if (cost == null) {
            assertThat(row.get("cost")).as("cost of %s", row).isEqualTo(JsonValue.NULL);
            assertThat(row.get("cpa")).as("cpa of %s", row).isEqualTo(JsonValue.NULL);
            assertThat(row.get("roas")).as("roas of %s", row).isEqualTo(JsonValue.NULL);
            return;
        }
        assertThat(row.getJsonNumber("cost").bigDecimalValue()).as("cost of %s", row).isEqualByComparingTo(cost);
        if (expected.conversions() == 0) {
            assertThat(row.get("cpa")).as("cpa of %s", row).isEqualTo(JsonValue.NULL);
        } else {
            assertThat(row.getJsonNumber("cpa").bigDecimalValue()).as("cpa of %s", row).isEqualByComparingTo(
                    cost.divide(BigDecimal.valueOf(Math.round(expected.conversions())), 2, RoundingMode.HALF_EVEN));
        }
        assertThat(row.getJsonNumber("roas").bigDecimalValue()).as("roas of %s", row)
                .isEqualByComparingTo(revenue.divide(cost, 4, RoundingMode.HALF_EVEN));
    }

    /** The day's cost of a campaign: {@code base} plus 7.13 per day index, added to the campaign's total. */
    private static String add(Map<String, BigDecimal> cost, String campaign, String base, int day) {
        BigDecimal c = new BigDecimal(base).add(new BigDecimal("7.13").multiply(BigDecimal.valueOf(day)));
        cost.merge(campaign, c, BigDecimal::add);
        return c.toPlainString();
    }

    /** An amount as Google Ads writes it, thousands separated by commas ({@code 1,217.68}). */
    private static String thousands(String amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", new BigDecimal(amount));
    }

    private JsonObject upload(TestTenant tenant, String csv) {
        ApiResponse r = api.post("api/v1/imports/costs", tenant.apiKey(), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static Map<String, JsonObject> rows(JsonObject report) {
        String dimension = report.getString("dimension");
        Map<String, JsonObject> rows = new HashMap<>();
        report.getJsonArray("rows").getValuesAs(JsonObject.class).forEach(r -> rows.put(r.getString(dimension), r));
        return rows;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** {@code {"events":[…]}} with the events API's field names, as a client would send the generator's events. */
    private static String batch(List<EventInput> events) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (EventInput e : events) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            put(b, "event_id", e.eventId());
            put(b, "type", e.type());
            put(b, "timestamp", e.timestamp());
            put(b, "visitor_id", e.visitorId());
            put(b, "channel", e.channel());
            put(b, "campaign", e.campaign());
            put(b, "utm_source", e.utmSource());
            put(b, "utm_medium", e.utmMedium());
            put(b, "utm_campaign", e.utmCampaign());
            put(b, "url", e.url());
            put(b, "referrer", e.referrer());
            put(b, "gclid", e.gclid());
            put(b, "fbclid", e.fbclid());
            put(b, "msclkid", e.msclkid());
            put(b, "action", e.action());
            if (e.value() != null) {
                b.add("value", e.value());
            }
            put(b, "currency", e.currency());
            put(b, "order_id", e.orderId());
            array.add(b);
        }
        return Json.createObjectBuilder().add("events", array).build().toString();
    }

    private static void put(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
