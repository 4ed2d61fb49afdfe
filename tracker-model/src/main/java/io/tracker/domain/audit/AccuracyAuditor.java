package io.tracker.domain.audit;

import io.tracker.domain.audit.AccuracyAudit.Campaign;
import io.tracker.domain.audit.AccuracyAudit.Day;
import io.tracker.domain.audit.AccuracyAudit.ExtraPurchase;
import io.tracker.domain.audit.AccuracyAudit.MissingOrder;
import io.tracker.domain.audit.AccuracyAudit.PlatformComparison;
import io.tracker.domain.audit.AccuracyAudit.ValueMismatch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reconciles a shop's orders, Tracker's purchases and the platforms' reports over a period of whole days.
 *
 * <p><b>Matching.</b> A shop order and a Tracker purchase are the same when Tracker's {@code order_id} equals the
 * shop's order id exactly. A paid shop order of the period without a Tracker purchase of that id (at any time) is
 * <i>missing in Tracker</i>. A Tracker purchase of the period is <i>not in the shop</i> unless its order id is a paid
 * order of the shop (at any time): {@link ExtraReason} says why. The shop is compared only on the days its order
 * imports cover (from the first to the last order day of each upload): on another day an order the shop was never
 * asked about is not missing, nor is a purchase of it "not in the shop"; the day keeps its Tracker and platform
 * figures, with no shop gap and no shop flag. A matched pair whose values differ by more than
 * {@value #VALUE_TOLERANCE} or whose currencies differ is a <i>value mismatch</i>.
 *
 * <p><b>Platform rule.</b> A purchase counts for a platform when the visitor's last touchpoint carrying the
 * platform's click id before it is at most the platform's {@linkplain AdPlatform#clickWindow() click window} older;
 * it is credited to that touchpoint's campaign on the purchase's day. A platform is compared on the days it reported
 * (any row); its campaigns over those days.
 *
 * <p><b>Gap and flag.</b> Platform gap = (platform − Tracker) ÷ Tracker × 100; shop gap = (Tracker − shop) ÷ shop ×
 * 100; one decimal, half-even. With a base of 0 the gap is null: 0 against 0 is no gap, anything against 0 is
 * flagged. Otherwise a comparison is flagged when the gap's size exceeds the threshold. A day is flagged when its
 * shop comparison or any platform's is. Causes ({@link Cause}): platform above Tracker → view-through and modelled
 * conversions; platform below → missed clicks; either with a click-dated report → date basis; Tracker below the shop
 * → blocked tags or consent, cross-device journeys; Tracker above → test or duplicate purchases; a neighbouring day
 * whose same comparison has a gap of the opposite sign → report time zone.
 */
public final class AccuracyAuditor {

    /** Values closer than this are the same (rounding in the shop's or the tag's arithmetic). */
    public static final String VALUE_TOLERANCE = "0.01";
    /** How close after an earlier purchase of the same visitor and value a purchase without order id is a repeat. */
    public static final Duration DUPLICATE_WINDOW = Duration.ofHours(1);
    private static final BigDecimal TOLERANCE = new BigDecimal(VALUE_TOLERANCE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;
    private final BigDecimal threshold;

    /** @param thresholdPercent a gap above this many percent is flagged */
    public AccuracyAuditor(LocalDate from, LocalDate to, ZoneId zone, BigDecimal thresholdPercent) {
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.threshold = thresholdPercent;
    }

    /**
     * @param shopOrders        the shop's orders placed in the period (any status)
     * @param purchases         Tracker's purchases in the period
     * @param ordersById        the shop's orders (any time) whose ids the period's purchases carry
     * @param purchasesByOrder  Tracker's purchases (any time) carrying the ids of the period's shop orders
     * @param platformRows      the platforms' rows for the period's days
     * @param shopDays          the days the shop's order imports cover (others may be included)
     */
    public AccuracyAudit audit(List<StoreOrder> shopOrders, List<TrackerPurchase> purchases,
                               Map<String, StoreOrder> ordersById, Map<String, TrackerPurchase> purchasesByOrder,
                               List<PlatformRow> platformRows, Set<LocalDate> shopDays) {
        Map<LocalDate, Tally> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Tally());
        }
        List<MissingOrder> missing = new ArrayList<>();
        Map<String, ValueMismatch> mismatches = new LinkedHashMap<>();
        for (StoreOrder o : sorted(shopOrders)) {
            LocalDate day = day(o.placedAt());
            Tally t = days.get(day);
            if (t == null || !o.status().sale() || !shopDays.contains(day)) {
                continue;
            }
            t.shopOrders++;
            t.shopValue = t.shopValue.add(o.value());
            TrackerPurchase p = purchasesByOrder.get(o.orderId());
            if (p == null) {
                t.missing++;
                missing.add(new MissingOrder(o.orderId(), day, o.placedAt(), o.value(), o.currency()));
            } else {
                t.matched++;
                mismatch(o, p).ifPresent(m -> mismatches.put(o.orderId(), m));
            }
        }
        List<ExtraPurchase> extras = new ArrayList<>();
        List<TrackerPurchase> inTime = purchases.stream()
                .sorted(Comparator.comparing(TrackerPurchase::occurredAt).thenComparing(TrackerPurchase::id)).toList();
        Map<AdPlatform, Map<LocalDate, Map<String, Credit>>> credits = new EnumMap<>(AdPlatform.class);
        for (TrackerPurchase p : inTime) {
            LocalDate day = day(p.occurredAt());
            Tally t = days.get(day);
            if (t == null) {
                continue;
            }
            t.trackerPurchases++;
            t.trackerValue = t.trackerValue.add(p.value());
            StoreOrder order = p.orderId() == null ? null : ordersById.get(p.orderId());
            if (!shopDays.contains(day)) {
                // not the shop's to judge: its imports do not cover the day
            } else if (order != null && order.status().sale()) {
                if (!days.containsKey(day(order.placedAt()))) {
                    mismatch(order, p).ifPresent(m -> mismatches.putIfAbsent(order.orderId(), m));
                }
            } else {
                t.notInShop++;
                extras.add(new ExtraPurchase(p.id(), p.orderId(), day, p.occurredAt(), p.value(), p.currency(),
                        reason(p, order, inTime), order == null ? null : order.sourceStatus()));
            }
            p.lastClicks().forEach((platform, click) -> {
                if (!click.at().isAfter(p.occurredAt())
                        && !click.at().isBefore(p.occurredAt().minus(platform.clickWindow()))) {
                    credits.computeIfAbsent(platform, k -> new TreeMap<>()).computeIfAbsent(day, k -> new TreeMap<>())
                            .computeIfAbsent(click.campaign(), k -> new Credit()).add(p.value());
                }
            });
        }
        mismatches.values().forEach(m -> {
            Tally t = days.get(m.day());
            if (t != null) {
                t.mismatches++;
            }
        });
        Set<LocalDate> compared = new TreeSet<>(days.keySet());
        compared.retainAll(shopDays);
        boolean shopCompared = !compared.isEmpty();
        Map<AdPlatform, Map<LocalDate, Map<String, Reported>>> reported = reported(platformRows, days.keySet());
        List<Day> dayRows = dayRows(days, compared, reported, credits);
        return new AccuracyAudit(from, to, threshold, shopCompared, dayRows, totals(dayRows, compared),
                campaigns(reported, credits), List.copyOf(missing), List.copyOf(extras),
                mismatches.values().stream().sorted(Comparator.comparing(ValueMismatch::day)
                        .thenComparing(ValueMismatch::orderId)).toList());
    }

    private List<Day> dayRows(Map<LocalDate, Tally> days, Set<LocalDate> compared,
                              Map<AdPlatform, Map<LocalDate, Map<String, Reported>>> reported,
                              Map<AdPlatform, Map<LocalDate, Map<String, Credit>>> credits) {
        Map<LocalDate, List<PlatformComparison>> comparisons = new TreeMap<>();
        for (LocalDate d : days.keySet()) {
            List<PlatformComparison> list = new ArrayList<>();
            for (AdPlatform platform : reported.keySet()) {
                Map<String, Reported> rows = reported.get(platform).get(d);
                if (rows == null) {
                    continue;
                }
                Reported r = Reported.sum(rows.values());
                Credit c = Credit.sum(credits.getOrDefault(platform, Map.of()).getOrDefault(d, Map.of()).values());
                list.add(new PlatformComparison(platform, r.conversions, r.value, c.count, c.value,
                        gap(r.conversions, BigDecimal.valueOf(c.count)),
                        flagged(r.conversions, BigDecimal.valueOf(c.count)), r.basis));
            }
            comparisons.put(d, list);
        }
        List<Day> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, Tally> e : days.entrySet()) {
            LocalDate d = e.getKey();
            Tally t = e.getValue();
            boolean shopCompared = compared.contains(d);
            boolean shopFlagged = shopCompared && flagged(BigDecimal.valueOf(t.trackerPurchases),
                    BigDecimal.valueOf(t.shopOrders));
            Set<Cause> causes = new LinkedHashSet<>();
            if (shopFlagged) {
                causes.addAll(t.trackerPurchases < t.shopOrders
                        ? List.of(Cause.BLOCKED_TAGS_OR_CONSENT, Cause.CROSS_DEVICE_JOURNEYS)
                        : List.of(Cause.TEST_OR_DUPLICATE_PURCHASES));
                Tally before = compared.contains(d.minusDays(1)) ? days.get(d.minusDays(1)) : null;
                Tally after = compared.contains(d.plusDays(1)) ? days.get(d.plusDays(1)) : null;
                int sign = Integer.signum(t.trackerPurchases - t.shopOrders);
                if (before != null && Integer.signum(before.trackerPurchases - before.shopOrders) == -sign
                        || after != null && Integer.signum(after.trackerPurchases - after.shopOrders) == -sign) {
                    causes.add(Cause.REPORT_TIME_ZONE);
                }
            }
            for (PlatformComparison c : comparisons.get(d)) {
                if (!c.flagged()) {
                    continue;
                }
                int sign = c.platformConversions().compareTo(BigDecimal.valueOf(c.trackerConversions()));
                causes.addAll(sign > 0 ? List.of(Cause.VIEW_THROUGH_CONVERSIONS, Cause.MODELLED_CONVERSIONS)
                        : List.of(Cause.PLATFORM_MISSED_CLICKS));
                if (opposite(comparisons.get(d.minusDays(1)), c.platform(), sign)
                        || opposite(comparisons.get(d.plusDays(1)), c.platform(), sign)) {
                    causes.add(Cause.REPORT_TIME_ZONE);
                }
                if (c.basis() == DateBasis.CLICK) {
                    causes.add(Cause.CONVERSION_DATE_BASIS);
                }
            }
            boolean flagged = shopFlagged || comparisons.get(d).stream().anyMatch(PlatformComparison::flagged);
            rows.add(new Day(d, t.shopOrders, t.shopValue, t.trackerPurchases, t.trackerValue, t.matched, t.missing,
                    t.notInShop, t.mismatches, shopCompared ? gap(BigDecimal.valueOf(t.trackerPurchases),
                    BigDecimal.valueOf(t.shopOrders)) : null, shopFlagged, List.copyOf(comparisons.get(d)), flagged,
                    List.copyOf(sorted(causes))));
        }
        return rows;
    }

    /** The period's figures; the shop is compared with Tracker's purchases of the days it covers only. */
    private Day totals(List<Day> days, Set<LocalDate> compared) {
        boolean shopCompared = !compared.isEmpty();
        int shop = 0;
        int tracker = 0;
        int trackerOnShopDays = 0;
        int matched = 0;
        int missing = 0;
        int extra = 0;
        int mismatched = 0;
        BigDecimal shopValue = BigDecimal.ZERO;
        BigDecimal trackerValue = BigDecimal.ZERO;
        Map<AdPlatform, List<PlatformComparison>> byPlatform = new EnumMap<>(AdPlatform.class);
        for (Day d : days) {
            shop += d.shopOrders();
            tracker += d.trackerPurchases();
            trackerOnShopDays += compared.contains(d.day()) ? d.trackerPurchases() : 0;
            matched += d.matched();
            missing += d.missingInTracker();
            extra += d.notInShop();
            mismatched += d.valueMismatches();
            shopValue = shopValue.add(d.shopValue());
            trackerValue = trackerValue.add(d.trackerValue());
            d.platforms().forEach(c -> byPlatform.computeIfAbsent(c.platform(), k -> new ArrayList<>()).add(c));
        }
        List<PlatformComparison> platforms = new ArrayList<>();
        Set<Cause> causes = new LinkedHashSet<>();
        byPlatform.forEach((platform, list) -> {
            BigDecimal conversions = list.stream().map(PlatformComparison::platformConversions)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal value = list.stream().map(PlatformComparison::platformValue).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            int credited = list.stream().mapToInt(PlatformComparison::trackerConversions).sum();
            BigDecimal creditedValue = list.stream().map(PlatformComparison::trackerValue).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            boolean flagged = flagged(conversions, BigDecimal.valueOf(credited));
            if (flagged) {
                causes.addAll(conversions.compareTo(BigDecimal.valueOf(credited)) > 0
                        ? List.of(Cause.VIEW_THROUGH_CONVERSIONS, Cause.MODELLED_CONVERSIONS)
                        : List.of(Cause.PLATFORM_MISSED_CLICKS));
            }
            platforms.add(new PlatformComparison(platform, conversions, value, credited, creditedValue,
                    gap(conversions, BigDecimal.valueOf(credited)), flagged,
                    list.stream().anyMatch(c -> c.basis() == DateBasis.CLICK) ? DateBasis.CLICK : DateBasis.CONVERSION));
        });
        boolean shopFlagged = shopCompared && flagged(BigDecimal.valueOf(trackerOnShopDays), BigDecimal.valueOf(shop));
        if (shopFlagged) {
            causes.addAll(trackerOnShopDays < shop ? List.of(Cause.BLOCKED_TAGS_OR_CONSENT, Cause.CROSS_DEVICE_JOURNEYS)
                    : List.of(Cause.TEST_OR_DUPLICATE_PURCHASES));
        }
        return new Day(null, shop, shopValue, tracker, trackerValue, matched, missing, extra, mismatched,
                shopCompared ? gap(BigDecimal.valueOf(trackerOnShopDays), BigDecimal.valueOf(shop)) : null, shopFlagged,
                List.copyOf(platforms), shopFlagged || platforms.stream().anyMatch(PlatformComparison::flagged),
                List.copyOf(sorted(causes)));
    }

    private List<Campaign> campaigns(Map<AdPlatform, Map<LocalDate, Map<String, Reported>>> reported,
                                     Map<AdPlatform, Map<LocalDate, Map<String, Credit>>> credits) {
        List<Campaign> rows = new ArrayList<>();
        reported.forEach((platform, byDay) -> {
            Map<String, List<Reported>> platformSide = new TreeMap<>();
            Map<String, List<Credit>> trackerSide = new TreeMap<>();
            byDay.forEach((day, byCampaign) -> {
                byCampaign.forEach((c, r) -> platformSide.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
                credits.getOrDefault(platform, Map.of()).getOrDefault(day, Map.of())
                        .forEach((c, k) -> trackerSide.computeIfAbsent(c, x -> new ArrayList<>()).add(k));
            });
            Set<String> names = new TreeSet<>(platformSide.keySet());
            names.addAll(trackerSide.keySet());
            for (String name : names) {
                Reported r = Reported.sum(platformSide.getOrDefault(name, List.of()));
                Credit c = Credit.sum(trackerSide.getOrDefault(name, List.of()));
                BigDecimal tracker = BigDecimal.valueOf(c.count);
                boolean flagged = flagged(r.conversions, tracker);
                List<Cause> causes = !flagged ? List.of() : r.conversions.compareTo(tracker) > 0
                        ? List.of(Cause.VIEW_THROUGH_CONVERSIONS, Cause.MODELLED_CONVERSIONS)
                        : List.of(Cause.PLATFORM_MISSED_CLICKS);
                rows.add(new Campaign(platform, name, r.conversions, r.value, c.count, c.value,
                        gap(r.conversions, tracker), flagged, causes));
            }
        });
        return List.copyOf(rows);
    }

    /** The platforms' rows per platform, day and campaign, for the period's days (rows of one key added up). */
    private static Map<AdPlatform, Map<LocalDate, Map<String, Reported>>> reported(List<PlatformRow> rows,
                                                                                  Set<LocalDate> days) {
        Map<AdPlatform, Map<LocalDate, Map<String, Reported>>> reported = new EnumMap<>(AdPlatform.class);
        for (PlatformRow r : rows) {
            if (!days.contains(r.day())) {
                continue;
            }
            reported.computeIfAbsent(r.platform(), k -> new TreeMap<>()).computeIfAbsent(r.day(), k -> new TreeMap<>())
                    .merge(r.campaign(), Reported.of(r), Reported::plus);
        }
        return reported;
    }

    private ExtraReason reason(TrackerPurchase p, StoreOrder order, List<TrackerPurchase> inTime) {
        if (order != null) {
            return switch (order.status()) {
                case TEST -> ExtraReason.TEST_ORDER;
                case PENDING -> ExtraReason.UNPAID_ORDER;
                default -> ExtraReason.CANCELLED_ORDER;
            };
        }
        if (p.orderId() != null) {
            return ExtraReason.UNKNOWN_ORDER;
        }
        Instant earliest = p.occurredAt().minus(DUPLICATE_WINDOW);
        boolean repeat = inTime.stream().anyMatch(o -> o.id() != p.id() && o.visitorId().equals(p.visitorId())
                && !o.occurredAt().isAfter(p.occurredAt()) && !o.occurredAt().isBefore(earliest)
                && (o.occurredAt().isBefore(p.occurredAt()) || o.id() < p.id())
                && o.value().subtract(p.value()).abs().compareTo(TOLERANCE) <= 0);
        return repeat ? ExtraReason.LIKELY_DUPLICATE : ExtraReason.NO_ORDER_ID;
    }

    private Optional<ValueMismatch> mismatch(StoreOrder o, TrackerPurchase p) {
        if (o.value().subtract(p.value()).abs().compareTo(TOLERANCE) > 0 || !o.currency().equals(p.currency())) {
            return Optional.of(new ValueMismatch(o.orderId(), day(o.placedAt()), o.value(), o.currency(),
                    p.value(), p.currency()));
        }
        return Optional.empty();
    }

    /** (measured − base) ÷ base × 100 with one decimal; 0 when both are 0; null when only the base is. */
    static BigDecimal gap(BigDecimal measured, BigDecimal base) {
        if (base.signum() == 0) {
            return measured.signum() == 0 ? BigDecimal.ZERO.setScale(1) : null;
        }
        return measured.subtract(base).multiply(HUNDRED).divide(base, 1, RoundingMode.HALF_EVEN);
    }

    /** Whether |measured − base| ÷ base × 100 exceeds the threshold (exactly, before rounding). */
    private boolean flagged(BigDecimal measured, BigDecimal base) {
        if (base.signum() == 0) {
            return measured.signum() != 0;
        }
        return measured.subtract(base).abs().multiply(HUNDRED).compareTo(threshold.multiply(base)) > 0;
    }

    private static boolean opposite(List<PlatformComparison> neighbour, AdPlatform platform, int sign) {
        return neighbour != null && neighbour.stream().anyMatch(c -> c.platform() == platform
                && c.platformConversions().compareTo(BigDecimal.valueOf(c.trackerConversions())) == -sign);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private static List<StoreOrder> sorted(List<StoreOrder> orders) {
        return orders.stream().sorted(Comparator.comparing(StoreOrder::placedAt).thenComparing(StoreOrder::orderId))
                .toList();
    }

    private static List<Cause> sorted(Set<Cause> causes) {
        EnumSet<Cause> set = EnumSet.noneOf(Cause.class);
        set.addAll(causes);
        return List.copyOf(set);
    }

    /** A day's counts while they are added up. */
    private static final class Tally {
        private int shopOrders;
        private BigDecimal shopValue = BigDecimal.ZERO;
        private int trackerPurchases;
        private BigDecimal trackerValue = BigDecimal.ZERO;
        private int matched;
        private int missing;
        private int notInShop;
        private int mismatches;
    }

    /** Tracker's purchases credited to a campaign under a platform's rule. */
    private static final class Credit {
        private int count;
        private BigDecimal value = BigDecimal.ZERO;

        void add(BigDecimal v) {
            count++;
            value = value.add(v);
        }

        static Credit sum(Iterable<Credit> credits) {
            Credit s = new Credit();
            credits.forEach(c -> {
                s.count += c.count;
                s.value = s.value.add(c.value);
            });
            return s;
        }
    }

    /** A platform's reported conversions and value, and the date basis (CLICK wins when mixed). */
    private record Reported(BigDecimal conversions, BigDecimal value, DateBasis basis) {

        static Reported of(PlatformRow r) {
            return new Reported(r.conversions(), r.value() == null ? BigDecimal.ZERO : r.value(), r.basis());
        }

        Reported plus(Reported o) {
            return new Reported(conversions.add(o.conversions), value.add(o.value),
                    basis == DateBasis.CLICK || o.basis == DateBasis.CLICK ? DateBasis.CLICK : DateBasis.CONVERSION);
        }

        static Reported sum(Iterable<Reported> all) {
            Reported s = new Reported(BigDecimal.ZERO, BigDecimal.ZERO, DateBasis.CONVERSION);
            for (Reported r : all) {
                s = s.plus(r);
            }
            return s;
        }
    }
}
