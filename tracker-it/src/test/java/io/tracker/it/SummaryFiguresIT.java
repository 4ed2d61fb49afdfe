package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.reporting.ClientKpis;
import io.tracker.application.reporting.DateRange;
import io.tracker.application.reporting.Kpis;
import io.tracker.application.reporting.PortfolioRange;
import io.tracker.application.reporting.PortfolioService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.application.reporting.Rollups;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tracking.EventIngestionService;
import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.IngestionReport;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.conversion.ActionSettings;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tracking.WayIn;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TenantFixture;
import io.tracker.it.support.TenantFixture.ActionSpec;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The summary's figures ({@link ReportService#kpis}, read from the visit roll-up and the visits stored on
 * conversions since V14) against the definitions of {@link Kpis} applied to the raw tables by this test
 * ({@link #REFERENCE}: the SQL the summary ran before V14), in the container, for many periods; and the
 * agency portfolio against both.
 *
 * <p>The tenant lives in America/Chicago (CDT, UTC−5 in September 2026: its 7 September runs from
 * 05:00Z on the 7th to 05:00Z on the 8th). Macro actions {@code purchase} (counting every),
 * {@code lead} (every) and {@code signup} (counting one); micro action {@code newsletter}. Events (UTC,
 * 2026-09; channels given explicitly):
 *
 * <pre>
 * visitor  touches                                   conversions                       the conversion's visit
 * a        07 13:50 Email                            purchase 07 14:00, 07 14:30       a-t1 for both: one converted visit
 * b        06 12:00 Email (Chicago: the 6th)         purchase 07 18:00                 b-t1, outside the 7th; then a late
 *          late: 07 17:00 Paid Search                                                  touch moves it to b-t2, on the 7th
 * c        (none)                                    purchase 07 16:00                 none
 * d        08 04:59:30 Display (Chicago 7th 23:59:30) purchase 08 05:00:00 (Chicago 8th) d-t: on the 7th, conversion on the 8th
 * e        07 04:59:59 Direct (Chicago 6th),         lead 07 05:00:00 (same instant)   e-t1: a touch at the same instant counts
 *          07 05:00:00 Referral (Chicago 7th 00:00)
 * f        07 10:00 Email                            newsletter 07 10:05 (micro)       not a macro conversion
 * g        07 11:00 Email, 07 11:15 Direct           signup 07 11:10, 07 11:20         the second repeats the first's anchor
 *                                                                                      (Email): not counted, so g-t2 converts nothing
 * h        07 09:00 Email, 07 09:30 Display view     purchase 07 09:45                 h-t2, an impression: any touch is a visit
 * i1, i2   i1: 07 08:00 Email; i2: none              i2: purchase 07 08:30             none: one person (identify), but a visit
 *                                                                                      is the converting visitor's own
 * </pre>
 *
 * Chicago's 7 September by hand: visits a-t1, d-t, e-t1, f-t, g-t1, g-t2, h-t1, h-t2, i1-t = 9 (10 with
 * b's late touch); counted macro conversions a×2, b, c, e, g-c1, h, i2 = 8; converted visits a-t1, e-t1,
 * g-t1, h-t2 = 4 (5 with b-t2). The 8th: no visit, d's purchase, no converted visit.
 */
@ExtendWith(ArquillianExtension.class)
class SummaryFiguresIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate SEPT_6 = LocalDate.of(2026, 9, 6);
    private static final LocalDate SEPT_7 = LocalDate.of(2026, 9, 7);
    private static final LocalDate SEPT_8 = LocalDate.of(2026, 9, 8);

    /**
     * The definitions of {@link Kpis} on the raw tables, as ReportService.kpis computed them before V14:
     * touchpoints of the period; counted macro conversions of the period and their value (and, divided by the
     * touchpoints, the conversion rate); the distinct
     * visits of the period that are their visitor's latest touchpoint at or before one of them.
     * Parameters: tenant, period start, period end.
     */
    private static final String REFERENCE = "with p(tenant_id, s, e) as (select ?::text, ?::timestamptz, ?::timestamptz), "
            + "macro as (select k.* from conversion k join conversion_action a on a.tenant_id = k.tenant_id "
            + "and a.id = k.action_id join p on k.tenant_id = p.tenant_id "
            + "where a.category = 'MACRO' and k.counted and k.occurred_at >= p.s and k.occurred_at < p.e) "
            + "select (select count(*) from touchpoint t join p on t.tenant_id = p.tenant_id "
            + "        where t.occurred_at >= p.s and t.occurred_at < p.e), "
            + "(select count(*) from macro), (select coalesce(sum(value), 0) from macro), "
            + "(select count(distinct v.id) from macro k cross join lateral (select t.id, t.occurred_at from touchpoint t "
            + "        where t.tenant_id = k.tenant_id and t.visitor_id = k.visitor_id and t.occurred_at <= k.occurred_at "
            + "        order by t.occurred_at desc, t.id desc limit 1) v, p where v.occurred_at >= p.s)";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.tracker(SummaryFiguresIT.class);
    }

    @Inject
    private TenantFixture fixture;

    @Inject
    private TenantConnections connections;

    @EJB
    private TenantSelection selection;

    @EJB
    private EventIngestionService ingestion;

    @EJB
    private ReportService reports;

    @EJB
    private PortfolioService portfolio;

    @EJB
    private Rollups rollups;

    @EJB
    private ConversionActionService conversionActions;

    @Test
    void theSummaryIsTheDefinitionOnTheRawTablesAlsoAfterALateTouch() throws Exception {
        TestTenant shop = chicagoShop(null);

        Kpis september7 = reports.kpis(period(SEPT_7, SEPT_7, CHICAGO));
        assertThat(september7).isEqualTo(reference(shop, period(SEPT_7, SEPT_7, CHICAGO)));
        assertThat(september7.touchpoints()).isEqualTo(9);
        assertThat(september7.conversions()).isEqualTo(8);
        assertThat(september7.convertedVisits()).isEqualTo(4);
        Kpis september8 = reports.kpis(period(SEPT_8, SEPT_8, CHICAGO));
        assertThat(september8).isEqualTo(reference(shop, period(SEPT_8, SEPT_8, CHICAGO)));
        assertThat(september8.touchpoints()).isZero();
        assertThat(september8.conversions()).isEqualTo(1);
        assertThat(september8.convertedVisits()).isZero();
        assertAgreesWithReference(shop, CHICAGO);

        // A touch of b arriving late, before b's purchase: b is marked for re-attribution like any visitor
        // with a new touchpoint, and the purchase's stored visit moves to it, into the 7th.
        ingest(touch("b-t2", "b", "2026-09-07T17:00:00Z", "Paid Search"));
        fixture.awaitAttribution(shop.id());
        assertThat(storedVisit(shop, "b-c")).isEqualTo(touchpointId(shop, "b-t2"));
        Kpis later = reports.kpis(period(SEPT_7, SEPT_7, CHICAGO));
        assertThat(later).isEqualTo(reference(shop, period(SEPT_7, SEPT_7, CHICAGO)));
        assertThat(later.touchpoints()).isEqualTo(10);
        assertThat(later.convertedVisits()).isEqualTo(5);
        assertAgreesWithReference(shop, CHICAGO);
    }

    @Test
    void visitsAreExactBeforeTheirDeltasAreFoldedAndAfter() throws Exception {
        TestTenant shop = chicagoShop(null);
        // In one transaction the deltas of its own touchpoints cannot be folded (not committed): the summary
        // reads them unfolded.
        inTransaction(() -> {
            ingest(touch("x-t1", "x", "2026-09-07T20:00:00Z", "Email"),
                    touch("x-t2", "x", "2026-09-08T04:59:59Z", "Email"),
                    touch("x-t3", "x", "2026-09-08T05:00:00Z", "Email"));
            assertThat(count(shop, "select count(*) from visit_daily_delta where tenant_id = ?")).isPositive();
            assertAgreesWithReference(shop, CHICAGO);
            assertThat(reports.kpis(period(SEPT_7, SEPT_7, CHICAGO)).touchpoints()).isEqualTo(11);
            return null;
        });

        // Committed and folded: the same figures from visit_daily alone.
        Waits.until(() -> {
            rollups.foldVisits();
            return deltas(shop) == 0;
        }, TrackerClient.ATTRIBUTION_TIMEOUT, () -> "the deltas of " + shop.id() + " were not folded");
        assertThat(count(shop, "select count(*) from visit_daily where tenant_id = ?")).isPositive();
        assertAgreesWithReference(shop, CHICAGO);
        assertThat(reports.kpis(period(SEPT_7, SEPT_7, CHICAGO)).touchpoints()).isEqualTo(9);
    }

    @Test
    void aTimeZoneChangeRebuildsTheVisitDays() throws Exception {
        TestTenant shop = chicagoShop(null);
        Waits.until(() -> {
            rollups.foldVisits();
            rollups.foldConversions();
            return deltas(shop) == 0;
        }, TrackerClient.ATTRIBUTION_TIMEOUT, () -> "the deltas of " + shop.id() + " were not folded");
        // Java's fixed offsets: '+05:30' is east of UTC (PostgreSQL alone would read it as west).
        for (String zone : List.of("+05:30", "Asia/Tokyo")) {
            inTransaction(() -> {
                selection.asPlatform(shop.id());
                try (Connection c = connections.forCurrentTenant();
                     PreparedStatement ps = c.prepareStatement("update tenant set time_zone = ? where id = ?")) {
                    ps.setString(1, zone);
                    ps.setString(2, shop.id());
                    assertThat(ps.executeUpdate()).isOne();
                }
                assertAgreesWithReference(shop, ZoneId.of(zone));
                return null;
            });
        }
    }

    /**
     * Which conversion is the first of its visit depends on which actions are macro: {@code lead} becomes
     * micro and {@code newsletter} macro (f's visit converts; e's no longer), then back, each change
     * re-marking the visits of its visitors in its own transaction.
     */
    @Test
    void aCategoryChangeMovesTheConvertedVisits() throws Exception {
        TestTenant shop = chicagoShop(null);
        setCategory("lead", ConversionCategory.MICRO);
        setCategory("newsletter", ConversionCategory.MACRO);
        // Chicago's 7th by hand: macro conversions a×2, b, c, f, g-c1, h, i2 = 8; converted visits a-t1,
        // f-t, g-t1, h-t2 = 4 (e-t1 out, f-t in).
        Kpis september7 = reports.kpis(period(SEPT_7, SEPT_7, CHICAGO));
        assertThat(september7.conversions()).isEqualTo(8);
        assertThat(september7.convertedVisits()).isEqualTo(4);
        assertThat(september7.revenue()).isEqualTo(10 + 20 + 40 + 80 + 1 + 320 + 640);
        assertAgreesWithReference(shop, CHICAGO);
        assertThat(storedFirst(shop, "e-c")).isFalse();
        assertThat(storedFirst(shop, "f-c")).isTrue();

        setCategory("lead", ConversionCategory.MACRO);
        setCategory("newsletter", ConversionCategory.MICRO);
        assertThat(storedFirst(shop, "e-c")).isTrue();
        assertThat(storedFirst(shop, "f-c")).isFalse();
        assertAgreesWithReference(shop, CHICAGO);
    }

    /**
     * A conversion with no visit yet and another visitor's touchpoint, in one transaction (their deltas
     * cannot be folded: not committed), rolled back; then the same committed, with a touch of the
     * converting visitor that becomes its visit; the figures before the deltas are folded and after.
     */
    @Test
    void conversionsAreExactBeforeTheirDeltasAreFoldedAndAfter() throws Exception {
        TestTenant shop = chicagoShop(null);
        inTransaction(() -> {
            ingest(touch("z-t", "z", "2026-09-07T19:00:00Z", "Email"),
                    conversion("y-c", "y", "2026-09-07T20:05:00Z", "purchase", "7.25", "y1"));
            assertThat(count(shop, "select count(*) from conversion_daily_delta where tenant_id = ?")).isPositive();
            assertAgreesWithReference(shop, CHICAGO);
            return null;
        });
        ingest(touch("z-t", "z", "2026-09-07T19:00:00Z", "Email"),
                conversion("y-c", "y", "2026-09-07T20:05:00Z", "purchase", "7.25", "y1"),
                touch("y-t", "y", "2026-09-07T20:00:00Z", "Email"));
        fixture.awaitAttribution(shop.id());
        assertThat(storedFirst(shop, "y-c")).isTrue();
        assertAgreesWithReference(shop, CHICAGO);
        Waits.until(() -> {
            rollups.foldVisits();
            rollups.foldConversions();
            return deltas(shop) == 0 && conversionDeltas(shop) == 0;
        }, TrackerClient.ATTRIBUTION_TIMEOUT, () -> "the deltas of " + shop.id() + " were not folded");
        assertThat(count(shop, "select count(*) from conversion_daily where tenant_id = ?")).isPositive();
        assertAgreesWithReference(shop, CHICAGO);
        // Chicago's 7th by hand: the 9 visits of the class comment, z-t and y-t; 8 conversions and y-c;
        // converted visits 4 and y-t.
        Kpis september7 = reports.kpis(period(SEPT_7, SEPT_7, CHICAGO));
        assertThat(september7.touchpoints()).isEqualTo(11);
        assertThat(september7.conversions()).isEqualTo(9);
        assertThat(september7.convertedVisits()).isEqualTo(5);
    }

    @Test
    void theAgencyPortfolioAgreesWithEachClientsSummary() throws Exception {
        TestTenant shop = chicagoShop(null);
        TestTenant berlin = fixture.create(shop.agencyId(), "summary berlin", ZoneId.of("Europe/Berlin"), "EUR",
                EnumSet.allOf(ApiKeyScope.class), List.of());
        ingest(touch("k-t1", "k", "2026-09-07T21:30:00Z", "Email"), // Berlin: the 7th 23:30
                touch("k-t2", "k", "2026-09-07T22:30:00Z", "Direct"), // Berlin: the 8th 00:30
                conversion("k-c", "k", "2026-09-07T22:40:00Z", "purchase", "12.50", "k1"));
        fixture.awaitAttribution(berlin.id());
        String email = "admin-" + UUID.randomUUID() + "@summary.example";
        fixture.addAgencyAdmin(shop.agencyId(), email);
        Caller admin = new Caller("summary-admin-" + UUID.randomUUID(), email, true, false);

        // Custom periods of 1 to 3 days ending on the 7th or the 8th: each client's own days in its own zone.
        Instant now = Instant.parse("2026-09-08T12:00:00Z");
        for (LocalDate last : List.of(SEPT_7, SEPT_8)) {
            for (int days : new int[] {1, 2, 3}) {
                LocalDate first = last.minusDays(days - 1);
                List<ClientKpis> lines = portfolio.portfolio(admin,
                        new PortfolioRange(DateRange.CUSTOM, first, last), false, now);
                assertThat(lines).extracting(ClientKpis::tenantId).containsExactlyInAnyOrder(shop.id(), berlin.id());
                for (ClientKpis line : lines) {
                    ZoneId zone = ZoneId.of(line.timeZone());
                    ReportPeriod period = period(first, last, zone);
                    selection.asPlatform(line.tenantId());
                    assertThat(line.kpis()).as("%s, %s to %s", line.name(), first, last)
                            .isEqualTo(reports.kpis(period))
                            .isEqualTo(reference(line.tenantId().equals(shop.id()) ? shop : berlin, period));
                }
            }
        }
    }

    // ------------------------------------------------------------------ the tenant

    /** The tenant of the class comment, attributed; acting for it. */
    private TestTenant chicagoShop(String agencyId) {
        TestTenant shop = fixture.create(agencyId, "summary chicago", CHICAGO, "USD", EnumSet.allOf(ApiKeyScope.class),
                List.of(ActionSpec.parse("lead:MACRO:EVERY:0"), ActionSpec.parse("signup:MACRO:ONE:0"),
                        ActionSpec.parse("newsletter:MICRO:EVERY:0")));
        ingest(touch("a-t1", "a", "2026-09-07T13:50:00Z", "Email"),
                conversion("a-c1", "a", "2026-09-07T14:00:00Z", "purchase", "10.00", "a1"),
                conversion("a-c2", "a", "2026-09-07T14:30:00Z", "purchase", "20.00", "a2"),
                touch("b-t1", "b", "2026-09-06T12:00:00Z", "Email"),
                conversion("b-c", "b", "2026-09-07T18:00:00Z", "purchase", "40.00", "b1"),
                conversion("c-c", "c", "2026-09-07T16:00:00Z", "purchase", "80.00", "c1"),
                touch("d-t", "d", "2026-09-08T04:59:30Z", "Display"),
                conversion("d-c", "d", "2026-09-08T05:00:00Z", "purchase", "160.00", "d1"),
                touch("e-t0", "e", "2026-09-07T04:59:59Z", "Direct"),
                touch("e-t1", "e", "2026-09-07T05:00:00Z", "Referral"),
                conversion("e-c", "e", "2026-09-07T05:00:00Z", "lead", "5.00", null),
                touch("f-t", "f", "2026-09-07T10:00:00Z", "Email"),
                conversion("f-c", "f", "2026-09-07T10:05:00Z", "newsletter", null, null),
                touch("g-t1", "g", "2026-09-07T11:00:00Z", "Email"),
                conversion("g-c1", "g", "2026-09-07T11:10:00Z", "signup", "1.00", null),
                touch("g-t2", "g", "2026-09-07T11:15:00Z", "Direct"),
                conversion("g-c2", "g", "2026-09-07T11:20:00Z", "signup", "1.00", null),
                touch("h-t1", "h", "2026-09-07T09:00:00Z", "Email"),
                impression("h-t2", "h", "2026-09-07T09:30:00Z", "Display"),
                conversion("h-c", "h", "2026-09-07T09:45:00Z", "purchase", "320.00", "h1"),
                touch("i1-t", "i1", "2026-09-07T08:00:00Z", "Email"),
                conversion("i2-c", "i2", "2026-09-07T08:30:00Z", "purchase", "640.00", "i1"));
        assertThat(fixture.collect(shop.id(), List.of(identify("i1"), identify("i2")))).containsOnly(HitOutcome.STORED);
        fixture.awaitAttribution(shop.id());
        assertThat(storedCounted(shop, "g-c2")).as("g's second signup repeats the first").isFalse();
        return shop;
    }

    private void ingest(EventInput... events) {
        IngestionReport report = ingestion.ingest(List.of(events), List.of());
        assertThat(report.rejected()).as("%s", report).isEmpty();
        assertThat(report.accepted()).as("%s", report).isEqualTo(events.length);
    }

    private static EventInput touch(String id, String visitor, String at, String channel) {
        return new EventInput(id, "touchpoint", at, visitor, channel, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static EventInput impression(String id, String visitor, String at, String channel) {
        return new EventInput(id, "touchpoint", at, visitor, channel, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, "impression");
    }

    private static EventInput conversion(String id, String visitor, String at, String action, String value,
                                         String orderId) {
        return new EventInput(id, "conversion", at, visitor, null, null, null, null, null, null, null, null, null,
                null, null, null, action, value == null ? null : new BigDecimal(value), null, orderId, null);
    }

    private static CollectedHit identify(String visitor) {
        return CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).eventId("identify-" + visitor).visitorId(visitor)
                .userId("user-i").build();
    }

    // ------------------------------------------------------------------ checks

    /** The summary equals the reference for every period of one to four days around the test days. */
    private void assertAgreesWithReference(TestTenant t, ZoneId zone) throws Exception {
        selection.asPlatform(t.id());
        List<ReportPeriod> periods = new ArrayList<>();
        for (LocalDate from = SEPT_6.minusDays(1); !from.isAfter(SEPT_8.plusDays(1)); from = from.plusDays(1)) {
            for (int days = 1; days <= 4; days++) {
                periods.add(period(from, from.plusDays(days - 1), zone));
            }
        }
        for (ReportPeriod period : periods) {
            assertThat(reports.kpis(period)).as("%s", period).isEqualTo(reference(t, period));
        }
    }

    /** {@link #REFERENCE} for the period, as a {@link Kpis} (rate and rounding by their definitions). */
    private Kpis reference(TestTenant t, ReportPeriod period) throws Exception {
        return inTransactionIfNone(() -> {
            selection.asPlatform(t.id());
            try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(REFERENCE)) {
                ps.setString(1, t.id());
                ps.setObject(2, period.start().atOffset(ZoneOffset.UTC));
                ps.setObject(3, period.end().atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long visits = rs.getLong(1);
                    long converted = rs.getLong(4);
                    // The conversion rate: macro conversions ÷ visits (issue #12), 0 without visits.
                    return new Kpis(visits, rs.getLong(2), visits == 0 ? 0 : (double) rs.getLong(2) / visits,
                            rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_EVEN).doubleValue(), converted);
                }
            }
        });
    }

    private static ReportPeriod period(LocalDate from, LocalDate to, ZoneId zone) {
        return new ReportPeriod(from, to, zone);
    }

    private long deltas(TestTenant t) {
        try {
            return count(t, "select count(*) from visit_daily_delta where tenant_id = ?");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long conversionDeltas(TestTenant t) {
        try {
            return count(t, "select count(*) from conversion_daily_delta where tenant_id = ?");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long touchpointId(TestTenant t, String eventId) throws Exception {
        return count(t, "select id from touchpoint where tenant_id = ? and event_id = '" + eventId + "'");
    }

    private long storedVisit(TestTenant t, String eventId) throws Exception {
        return count(t, "select visit_touchpoint_id from conversion where tenant_id = ? and event_id = '" + eventId + "'");
    }

    private boolean storedFirst(TestTenant t, String eventId) throws Exception {
        return count(t, "select first_of_visit::int from conversion where tenant_id = ? and event_id = '" + eventId + "'") == 1;
    }

    /** The action's category changed through the service, as the settings page and API change it. */
    private void setCategory(String key, ConversionCategory category) {
        ActionSettings s = conversionActions.getByKey(key).settings();
        conversionActions.update(key, new ActionSettings(s.name(), category, s.trigger(), s.value(), s.counting(),
                s.lookbackDays(), s.viewThroughDays(), s.journeyStart(), s.status()));
    }

    private boolean storedCounted(TestTenant t, String eventId) {
        try {
            return count(t, "select counted::int from conversion where tenant_id = ? and event_id = '" + eventId + "'") == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number read for the tenant (its id is the statement's only parameter). */
    private long count(TestTenant t, String sql) throws Exception {
        return inTransactionIfNone(() -> {
            selection.asPlatform(t.id());
            try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, t.id());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(sql).isTrue();
                    return rs.getLong(1);
                }
            }
        });
    }

    // ------------------------------------------------------------------ transactions

    /** Runs the work in a transaction that is rolled back afterwards (nothing it writes stays). */
    private static <T> T inTransaction(Callable<T> work) throws Exception {
        UserTransaction tx = userTransaction();
        tx.begin();
        try {
            return work.call();
        } finally {
            tx.rollback();
        }
    }

    /** Joins the caller's transaction, or runs in one of its own (rolled back: it only reads). */
    private static <T> T inTransactionIfNone(Callable<T> work) throws Exception {
        if (userTransaction().getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
            return work.call();
        }
        return inTransaction(work);
    }

    private static UserTransaction userTransaction() throws Exception {
        return InitialContext.doLookup("java:comp/UserTransaction");
    }
}
