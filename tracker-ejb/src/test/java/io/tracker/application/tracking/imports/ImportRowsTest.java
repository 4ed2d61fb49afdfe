package io.tracker.application.tracking.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.application.tracking.TrackedConversion;
import io.tracker.application.tracking.TrackedEvent;
import io.tracker.application.tracking.TrackedTouchpoint;
import io.tracker.domain.conversion.ActionStatus;
import io.tracker.domain.conversion.ActionTrigger;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.CountingRule;
import io.tracker.domain.conversion.TriggerType;
import io.tracker.domain.conversion.ValueSource;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tracking.Interaction;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ImportRowsTest {

    /** "Now" for the readers: 2026-12-01, so rows up to 2026-12-02T00:00Z are in range. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CountingRule PURCHASE = new CountingRule(3, "purchase", new BigDecimal("9.90"), CountingMode.EVERY);
    private static final Currency EUR = Currency.getInstance("EUR");

    private static List<CSVRecord> records(String csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(format).get()) {
            return parser.getRecords();
        }
    }

    @Test
    void aConvertingTouchpointRowIsBothATouchAndAConversionAtTheSameInstant() throws IOException {
        TouchpointCsvRows rows = new TouchpointCsvRows(ZoneId.of("Europe/Paris"), PURCHASE, "EUR", CLOCK);
        List<CSVRecord> r = records("""
                customer_id,time,interaction,conversion,conversion_value,channel
                c1,2026-01-05 10:00:00,impression,0,,Facebook
                c1,2026-01-06T11:30:00Z,conversion,1,12.345,Email
                c1,2026-01-07 09:00,conversion,1,,Email
                """);

        List<TrackedEvent> first = rows.read(r.get(0));
        List<TrackedEvent> second = rows.read(r.get(1));
        List<TrackedEvent> third = rows.read(r.get(2));

        assertThat(first).singleElement().isInstanceOfSatisfying(TrackedTouchpoint.class, t -> {
            assertThat(t.occurredAt()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z")); // Paris is UTC+1 in January
            assertThat(t.channel()).isEqualTo("Facebook");
            assertThat(t.visitorId()).isEqualTo("c1");
            assertThat(t.interaction()).isEqualTo(Interaction.IMPRESSION);
        });
        assertThat(second).hasSize(2);
        assertThat(((TrackedTouchpoint) second.get(0)).interaction()).as("Kaggle's 'conversion' row is a click")
                .isEqualTo(Interaction.CLICK);
        TrackedConversion conversion = (TrackedConversion) second.get(1);
        assertThat(conversion.occurredAt()).isEqualTo(Instant.parse("2026-01-06T11:30:00Z"))
                .isEqualTo(((TrackedTouchpoint) second.get(0)).occurredAt());
        assertThat(conversion.value()).isEqualByComparingTo("12.35");
        assertThat(conversion.actionId()).isEqualTo(3);
        assertThat(conversion.currency()).isEqualTo("EUR");
        assertThat(((TrackedConversion) third.get(1)).value()).as("empty value: the action's default")
                .isEqualByComparingTo("9.90");
    }

    @Test
    void identicalRowsGetDistinctButStableEventIds() throws IOException {
        String csv = """
                customer_id,time,interaction,conversion,conversion_value,channel
                c1,2026-01-05T10:00:00Z,impression,0,,Facebook
                c1,2026-01-05T10:00:00Z,impression,0,,Facebook
                """;
        List<String> ids = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            TouchpointCsvRows rows = new TouchpointCsvRows(ZoneId.of("UTC"), PURCHASE, "EUR", CLOCK);
            for (CSVRecord r : records(csv)) {
                ids.add(rows.read(r).get(0).eventId());
            }
        }

        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(ids.subList(2, 4)).as("a second import yields the same ids").isEqualTo(ids.subList(0, 2));
    }

    @Test
    void theInteractionColumnIsOptionalAndClickByDefault() throws IOException {
        TouchpointCsvRows rows = new TouchpointCsvRows(ZoneId.of("UTC"), PURCHASE, "EUR", CLOCK);
        List<CSVRecord> withColumn = records("""
                customer_id,time,interaction,conversion,conversion_value,channel
                c1,2026-01-05T10:00:00Z,click,0,,Email
                c1,2026-01-05T11:00:00Z, Impression ,0,,Display
                c1,2026-01-05T12:00:00Z,,0,,Email
                c1,2026-01-05T13:00:00Z,IMPRESSION,1,5,Display
                c1,2026-01-05T14:00:00Z,view,0,,Display
                """);
        List<CSVRecord> withoutColumn = records("""
                customer_id,time,conversion,conversion_value,channel
                c1,2026-01-05T10:00:00Z,0,,Email
                """);

        assertThat(withColumn.subList(0, 4)).extracting(r -> ((TrackedTouchpoint) rows.read(r).get(0)).interaction())
                .containsExactly(Interaction.CLICK, Interaction.IMPRESSION, Interaction.CLICK, Interaction.IMPRESSION);
        assertThatThrownBy(() -> rows.read(withColumn.get(4))).isInstanceOf(RowException.class)
                .hasMessageStartingWith("interaction must be click or impression").hasMessageEndingWith("not 'view'");
        assertThat(((TrackedTouchpoint) rows.read(withoutColumn.get(0)).get(0)).interaction())
                .isEqualTo(Interaction.CLICK);
        CsvFile.checkColumns(List.of("customer_id", "time", "conversion", "conversion_value", "channel"),
                TouchpointCsvRows.COLUMNS);
    }

    @Test
    void badTouchpointRowsAreExplained() throws IOException {
        TouchpointCsvRows rows = new TouchpointCsvRows(ZoneId.of("UTC"), PURCHASE, "EUR", CLOCK);
        List<CSVRecord> r = records("""
                customer_id,time,interaction,conversion,conversion_value,channel
                c1,yesterday,impression,0,,Facebook
                ,2026-01-05T10:00:00Z,impression,0,,Facebook
                c1,2026-01-05T10:00:00Z,impression,maybe,,Facebook
                c1,2026-01-05T10:00:00Z,conversion,1,ten,Facebook
                c1,2026-01-05T10:00:00Z,conversion,1,-3,Facebook
                c1,2026-01-05T10:00:00Z,conversion,1,1e400,Facebook
                """);

        assertThatThrownBy(() -> rows.read(r.get(0))).hasMessageContaining("time 'yesterday'");
        assertThatThrownBy(() -> rows.read(r.get(1))).hasMessage("customer_id is empty");
        assertThatThrownBy(() -> rows.read(r.get(2))).hasMessageContaining("conversion must be 0 or 1");
        assertThatThrownBy(() -> rows.read(r.get(3))).hasMessageContaining("'ten' is not a number");
        assertThatThrownBy(() -> rows.read(r.get(4))).hasMessageContaining("negative");
        assertThatThrownBy(() -> rows.read(r.get(5))).hasMessageContaining("out of range");
    }

    @Test
    void gaSessionsBecomeOneTouchpointAndAtMostOnePurchaseInMicros() throws IOException {
        GaSessionRows rows = new GaSessionRows(PURCHASE, Currency.getInstance("USD"), CLOCK);
        List<CSVRecord> r = records("""
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                0223683667601132018,Organic Search,0,,1490046065,USD,
                0223683667601132018,Organic Search,61000,124000000,1490046065,USD,ORD1
                0223683667601132018,Organic Search,75000,124000000,1490046065,USD,
                0223683667601132018,Referral,0,2990000,1490100000,,
                """);

        List<TrackedEvent> events = new ArrayList<>();
        r.forEach(rec -> events.addAll(rows.read(rec)));

        assertThat(events).hasSize(4);
        TrackedTouchpoint session = (TrackedTouchpoint) events.get(0);
        assertThat(session.visitorId()).as("leading zero kept").isEqualTo("0223683667601132018");
        assertThat(session.occurredAt()).isEqualTo(Instant.ofEpochSecond(1490046065));
        assertThat(session.channel()).isEqualTo("Organic Search");
        TrackedConversion purchase = (TrackedConversion) events.get(1);
        assertThat(purchase.value()).isEqualByComparingTo("124.00");
        assertThat(purchase.currency()).isEqualTo("USD");
        assertThat(purchase.orderId()).isEqualTo("ORD1");
        assertThat(purchase.dedupeKey()).isEqualTo("order:ORD1");
        assertThat(purchase.occurredAt()).isEqualTo(Instant.ofEpochSecond(1490046065).plusMillis(61000));
        TrackedConversion second = (TrackedConversion) events.get(3);
        assertThat(second.value()).isEqualByComparingTo("2.99");
        assertThat(second.currency()).as("empty currency: the tenant's").isEqualTo("USD");
        assertThat(second.dedupeKey()).isNull();
    }

    @Test
    void badGaRowsAreExplained() throws IOException {
        GaSessionRows rows = new GaSessionRows(PURCHASE, EUR, CLOCK);
        List<CSVRecord> r = records("""
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                1,Direct,0,,2.82E+18,USD,
                2,Direct,0,lots,1490046065,USD,
                3,Direct,0,100,1490046065,DOLLARS,
                4,Direct,0,100,1490046065,USD,
                """);

        assertThatThrownBy(() -> rows.read(r.get(0))).hasMessageContaining("visitId '2.82E+18' is not a whole number");
        assertThatThrownBy(() -> rows.read(r.get(1))).hasMessageContaining("totalTransactionRevenue 'lots'");
        assertThatThrownBy(() -> rows.read(r.get(2))).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> rows.read(r.get(3))).as("the tenant reports in EUR").hasMessageContaining("EUR");
    }

    @Test
    void touchpointTimesOutsideTheEventApisRangeAreRowErrors() throws IOException {
        TouchpointCsvRows rows = new TouchpointCsvRows(ZoneId.of("UTC"), PURCHASE, "EUR", CLOCK);
        List<CSVRecord> r = records("""
                customer_id,time,interaction,conversion,conversion_value,channel
                c1,1970-01-01T00:00:00Z,impression,0,,Facebook
                c1,0001-01-01 00:00:00,impression,0,,Facebook
                c1,9999-12-31T23:59:59Z,impression,0,,Facebook
                c1,+294277-01-01T00:00:00Z,impression,0,,Facebook
                c1,2026-12-02T00:00:00Z,impression,0,,Facebook
                c1,2026-12-02T00:00:01Z,impression,0,,Facebook
                c1,1999-12-31T23:59:59Z,impression,0,,Facebook
                c1,2000-01-01T00:00:00Z,impression,0,,Facebook
                """);

        assertThatThrownBy(() -> rows.read(r.get(0))).hasMessage("time '1970-01-01T00:00:00Z' is before 2000-01-01T00:00:00Z");
        assertThatThrownBy(() -> rows.read(r.get(1))).hasMessageContaining("is before 2000");
        assertThatThrownBy(() -> rows.read(r.get(2))).hasMessageContaining("more than a day in the future");
        assertThatThrownBy(() -> rows.read(r.get(3))).hasMessageContaining("more than a day in the future");
        assertThat(rows.read(r.get(4))).as("exactly a day ahead").hasSize(1);
        assertThatThrownBy(() -> rows.read(r.get(5))).hasMessageContaining("more than a day in the future");
        assertThatThrownBy(() -> rows.read(r.get(6))).hasMessageContaining("is before 2000");
        assertThat(rows.read(r.get(7))).hasSize(1);
    }

    @Test
    void aHugeConversionValueIsRefusedQuicklyAndNotEchoedWhole() throws IOException {
        TouchpointCsvRows rows = new TouchpointCsvRows(ZoneId.of("UTC"), PURCHASE, "EUR", CLOCK);
        String digits = "9".repeat(900_000);
        List<CSVRecord> r = records("customer_id,time,interaction,conversion,conversion_value,channel\n"
                + "c1,2026-01-05T10:00:00Z,conversion,1," + digits + ",Email\n"
                + "c1,2026-01-05T10:00:00Z,conversion,1,0." + "1".repeat(38) + ",Email\n");

        long start = System.nanoTime();
        assertThatThrownBy(() -> rows.read(r.get(0)))
                .hasMessageContaining("longer than 40 characters")
                .hasMessageContaining("(900000 characters)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds (the quadratic parse took 13-14 s)").isLessThan(1_000);
        assertThatThrownBy(() -> rows.read(r.get(1))).as("40 characters are read, then refused for their scale")
                .hasMessageContaining("out of range");
    }

    @Test
    void gaVisitIdsAndHitTimesOutsideTheRangeAreRowErrors() throws IOException {
        GaSessionRows rows = new GaSessionRows(PURCHASE, EUR, CLOCK);
        List<CSVRecord> r = records("""
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                1,Direct,0,,9223372036854775807,,
                2,Direct,0,,0,,
                3,Direct,0,,253402300799,,
                4,Direct,9223372036854775807,1000000,1490046065,,
                4,Direct,0,1000000,1490046065,,
                """);

        assertThatThrownBy(() -> rows.read(r.get(0))).hasMessageContaining("visitId '9223372036854775807'")
                .hasMessageContaining("more than a day in the future");
        assertThatThrownBy(() -> rows.read(r.get(1))).hasMessageContaining("is before 2000");
        assertThatThrownBy(() -> rows.read(r.get(2))).hasMessageContaining("more than a day in the future");
        assertThatThrownBy(() -> rows.read(r.get(3))).hasMessageContaining("more than a day in the future")
                .isInstanceOfSatisfying(PartlyImportedRowException.class, e -> assertThat(e.kept())
                        .singleElement().isInstanceOf(TrackedTouchpoint.class));
        assertThat(rows.read(r.get(4))).as("the session was opened by the partly imported row: only the purchase")
                .singleElement().isInstanceOf(TrackedConversion.class);
    }

    /*
     * GA repeats a session's revenue on every hit row: a revenue the tenant cannot take (here dollars
     * for a euro tenant) used to refuse every row of the session, so the visit itself was lost.
     */
    @Test
    void aSessionWhoseRevenueIsRefusedStillBecomesATouchpoint() throws IOException {
        GaSessionRows rows = new GaSessionRows(PURCHASE, EUR, CLOCK);
        List<CSVRecord> r = records("""
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                7,Referral,0,5000000,1490046065,USD,T1
                7,Referral,9000,5000000,1490046065,USD,T1
                7,Referral,12000,5000000,1490046065,EUR,T1
                8,,0,5000000,1490046065,EUR,
                8,Email,0,,1490046065,,
                """);

        assertThatThrownBy(() -> rows.read(r.get(0)))
                .hasMessageContaining("differs from the tenant's reporting currency EUR")
                .hasMessageContaining("touchpoint was imported")
                .isInstanceOfSatisfying(PartlyImportedRowException.class, e -> assertThat(e.kept())
                        .singleElement().isInstanceOfSatisfying(TrackedTouchpoint.class, t -> {
                            assertThat(t.eventId()).isEqualTo("ga:7:1490046065");
                            assertThat(t.channel()).isEqualTo("Referral");
                            assertThat(t.occurredAt()).isEqualTo(Instant.ofEpochSecond(1490046065));
                        }));
        assertThatThrownBy(() -> rows.read(r.get(1))).as("the session is open: nothing left to keep")
                .isNotInstanceOf(PartlyImportedRowException.class).hasMessageContaining("differs");
        assertThat(rows.read(r.get(2))).as("a later good revenue row still makes the purchase")
                .singleElement().isInstanceOfSatisfying(TrackedConversion.class,
                        c -> assertThat(c.value()).isEqualByComparingTo("5.00"));
        assertThatThrownBy(() -> rows.read(r.get(3))).as("no channel: the session part is bad, nothing kept")
                .isNotInstanceOf(PartlyImportedRowException.class);
        assertThat(rows.read(r.get(4))).as("so the next row still opens the session")
                .singleElement().isInstanceOf(TrackedTouchpoint.class);
    }

    @Test
    void headersWithNamelessOrRepeatedColumnsAreRefusedAsAWhole() {
        assertThatThrownBy(() -> CsvFile.checkColumns(List.of("customer_id", "time", "", "channel"),
                TouchpointCsvRows.COLUMNS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column 3 has no name");
        assertThatThrownBy(() -> CsvFile.checkColumns(List.of("customer_id", "time", "interaction", "conversion",
                "conversion_value", "channel", "time"), TouchpointCsvRows.COLUMNS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("names the column 'time' twice (columns 2 and 7)");
        assertThatThrownBy(() -> CsvFile.checkColumns(List.of("customer_id", "x".repeat(10_000)),
                TouchpointCsvRows.COLUMNS))
                .hasMessageContaining("lacks the columns [channel, conversion, conversion_value, time]")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void aRowMayNameItsConversionActionWhoseSettingsApply() throws IOException {
        CountingRule lead = new CountingRule(4, "lead", new BigDecimal("50.00"), CountingMode.ONE,
                ActionStatus.ACTIVE,
                new ActionTrigger(TriggerType.OFFLINE, null,
                        null, null), ValueSource.FIXED, Currency.getInstance("USD"));
        CountingRule old = new CountingRule(5, "old", BigDecimal.ZERO, CountingMode.EVERY,
                ActionStatus.PAUSED, ActionTrigger.byKey(),
                ValueSource.EVENT, null);
        TouchpointCsvRows rows = new TouchpointCsvRows(ZoneId.of("UTC"), PURCHASE,
                Map.of("purchase", PURCHASE, "lead", lead, "old", old), "EUR", CLOCK);
        List<CSVRecord> r = records("""
                customer_id,time,interaction,conversion,conversion_value,channel,conversion_action
                c1,2026-01-06T11:30:00Z,conversion,1,12,Email,lead
                c1,2026-01-07T11:30:00Z,conversion,1,12,Email,
                c1,2026-01-08T11:30:00Z,conversion,1,12,Email,old
                c1,2026-01-09T11:30:00Z,conversion,1,12,Email,nope
                c1,2026-01-10T11:30:00Z,click,0,,Email,old
                """);
        TrackedConversion named = (TrackedConversion) rows.read(r.get(0)).get(1);
        assertThat(named.actionId()).isEqualTo(4L);
        assertThat(named.value()).as("fixed").isEqualByComparingTo("50.00");
        assertThat(named.currency()).isEqualTo("USD");
        assertThat(named.dedupeKey()).isEqualTo(lead.dedupeKey("c1", null));
        TrackedConversion unnamed = (TrackedConversion) rows.read(r.get(1)).get(1);
        assertThat(unnamed.actionId()).isEqualTo(3L);
        assertThat(unnamed.value()).isEqualByComparingTo("12.00");
        assertThat(unnamed.currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> rows.read(r.get(2))).isInstanceOf(RowException.class)
                .hasMessageStartingWith("conversion action 'old' is paused: nothing of this row was recorded");
        assertThatThrownBy(() -> rows.read(r.get(3))).isInstanceOf(RowException.class)
                .hasMessageStartingWith("conversion_action 'nope' is not one of this tenant's conversion actions");
        assertThat(rows.read(r.get(4))).as("no conversion: the paused action does not matter").hasSize(1);
    }

    private static CountingRule purchase(ActionStatus status, ValueSource valueSource, Currency currency) {
        return new CountingRule(3, "purchase", new BigDecimal("25.00"), CountingMode.EVERY, status,
                ActionTrigger.byKey(), valueSource, currency);
    }

    @Test
    void gaRevenueOfAPausedActionRecordsNoConversionButKeepsTheVisitAndSaysSoOncePerSession() throws IOException {
        GaSessionRows rows = new GaSessionRows(purchase(ActionStatus.PAUSED, ValueSource.EVENT, null), EUR, CLOCK);
        List<CSVRecord> r = records("""
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                7,Referral,0,5000000,1490046065,EUR,T1
                7,Referral,9000,5000000,1490046065,EUR,T1
                8,Email,0,,1490046065,,
                8,Email,4000,3000000,1490046065,,
                """);

        assertThatThrownBy(() -> rows.read(r.get(0)))
                .hasMessage("conversion action 'purchase' is paused: the session's revenue was not recorded as a "
                        + "conversion (the session's touchpoint was imported)")
                .isInstanceOfSatisfying(PartlyImportedRowException.class, e -> assertThat(e.kept())
                        .singleElement().isInstanceOf(TrackedTouchpoint.class));
        assertThat(rows.read(r.get(1))).as("the same session's revenue again: said once").isEmpty();
        assertThat(rows.read(r.get(2))).singleElement().isInstanceOf(TrackedTouchpoint.class);
        assertThatThrownBy(() -> rows.read(r.get(3))).as("the session was opened by an earlier row")
                .isNotInstanceOf(PartlyImportedRowException.class)
                .hasMessage("conversion action 'purchase' is paused: the session's revenue was not recorded as a conversion");
    }

    @Test
    void gaRevenueTakesTheActionsValueSourceAndCurrency() throws IOException {
        GaSessionRows rows = new GaSessionRows(purchase(ActionStatus.ACTIVE, ValueSource.FIXED,
                Currency.getInstance("USD")), EUR, CLOCK);
        List<CSVRecord> r = records("""
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                7,Referral,0,124000000,1490046065,,T1
                8,Email,0,3000000,1490046065,USD,
                9,Email,0,3000000,1490046065,EUR,
                """);

        TrackedConversion first = (TrackedConversion) rows.read(r.get(0)).get(1);
        assertThat(first.value()).as("fixed, whatever the revenue").isEqualByComparingTo("25.00");
        assertThat(first.currency()).as("empty currencyCode: the action's").isEqualTo("USD");
        TrackedConversion second = (TrackedConversion) rows.read(r.get(1)).get(1);
        assertThat(second.value()).isEqualByComparingTo("25.00");
        assertThat(second.currency()).isEqualTo("USD");
        assertThatThrownBy(() -> rows.read(r.get(2))).as("the tenant's EUR is not the action's USD")
                .hasMessageContaining("currencyCode EUR differs from the currency of conversion action 'purchase', USD")
                .isInstanceOf(PartlyImportedRowException.class);

        // value source event: the revenue, in the action's own currency
        GaSessionRows pounds = new GaSessionRows(purchase(ActionStatus.ACTIVE, ValueSource.EVENT,
                Currency.getInstance("GBP")), EUR, CLOCK);
        TrackedConversion third = (TrackedConversion) pounds.read(records("""
                fullVisitorId,channelGrouping,time,totalTransactionRevenue,visitId,currencyCode,transactionId
                7,Referral,0,124000000,1490046065,gbp,T1
                """).get(0)).get(1);
        assertThat(third.value()).isEqualByComparingTo("124.00");
        assertThat(third.currency()).isEqualTo("GBP");
    }
}
