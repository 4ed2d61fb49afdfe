package io.tracker.domain.conversion.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdjustmentReaderTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final AdjustmentReader reader = new AdjustmentReader(LA, "purchase", Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private Adjustment read(String... kv) throws AdjustmentException {
        return reader.read(row(kv)::get);
    }

    private AdjustmentException refused(String... kv) {
        try {
            read(kv);
        } catch (AdjustmentException e) {
            return e;
        }
        throw new AssertionError("expected a refusal of " + row(kv));
    }

    @Test
    void aRestatementWithAnOffsetTime() throws Exception {
        Adjustment a = read("order_id", " A-1 ", "action", "lead", "type", "restate", "value", "40", "currency", "usd",
                "time", "2026-12-01T10:00:00Z");
        assertThat(a.orderId()).isEqualTo("A-1");
        assertThat(a.actionKey()).isEqualTo("lead");
        assertThat(a.change()).isEqualTo(new Change.Restate(new BigDecimal("40.00")));
        assertThat(a.currency()).isEqualTo("USD");
        assertThat(a.adjustedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aLocalTimeIsReadInTheTenantsZone() throws Exception {
        // 2026-12-01 is in standard time in Los Angeles: UTC-8
        Adjustment a = read("order_id", "A-1", "type", "RETRACT", "time", "2026-12-01 09:05:00");
        assertThat(a.adjustedAt()).isEqualTo(Instant.parse("2026-12-01T17:05:00Z"));
        assertThat(a.actionKey()).as("no action: the tenant's default").isEqualTo("purchase");
        assertThat(a.change()).isEqualTo(new Change.Retract());
        // 2026-07-01 is in daylight-saving time: UTC-7
        assertThat(read("order_id", "A-1", "type", "RETRACT", "time", "2026-07-01 09:05:00").adjustedAt())
                .isEqualTo(Instant.parse("2026-07-01T16:05:00Z"));
    }

    @Test
    void aRetractionIgnoresAValueAndGooglesNamesAreRead() throws Exception {
        Adjustment a = read("order_id", "A-1", "type", "Retraction", "value", "129.90", "time", "2026-12-01T10:00:00Z");
        assertThat(a.change()).isEqualTo(new Change.Retract());
        assertThat(read("order_id", "A-1", "type", "RESTATEMENT", "value", "0", "time", "2026-12-01T10:00:00Z")
                .change()).isEqualTo(new Change.Restate(new BigDecimal("0.00")));
    }

    @Test
    void anUnpaddedTimeIsAnErrorNamingTheColumn() throws Exception {
        assertThat(read("order_id", "A-1", "type", "RETRACT", "time", "2026-12-01T09:05:00").adjustedAt())
                .as("ISO-8601 without an offset is a local time too").isEqualTo(Instant.parse("2026-12-01T17:05:00Z"));
        AdjustmentException e = refused("order_id", "A-1", "type", "RETRACT", "time", "2026-12-1 9:05:00");
        assertThat(e.field()).isEqualTo("time");
        assertThat(e.getMessage()).startsWith("time: '2026-12-1 9:05:00' is not a time");
        assertThat(refused("order_id", "A-1", "type", "RETRACT", "time", "2026-02-30 09:05:00").getMessage())
                .isEqualTo("time: '2026-02-30 09:05:00' is not a real date and time");
        assertThat(refused("order_id", "A-1", "type", "RETRACT").field()).isEqualTo("time");
        assertThat(refused("order_id", "A-1", "type", "RETRACT", "time", "2026-12-01 09:05").field())
                .as("seconds are required").isEqualTo("time");
    }

    @Test
    void timesOutOfRange() {
        assertThat(refused("order_id", "A-1", "type", "RETRACT", "time", "1999-12-31T23:59:59Z").getMessage())
                .isEqualTo("time: 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z");
        assertThat(refused("order_id", "A-1", "type", "RETRACT", "time", "2026-12-07T12:00:01Z").getMessage())
                .isEqualTo("time: 2026-12-07T12:00:01Z is more than a day in the future");
    }

    @Test
    void valuesAreStrict() {
        assertThat(refused("order_id", "A-1", "type", "RESTATE", "time", "2026-12-01T10:00:00Z").getMessage())
                .isEqualTo("value: is required for RESTATE: the conversion's new value");
        assertThat(refused("order_id", "A-1", "type", "RESTATE", "value", "-1", "time", "2026-12-01T10:00:00Z")
                .field()).isEqualTo("value");
        assertThat(refused("order_id", "A-1", "type", "RESTATE", "value", "12,50", "time", "2026-12-01T10:00:00Z")
                .getMessage()).startsWith("value: '12,50' is not a number");
        assertThat(refused("order_id", "A-1", "type", "RESTATE", "value", "1000000000000", "time",
                "2026-12-01T10:00:00Z").field()).isEqualTo("value");
    }

    @Test
    void otherFieldsAreChecked() {
        assertThat(refused("type", "RETRACT", "time", "2026-12-01T10:00:00Z").field()).isEqualTo("order_id");
        assertThat(refused("order_id", "x".repeat(201), "type", "RETRACT", "time", "2026-12-01T10:00:00Z").field())
                .isEqualTo("order_id");
        assertThat(refused("order_id", "A-1", "time", "2026-12-01T10:00:00Z").field()).isEqualTo("type");
        assertThat(refused("order_id", "A-1", "type", "CANCEL", "time", "2026-12-01T10:00:00Z").getMessage())
                .isEqualTo("type: 'CANCEL' is neither RESTATE nor RETRACT");
        assertThat(refused("order_id", "A-1", "type", "RETRACT", "currency", "dollars", "time",
                "2026-12-01T10:00:00Z").field()).isEqualTo("currency");
        assertThat(refused("order_id", "A\u0000", "type", "RETRACT", "time", "2026-12-01T10:00:00Z").field())
                .isEqualTo("order_id");
    }

    @Test
    void aRefundIsARestatementUnlessItTakesEverything() {
        BigDecimal hundred = new BigDecimal("100.00");
        assertThat(new Change.Refund(new BigDecimal("40")).resolve(hundred))
                .isEqualTo(new Change.Resolved(AdjustmentKind.RESTATE, new BigDecimal("60.00")));
        assertThat(new Change.Refund(new BigDecimal("100")).resolve(hundred).kind()).isEqualTo(AdjustmentKind.RETRACT);
        assertThat(new Change.Refund(new BigDecimal("150")).resolve(hundred).kind()).isEqualTo(AdjustmentKind.RETRACT);
        assertThat(new Change.Refund(null).resolve(hundred))
                .isEqualTo(new Change.Resolved(AdjustmentKind.RETRACT, new BigDecimal("0.00")));
        assertThatThrownBy(() -> new Change.Refund(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDedupeKeyIsTheSameForTheSameAdjustmentOnly() throws Exception {
        String key = read("order_id", "A-1", "type", "RESTATE", "value", "40", "time", "2026-12-01T10:00:00Z")
                .dedupeKey(7);
        assertThat(key).isEqualTo("7:1796119200000000:RESTATE:40.00:A-1");
        assertThat(read("order_id", "A-1", "type", "restate", "value", "40.000", "time", "2026-12-01 02:00:00")
                .dedupeKey(7)).as("the same instant and amount written differently").isEqualTo(key);
        assertThat(read("order_id", "A-1", "type", "RESTATE", "value", "41", "time", "2026-12-01T10:00:00Z")
                .dedupeKey(7)).isNotEqualTo(key);
        assertThat(read("order_id", "A-1", "type", "RETRACT", "time", "2026-12-01T10:00:00Z").dedupeKey(7))
                .isEqualTo("7:1796119200000000:RETRACT:A-1");
        Adjustment refund = new Adjustment("A-1", "purchase", new Change.Refund(new BigDecimal("40")), null,
                Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(refund.dedupeKey(7)).isEqualTo("7:1796119200000000:REFUND:40.00:A-1");
    }
}
