package io.tracker.application.audit;

import io.tracker.domain.audit.AccuracyAudit;
import io.tracker.domain.audit.AlertCheck;
import io.tracker.domain.audit.Cause;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link AlertCheck#ACCURACY_GAP} findings of a data-accuracy audit: one per flagged comparison of a flagged
 * day, so that each is resolved on its own when a later audit no longer flags it. Subjects: {@code "2026-03-09
 * google_ads"} (a platform's reported conversions against Tracker's under the platform's rule) and {@code
 * "2026-03-09 shop"} (Tracker's purchases against the shop's paid orders). The causes named are the day's causes
 * (as the audit names them) that belong to that side: a day can have both a shop and a platform gap.
 */
final class AccuracyFindings {

    /** How many complete days before "now" (in the client's time zone) the alert check audits. */
    static final int DAYS = 14;

    static final String SHOP = "shop";

    private static final Set<Cause> SHOP_CAUSES = EnumSet.of(Cause.BLOCKED_TAGS_OR_CONSENT,
            Cause.CROSS_DEVICE_JOURNEYS, Cause.TEST_OR_DUPLICATE_PURCHASES, Cause.REPORT_TIME_ZONE);
    private static final Set<Cause> PLATFORM_CAUSES = EnumSet.of(Cause.VIEW_THROUGH_CONVERSIONS,
            Cause.MODELLED_CONVERSIONS, Cause.PLATFORM_MISSED_CLICKS, Cause.REPORT_TIME_ZONE,
            Cause.CONVERSION_DATE_BASIS);

    /** The audited days: the {@value #DAYS} complete days before {@code now}'s day in the zone, both included. */
    record Window(LocalDate from, LocalDate to) {

        static Window before(ZonedDateTime now) {
            LocalDate to = now.toLocalDate().minusDays(1);
            return new Window(to.minusDays(DAYS - 1), to);
        }

        /** The window's start and end (exclusive) as instants in the zone. */
        Instant start(ZoneId zone) {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end(ZoneId zone) {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    private AccuracyFindings() {
    }

    static List<AlertFinding> of(AccuracyAudit audit) {
        List<AlertFinding> findings = new ArrayList<>();
        String threshold = plain(audit.thresholdPercent());
        for (AccuracyAudit.Day d : audit.flaggedDays()) {
            if (d.shopFlagged()) {
                findings.add(new AlertFinding(AlertCheck.ACCURACY_GAP, d.day() + " " + SHOP, String.format(
                        Locale.ROOT, "%s, shop: %d paid order(s), %d Tracker purchase(s) (%d missing in Tracker, %d "
                                + "not in the shop): %s, above the %s%% threshold. Likely causes: %s", d.day(),
                        d.shopOrders(), d.trackerPurchases(), d.missingInTracker(), d.notInShop(),
                        gap(d.shopGapPercent(), "the shop has no paid order that day"), threshold,
                        causes(d.causes(), SHOP_CAUSES))));
            }
            for (AccuracyAudit.PlatformComparison p : d.platforms()) {
                if (p.flagged()) {
                    findings.add(new AlertFinding(AlertCheck.ACCURACY_GAP,
                            d.day() + " " + p.platform().apiName(), String.format(Locale.ROOT,
                            "%s, %s: %s conversion(s) reported, %d by Tracker under the platform's rule (last click within %d "
                                    + "days): %s, above the %s%% threshold. Likely causes: %s", d.day(),
                            p.platform().label(), plain(p.platformConversions()), p.trackerConversions(),
                            p.platform().clickWindow().toDays(),
                            gap(p.gapPercent(), "Tracker has none that day"), threshold,
                            causes(d.causes(), PLATFORM_CAUSES))));
                }
            }
        }
        return findings;
    }

    /** "gap +83.3%", "gap -33.3%"; for a null gap (a base of 0), the reason. */
    private static String gap(BigDecimal percent, String whenNull) {
        if (percent == null) {
            return "no gap in percent (" + whenNull + ")";
        }
        return "gap " + (percent.signum() > 0 ? "+" : "") + plain(percent) + "%";
    }

    private static String causes(List<Cause> dayCauses, Set<Cause> side) {
        String named = dayCauses.stream().filter(side::contains).map(AccuracyFindings::label)
                .collect(Collectors.joining(", "));
        return (named.isEmpty() ? "see the Data accuracy page" : named) + ".";
    }

    /** A cause as people read it: {@code VIEW_THROUGH_CONVERSIONS} → "view-through conversions". */
    static String label(Cause cause) {
        return switch (cause) {
            case VIEW_THROUGH_CONVERSIONS -> "view-through conversions";
            case MODELLED_CONVERSIONS -> "modelled conversions";
            case PLATFORM_MISSED_CLICKS -> "clicks the platform did not count";
            case BLOCKED_TAGS_OR_CONSENT -> "blocked tags or refused consent";
            case CROSS_DEVICE_JOURNEYS -> "cross-device journeys";
            case TEST_OR_DUPLICATE_PURCHASES -> "test or duplicate purchases";
            case REPORT_TIME_ZONE -> "the report's time zone";
            case CONVERSION_DATE_BASIS -> "conversions dated by click";
        };
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
