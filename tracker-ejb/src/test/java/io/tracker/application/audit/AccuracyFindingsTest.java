package io.tracker.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.audit.AccuracyAudit;
import io.tracker.domain.audit.AdPlatform;
import io.tracker.domain.audit.AlertCheck;
import io.tracker.domain.audit.Cause;
import io.tracker.domain.audit.DateBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyFindingsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 9);

    @Test
    void oneFindingPerFlaggedComparisonWithTheCausesOfItsSide() {
        // Google reports 5.5 where Tracker counts 3 under Google's rule: (5.5 - 3) / 3 = +83.3 %; the shop has 6 paid
        // orders, Tracker 4 purchases: (4 - 6) / 6 = -33.3 %. Meta's 2 against Tracker's 2 is not flagged.
        AccuracyAudit.PlatformComparison google = new AccuracyAudit.PlatformComparison(AdPlatform.GOOGLE_ADS,
                new BigDecimal("5.50"), new BigDecimal("300"), 3, new BigDecimal("150"), new BigDecimal("83.3"), true,
                DateBasis.CONVERSION);
        AccuracyAudit.PlatformComparison meta = new AccuracyAudit.PlatformComparison(AdPlatform.META,
                new BigDecimal("2"), new BigDecimal("100"), 2, new BigDecimal("100"), BigDecimal.ZERO.setScale(1),
                false, DateBasis.CLICK);
        AccuracyAudit.Day flagged = day(DAY, 6, 4, 2, new BigDecimal("-33.3"), true, List.of(google, meta),
                List.of(Cause.VIEW_THROUGH_CONVERSIONS, Cause.MODELLED_CONVERSIONS, Cause.BLOCKED_TAGS_OR_CONSENT,
                        Cause.CROSS_DEVICE_JOURNEYS));
        AccuracyAudit.Day quiet = day(DAY.plusDays(1), 6, 6, 0, BigDecimal.ZERO.setScale(1), false, List.of(meta),
                List.of());

        List<AlertFinding> findings = AccuracyFindings.of(audit(flagged, quiet));

        assertThat(findings).extracting(AlertFinding::check).containsOnly(AlertCheck.ACCURACY_GAP);
        assertThat(findings).extracting(AlertFinding::subject)
                .containsExactly("2026-03-09 shop", "2026-03-09 google_ads");
        assertThat(findings.get(0).message()).isEqualTo("2026-03-09, shop: 6 paid order(s), 4 Tracker purchase(s) "
                + "(2 missing in Tracker, 0 not in the shop): gap -33.3%, above the 20% threshold. Likely causes: "
                + "blocked tags or refused consent, cross-device journeys.");
        assertThat(findings.get(1).message()).isEqualTo("2026-03-09, Google Ads: 5.5 conversion(s) reported, 3 by "
                + "Tracker under the platform's rule (last click within 30 days): gap +83.3%, above the 20% threshold. "
                + "Likely causes: view-through conversions, modelled conversions.");
    }

    @Test
    void aGapWithoutBaseSaysWhy() {
        AccuracyAudit.PlatformComparison meta = new AccuracyAudit.PlatformComparison(AdPlatform.META,
                new BigDecimal("3"), new BigDecimal("90"), 0, BigDecimal.ZERO, null, true, DateBasis.CLICK);
        AccuracyAudit.Day d = day(DAY, 0, 0, 0, null, false, List.of(meta),
                List.of(Cause.VIEW_THROUGH_CONVERSIONS, Cause.MODELLED_CONVERSIONS, Cause.CONVERSION_DATE_BASIS));

        assertThat(AccuracyFindings.of(audit(d))).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("2026-03-09 meta");
            assertThat(f.message()).contains("Meta Ads: 3 conversion(s) reported, 0 by Tracker",
                    "last click within 7 days", "no gap in percent (Tracker has none that day)",
                    "view-through conversions, modelled conversions, conversions dated by click.");
        });
    }

    @Test
    void theWindowIsTheFourteenCompleteDaysBeforeNowInTheClientsZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 00:30 in Berlin on 15 March is still 14 March in UTC: the zone decides which day is "today".
        AccuracyFindings.Window w = AccuracyFindings.Window.before(
                Instant.parse("2026-03-14T23:30:00Z").atZone(berlin));
        assertThat(w.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(w.to()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(w.start(berlin)).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(w.end(berlin)).isEqualTo(Instant.parse("2026-03-14T23:00:00Z"));
    }

    private static AccuracyAudit audit(AccuracyAudit.Day... days) {
        return new AccuracyAudit(days[0].day(), days[days.length - 1].day(), new BigDecimal("20"), true,
                List.of(days), null, List.of(), List.of(), List.of(), List.of());
    }

    private static AccuracyAudit.Day day(LocalDate day, int shop, int tracker, int missing, BigDecimal shopGap,
                                         boolean shopFlagged, List<AccuracyAudit.PlatformComparison> platforms,
                                         List<Cause> causes) {
        boolean flagged = shopFlagged || platforms.stream().anyMatch(AccuracyAudit.PlatformComparison::flagged);
        return new AccuracyAudit.Day(day, shop, BigDecimal.TEN, tracker, BigDecimal.TEN, tracker, missing, 0, 0,
                shopGap, shopFlagged, platforms, flagged, causes);
    }
}
