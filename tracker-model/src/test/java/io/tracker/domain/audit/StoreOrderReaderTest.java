package io.tracker.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreOrderReaderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");

    private static OrderRowReader reader(String header) {
        return new OrderRowReader(OrderLayout.header(List.of(header.split(",", -1))).orElseThrow(), "EUR", BERLIN, NOW);
    }

    private static List<String> row(String line) {
        return List.of(line.split(",", -1));
    }

    @Test
    void shopifyRowsReadTheOrderLevelFieldsAndTheTestTag() throws RowException {
        OrderRowReader r = reader("Name,Email,Financial Status,Paid at,Currency,Total,Created at,Cancelled at,Tags");
        assertThat(r.header().layout()).isEqualTo(OrderLayout.SHOPIFY);
        StoreOrder paid = r.read(row("#1001,a@x,paid,,EUR,45.00,2026-03-01 10:00:00 +0100,,vip"));
        assertThat(paid.orderId()).isEqualTo("#1001");
        assertThat(paid.placedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(r.read(row("#1002,a@x,paid,,EUR,45.00,2026-03-01 10:00:00 +0100,,Test")).status())
                .isEqualTo(OrderStatus.TEST);
        assertThat(r.read(row("#1003,a@x,paid,,EUR,45.00,2026-03-01 10:00:00 +0100,2026-03-02 10:00:00 +0100,"))
                .status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(r.read(row("#1004,a@x,refunded,,EUR,45.00,2026-03-01 10:00:00 +0100,,")).status())
                .isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void wooCommerceStatusesAndLocalTimesInTheTenantsZone() throws RowException {
        OrderRowReader r = reader("Order Number,Order Date,Order Status,Order Total,Order Currency");
        assertThat(r.header().layout()).isEqualTo(OrderLayout.WOOCOMMERCE);
        StoreOrder o = r.read(row("77,2026-03-01 10:00,wc-completed,1234.50,EUR"));
        assertThat(o.placedAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(o.value()).isEqualByComparingTo("1234.50");
        assertThat(r.read(row("78,2026-03-01 10:00,wc-failed,10,EUR")).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(r.read(row("79,2026-03-01 10:00,checkout-draft,10,EUR")).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(r.read(row("80,2026-03-01 10:00,On hold,10,EUR")).status()).isEqualTo(OrderStatus.PENDING);
        assertThatThrownBy(() -> r.read(row("81,2026-03-01 10:00,shipped,10,EUR")))
                .isInstanceOf(RowException.class).hasMessageContaining("Order Status");
        assertThatThrownBy(() -> r.read(row("82,2026-03-01 10:00,wc-processing,,EUR")))
                .hasMessageContaining("is required for a paid order");
    }

    @Test
    void plainFilesTakeIsoInstantsAndDefaultToPaidInTheReportingCurrency() throws RowException {
        OrderRowReader r = reader("order_id,time,value,currency,status");
        StoreOrder o = r.read(row("A-1,2026-03-01T10:00:00Z,59.90,,"));
        assertThat(o.status()).isEqualTo(OrderStatus.PAID);
        assertThat(o.currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> r.read(row("A-2,2026-03-12T10:00:00Z,1,,"))).hasMessageContaining("day ahead");
        assertThatThrownBy(() -> r.read(row("A-3,yesterday,1,,"))).hasMessageContaining("is not a time");
        assertThatThrownBy(() -> r.read(row("A-4,2026-03-01T10:00:00Z,1,XXX,"))).hasMessageContaining("ISO 4217");
    }

    @Test
    void platformHeadersAreRecognisedWithTheirDateBasis() throws RowException {
        PlatformHeader google = PlatformLayout.header(List.of("Day", "Campaign", "Conversions", "Conv. value"), null)
                .orElseThrow();
        assertThat(google.layout()).isEqualTo(PlatformLayout.GOOGLE_ADS);
        assertThat(google.basis()).isEqualTo(DateBasis.CLICK);
        assertThat(PlatformLayout.header(List.of("Day", "Campaign", "Conv. (by conv. time)"), null).orElseThrow()
                .basis()).isEqualTo(DateBasis.CONVERSION);
        PlatformHeader meta = PlatformLayout.header(List.of("Reporting starts", "Reporting ends", "Campaign name",
                "Purchases", "Purchases conversion value (USD)"), null).orElseThrow();
        assertThat(meta.layout()).isEqualTo(PlatformLayout.META);
        assertThat(meta.headerCurrency()).isEqualTo("USD");
        assertThat(PlatformLayout.header(List.of("Time period", "Campaign name", "Conv.", "Revenue"), null)
                .orElseThrow().layout()).isEqualTo(PlatformLayout.MICROSOFT_ADS);
        PlatformRowReader r = new PlatformRowReader(meta, "USD", java.time.LocalDate.of(2026, 3, 10));
        PlatformRow row = r.read(List.of("2026-03-01", "2026-03-01", "Spring", "2.5", "100"));
        assertThat(row.conversions()).isEqualByComparingTo("2.5");
        assertThat(row.currency()).isEqualTo("USD");
        assertThatThrownBy(() -> r.read(List.of("2026-03-01", "2026-03-07", "Spring", "2", "1")))
                .hasMessageContaining("breakdown by day");
        assertThat(r.isNote(List.of("", "", "", "12", "100"))).isTrue();
    }
}
