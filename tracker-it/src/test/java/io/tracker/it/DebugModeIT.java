package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.application.tracking.collection.Site;
import io.tracker.application.tracking.debug.DebugHitView;
import io.tracker.application.tracking.debug.DebugSession;
import io.tracker.application.tracking.debug.DebugSessionService;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tracking.DebugOutcome;
import io.tracker.domain.tracking.WayIn;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TenantFixture;
import io.tracker.it.support.TestTenant;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debug mode through the real {@link Collector} and PostgreSQL: hits sent with a debug session id are stored in
 * {@code debug_hit} only, with the de-duplication outcome they would have had, and nowhere a report reads; another
 * tenant cannot read the session. Expected outcomes are worked out by hand from the hits sent.
 */
@ExtendWith(ArquillianExtension.class)
class DebugModeIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.tracker(DebugModeIT.class);
    }

    @Inject
    private Collector collector;

    @Inject
    private TenantFixture fixture;

    @EJB
    private TenantSelection selection;

    @EJB
    private DebugSessionService debugSessions;

    @Test
    void debugHitsShowTheirOutcomeAndReachNoTableAReportReads() throws Exception {
        TestTenant t = tenant("debug mode");
        Site site = fixture.createSite(t.id(), "Debug shop", List.of("shop.example"), false);
        selection.asPlatform(t.id());
        DebugSession session = debugSessions.start(site.id());
        assertThat(session.id()).matches("dbg_[A-Za-z0-9_-]{22}");
        assertThat(session.startUrl()).isEqualTo("https://shop.example/?tracker_debug=" + session.id());
        assertThat(java.time.Duration.between(session.createdAt(), session.expiresAt())).hasHours(2);

        // A real purchase first: its order id makes a debug purchase of the same order a duplicate.
        assertThat(collect(t.id(), null, purchase("real-1", "rv-1", "R-1"))).containsExactly(HitOutcome.STORED);

        String debugUrl = "https://shop.example/?tracker_debug=" + session.id() + "&gclid=DebugGclid";
        CollectedHit visit = CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("d-visit").visitorId("dv-1")
                .sessionId("ds-1").startsVisit(true).url(debugUrl).build();
        HitOutcome debugStored = HitOutcome.stored("debug mode: shown on the debug page only, never in reports");
        assertThat(collect(t.id(), session.id(), visit, purchase("d-buy-1", "dv-1", "D-1")))
                .containsExactly(debugStored, debugStored);
        // the thank-you page again (new event id, same order), the real order, the same beacon twice, a bad currency;
        // and two purchases of one new order in one call
        CollectedHit badCurrency = CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).eventId("d-usd").visitorId("dv-1")
                .actionKey("purchase").value(new BigDecimal("5")).currency("USD").orderId("D-9").build();
        assertThat(collect(t.id(), session.id(), purchase("d-buy-2", "dv-1", "D-1"), purchase("d-buy-3", "dv-1", "R-1"),
                visit, badCurrency, purchase("d-buy-4", "dv-1", "D-2"), purchase("d-buy-5", "dv-1", "D-2")))
                .containsExactly(debugStored, debugStored, debugStored,
                        HitOutcome.rejected("currency USD differs from this tenant's reporting currency EUR "
                                + "(Tracker does not convert currencies)"), debugStored, debugStored);

        List<DebugHitView> hits = debugSessions.hits(session.id());
        assertThat(hits).as("newest first").extracting(DebugHitView::kind, DebugHitView::orderId,
                DebugHitView::outcome, DebugHitView::channel).containsExactly(
                tuple("Conversion", "D-2", DebugOutcome.DUPLICATE_ORDER, "Paid Search"),
                tuple("Conversion", "D-2", DebugOutcome.NEW, "Paid Search"),
                tuple("Conversion", null, DebugOutcome.REJECTED, null), // a refused hit keeps no visitor: no visit known
                tuple("Visit (page view)", null, DebugOutcome.DUPLICATE_EVENT, "Paid Search"),
                tuple("Conversion", "R-1", DebugOutcome.DUPLICATE_ORDER, "Paid Search"),
                tuple("Conversion", "D-1", DebugOutcome.DUPLICATE_ORDER, "Paid Search"),
                tuple("Conversion", "D-1", DebugOutcome.NEW, "Paid Search"),
                tuple("Visit (page view)", null, DebugOutcome.NEW, "Paid Search"));
        DebugHitView firstPurchase = hits.get(6);
        assertThat(firstPurchase.actionKey()).isEqualTo("purchase");
        assertThat(firstPurchase.value()).isEqualByComparingTo("49.90");
        assertThat(firstPurchase.currency()).isEqualTo("EUR");
        assertThat(firstPurchase.fromVisit()).as("a conversion's channel is its visit's").isTrue();
        assertThat(firstPurchase.clickIds()).isEqualTo("gclid=DebugGclid");
        assertThat(hits.get(7).fromVisit()).isFalse();
        assertThat(hits.get(2).outcomeWords()).startsWith("Rejected: currency USD differs");

        // Nothing of the debug hits where reports, attribution or the counts look: only the real purchase is there.
        assertThat(strings(t.id(), "select order_id from conversion")).containsExactly("R-1");
        assertThat(strings(t.id(), "select event_id from touchpoint")).isEmpty();
        assertThat(strings(t.id(), "select event_id from custom_event")).isEmpty();
        assertThat(strings(t.id(), "select event_id from event_receipt order by 1")).containsExactly("real-1");
        assertThat(strings(t.id(), "select order_id from order_receipt")).containsExactly("R-1");
        assertThat(strings(t.id(), "select visitor_id from attribution_pending")).isSubsetOf("rv-1");
        assertThat(strings(t.id(), "select sum(hits)::text || '/' || sum(stored) || '/' || sum(rejected) "
                + "from collection_count")).containsExactly("1/1/0");

        // Another tenant neither finds the session nor sees its rows.
        TestTenant other = tenant("debug other");
        selection.asPlatform(other.id());
        assertThat(debugSessions.find(session.id())).isEmpty();
        assertThatThrownBy(() -> debugSessions.hits(session.id())).isInstanceOf(NotFoundException.class);
        assertThat(strings(other.id(), "select session_id from debug_hit")).isEmpty();
        assertThat(strings(other.id(), "select id from debug_session")).isEmpty();
    }

    @Test
    void aMalformedDebugIdRejectsTheHitsAndAnUnknownOneStillKeepsThemOutOfReports() throws Exception {
        TestTenant t = tenant("debug unknown");
        assertThat(collect(t.id(), "dbg_short", purchase("x-1", "xv-1", "X-1")))
                .extracting(HitOutcome::status).containsExactly(HitOutcome.Status.REJECTED);
        String unknown = "dbg_" + "u".repeat(22);
        assertThat(collect(t.id(), unknown, purchase("x-2", "xv-1", "X-2"))).extracting(HitOutcome::status)
                .containsExactly(HitOutcome.Status.STORED);
        assertThat(strings(t.id(), "select order_id from conversion")).isEmpty();
        assertThat(strings(t.id(), "select order_id || ' ' || outcome from debug_hit where session_id = '" + unknown + "'"))
                .containsExactly("X-2 new");
        assertThat(strings(t.id(), "select count(*)::text from collection_count"))
                .as("the malformed one is refused before the queue, the debug one is counted nowhere").containsExactly("0");
    }

    private static CollectedHit purchase(String eventId, String visitor, String order) {
        return CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).eventId(eventId).visitorId(visitor)
                .actionKey("purchase").value(new BigDecimal("49.9")).orderId(order).build();
    }

    private TestTenant tenant(String label) {
        return fixture.create(label, ZoneId.of("Europe/Berlin"), "EUR", EnumSet.allOf(ApiKeyScope.class), List.of());
    }

    private List<HitOutcome> collect(String tenantId, String debug, CollectedHit... hits) throws Exception {
        return collector.collect(tenantId, List.of(hits), debug).get(60, TimeUnit.SECONDS);
    }

    /** The first column of a query's rows as the application role acting for the tenant, as text. */
    private static List<String> strings(String tenantId, String sql) throws NamingException, SQLException {
        DataSource dataSource = InitialContext.doLookup("jdbc/tracker");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    ps.setString(1, tenantId);
                    ps.executeQuery().close();
                }
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                return rows;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
