package io.tracker.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reconciliation rules on a few hand-made orders, purchases and platform rows (UTC, so days are plain). */
class AccuracyAuditorTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 3, 2);

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(UTC).toInstant();
    }

    private static StoreOrder order(String id, Instant at, String value, OrderStatus status) {
        return new StoreOrder(id, at, new BigDecimal(value), "EUR", status, status.name().toLowerCase());
    }

    private static TrackerPurchase purchase(long id, String visitor, Instant at, String value, String orderId,
                                            Map<AdPlatform, TrackerPurchase.Click> clicks) {
        return new TrackerPurchase(id, visitor, at, new BigDecimal(value), "EUR", orderId, clicks);
    }

    @Test
    void classifiesMissingExtraAndMismatchedOrders() {
        List<StoreOrder> shop = List.of(order("A", at(D1, 9), "10.00", OrderStatus.PAID),
                order("B", at(D1, 10), "20.00", OrderStatus.PAID), order("T", at(D1, 11), "1.00", OrderStatus.TEST),
                order("C", at(D2, 9), "5.00", OrderStatus.REFUNDED), order("P", at(D2, 10), "5.00", OrderStatus.PENDING));
        TrackerPurchase a = purchase(1, "v1", at(D1, 9), "9.00", "A", Map.of());
        List<TrackerPurchase> tracker = List.of(a, purchase(2, "v1", at(D1, 9).plusSeconds(120), "9.00", null, Map.of()),
                purchase(3, "v3", at(D1, 11), "1.00", "T", Map.of()), purchase(4, "v4", at(D2, 9), "5.00", "C", Map.of()),
                purchase(5, "v5", at(D2, 10), "5.00", "P", Map.of()), purchase(6, "v6", at(D2, 11), "5.00", "Z", Map.of()),
                purchase(7, "v7", at(D2, 12), "5.00", null, Map.of()));
        Map<String, StoreOrder> byId = new HashMap<>();
        shop.forEach(o -> byId.put(o.orderId(), o));
        AccuracyAudit audit = new AccuracyAuditor(D1, D2, UTC, new BigDecimal("20")).audit(shop, tracker, byId,
                Map.of("A", a), List.of(), Set.of(D1, D2));
        assertThat(audit.missingInTracker()).extracting(AccuracyAudit.MissingOrder::orderId).containsExactly("B");
        assertThat(audit.notInShop()).extracting(e -> e.conversionId() + ":" + e.reason()).containsExactly(
                "2:LIKELY_DUPLICATE", "3:TEST_ORDER", "4:CANCELLED_ORDER", "5:UNPAID_ORDER", "6:UNKNOWN_ORDER",
                "7:NO_ORDER_ID");
        assertThat(audit.valueMismatches()).extracting(AccuracyAudit.ValueMismatch::orderId).containsExactly("A");
        AccuracyAudit.Day d1 = audit.days().get(0);
        assertThat(d1.shopOrders()).isEqualTo(2);
        assertThat(d1.trackerPurchases()).isEqualTo(3);
        // (3 − 2) ÷ 2 = +50 %: Tracker above the shop.
        assertThat(d1.shopGapPercent()).isEqualByComparingTo("50.0");
        assertThat(d1.causes()).containsExactly(Cause.TEST_OR_DUPLICATE_PURCHASES);
        // Day 2: no paid order, four purchases: no base, flagged.
        assertThat(audit.days().get(1).shopGapPercent()).isNull();
        assertThat(audit.days().get(1).flagged()).isTrue();
    }

    @Test
    void appliesEachPlatformsClickWindowAndFlagsGapsAboveTheThreshold() {
        Instant buy = at(D1, 12);
        List<TrackerPurchase> tracker = List.of(
                // Google: clicked 29 days before (in its window); Meta: 8 days before (outside its 7 days).
                purchase(1, "v1", buy, "10", "A", Map.of(
                        AdPlatform.GOOGLE_ADS, new TrackerPurchase.Click("Brand", buy.minusSeconds(29L * 86_400)),
                        AdPlatform.META, new TrackerPurchase.Click("Spring", buy.minusSeconds(8L * 86_400)))),
                // Both claim it: each platform its own last click.
                purchase(2, "v2", buy, "10", "B", Map.of(
                        AdPlatform.GOOGLE_ADS, new TrackerPurchase.Click("Brand", buy.minusSeconds(3600)),
                        AdPlatform.META, new TrackerPurchase.Click("Spring", buy.minusSeconds(60)))),
                purchase(3, "v3", at(D2, 12), "10", "C", Map.of(
                        AdPlatform.GOOGLE_ADS, new TrackerPurchase.Click("Brand", at(D2, 11)))));
        List<PlatformRow> rows = List.of(
                new PlatformRow(AdPlatform.GOOGLE_ADS, D1, "Brand", new BigDecimal("2.3"), null, "EUR",
                        DateBasis.CONVERSION),
                new PlatformRow(AdPlatform.GOOGLE_ADS, D2, "Brand", new BigDecimal("0.5"), null, "EUR",
                        DateBasis.CLICK),
                new PlatformRow(AdPlatform.META, D1, "Spring", new BigDecimal("3"), null, "EUR", DateBasis.CLICK));
        AccuracyAudit audit = new AccuracyAuditor(D1, D2, UTC, new BigDecimal("20")).audit(List.of(), tracker,
                Map.of(), Map.of(), rows, Set.of());
        AccuracyAudit.Day d1 = audit.days().get(0);
        AccuracyAudit.PlatformComparison google = d1.platforms().get(0);
        AccuracyAudit.PlatformComparison meta = d1.platforms().get(1);
        assertThat(google.trackerConversions()).isEqualTo(2);
        assertThat(google.gapPercent()).isEqualByComparingTo("15.0");
        assertThat(google.flagged()).isFalse();
        assertThat(meta.trackerConversions()).isEqualTo(1);
        assertThat(meta.gapPercent()).isEqualByComparingTo("200.0");
        assertThat(meta.flagged()).isTrue();
        assertThat(d1.causes()).containsExactly(Cause.VIEW_THROUGH_CONVERSIONS, Cause.MODELLED_CONVERSIONS,
                Cause.CONVERSION_DATE_BASIS);
        AccuracyAudit.Day d2 = audit.days().get(1);
        // Google 0.5 against 1: −50 %, and day 1's Google gap was the other way: a time zone hint.
        assertThat(d2.platforms()).hasSize(1);
        assertThat(d2.platforms().get(0).gapPercent()).isEqualByComparingTo("-50.0");
        assertThat(d2.causes()).containsExactly(Cause.PLATFORM_MISSED_CLICKS, Cause.REPORT_TIME_ZONE,
                Cause.CONVERSION_DATE_BASIS);
        assertThat(audit.flaggedDays()).extracting(AccuracyAudit.Day::day).containsExactly(D1, D2);
        assertThat(audit.campaigns()).extracting(c -> c.platform() + " " + c.campaign() + " " + c.trackerConversions())
                .containsExactly("GOOGLE_ADS Brand 3", "META Spring 1");
        assertThat(AccuracyAuditor.gap(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(AccuracyAuditor.gap(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }

    @Test
    void daysTheShopsImportsDoNotCoverAreNotComparedWithTheShop() {
        // Orders imported for D2 only (an export of one day); the audit covers D1–D3. Tracker has a purchase on
        // each day, none of D1's or D3's orders is known to the shop: those days are not the shop's to judge.
        LocalDate d3 = LocalDate.of(2026, 3, 3);
        StoreOrder b = order("B", at(D2, 9), "20.00", OrderStatus.PAID);
        TrackerPurchase p1 = purchase(1, "v1", at(D1, 9), "10.00", "A", Map.of());
        TrackerPurchase p2 = purchase(2, "v2", at(D2, 9), "20.00", "B", Map.of());
        TrackerPurchase p3 = purchase(3, "v3", at(d3, 9), "30.00", "C", Map.of());
        AccuracyAudit audit = new AccuracyAuditor(D1, d3, UTC, new BigDecimal("20")).audit(List.of(b),
                List.of(p1, p2, p3), Map.of("B", b), Map.of("B", p2), List.of(), Set.of(D2));
        assertThat(audit.shopCompared()).isTrue();
        assertThat(audit.days()).extracting(AccuracyAudit.Day::shopFlagged).containsExactly(false, false, false);
        assertThat(audit.days()).extracting(AccuracyAudit.Day::trackerPurchases).containsExactly(1, 1, 1);
        assertThat(audit.days().get(0).shopGapPercent()).isNull();
        // D2: one order, one purchase: (1 − 1) ÷ 1 = 0 %
        assertThat(audit.days().get(1).shopGapPercent()).isEqualByComparingTo("0.0");
        assertThat(audit.days().get(2).shopGapPercent()).isNull();
        assertThat(audit.notInShop()).isEmpty();
        assertThat(audit.flaggedDays()).isEmpty();
        // totals compare the covered day only: 1 purchase against 1 order, though Tracker has 3 in the period
        assertThat(audit.totals().trackerPurchases()).isEqualTo(3);
        assertThat(audit.totals().shopGapPercent()).isEqualByComparingTo("0.0");
        assertThat(audit.totals().shopFlagged()).isFalse();
    }
}
