package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.application.attribution.PathAnalysisService;
import io.tracker.application.attribution.DataDrivenRuns;
import io.tracker.application.attribution.PendingAttribution;
import io.tracker.application.campaign.CampaignService;
import io.tracker.application.reporting.ClientKpis;
import io.tracker.application.reporting.PortfolioService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.reporting.ReportService;
import io.tracker.application.tenant.AccessService;
import io.tracker.application.tenant.ApiKeyService;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tenant.TenantService;
import io.tracker.application.tracking.EventIngestionService;
import io.tracker.application.tracking.EventInput;
import io.tracker.application.tracking.IngestionReport;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.application.tracking.collection.SiteService;
import io.tracker.domain.tracking.WayIn;
import io.tracker.domain.shared.ForbiddenException;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tenant.TenantRole;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TenantFixture;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import io.tracker.it.support.Waits;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
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
import java.util.EnumSet;
import java.util.List;
import io.tracker.application.tracking.links.TrackedLink;
import io.tracker.application.tracking.links.TrackedLinkService;
import io.tracker.domain.campaign.TrackedLinkRedirect;
import io.tracker.domain.tracking.Utm;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second wall, in the container: PostgreSQL's row-level security shows the application's
 * connection ({@code jdbc/tracker}, a role that owns nothing) only the current tenant's rows, also
 * to queries that deliberately leave out {@code where tenant_id}, through plain JDBC and through
 * EclipseLink, and nothing at all without a tenant. And the first wall: the interceptor refuses a
 * business method that declares no permission, a caller without the permission, and a request
 * that acted for a person trying to act as the platform. Each test makes its own tenants with data
 * in every tenant-owned table.
 */
@ExtendWith(ArquillianExtension.class)
class RowLevelSecurityIT {

    /**
     * The web module's own ejb-jar.xml: the product's interceptor as default interceptor of its EJBs
     * (the probe), as tracker-ejb's ejb-jar.xml binds it to the product's. (A default interceptor
     * covers the EJBs of its own module only; that every product EJB declares its access is checked
     * by tracker-ejb's EveryBusinessMethodDeclaresItsAccessTest.) Here the interceptor's
     * {@code @PersistenceContext} is not injected (the war does not read the annotations of a class
     * of tracker-ejb), so the probe's calls must be refused before the interceptor would use it.
     */
    private static final String WEB_EJB_JAR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                <interceptors>
                    <interceptor>
                        <interceptor-class>io.tracker.application.tenant.TenantFilter</interceptor-class>
                    </interceptor>
                </interceptors>
                <assembly-descriptor>
                    <interceptor-binding>
                        <ejb-name>*</ejb-name>
                        <interceptor-class>io.tracker.application.tenant.TenantFilter</interceptor-class>
                    </interceptor-binding>
                </assembly-descriptor>
            </ejb-jar>
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.tracker(RowLevelSecurityIT.class, TenancyProbe.class, UnscopedQueries.class);
        ear.getAsType(WebArchive.class, Deployments.WEB_MODULE).addAsWebInfResource(new StringAsset(WEB_EJB_JAR), "ejb-jar.xml");
        return ear;
    }

    @Inject
    private TenantFixture fixture;

    @Inject
    private TenantConnections connections;

    @EJB
    private TenantSelection selection;

    @EJB
    private TenancyProbe probe;

    @EJB
    private UnscopedQueries unscoped;

    @EJB
    private EventIngestionService ingestion;

    @EJB
    private CampaignService campaigns;

    @EJB
    private ApiKeyService apiKeys;

    @EJB
    private TenantService tenants;

    @EJB
    private AccessService access;

    @EJB
    private ReportService reports;

    @EJB
    private PortfolioService portfolio;

    @EJB
    private SiteService sites;

    @Inject
    private Collector collector;

    @EJB
    private TrackedLinkService trackedLinks;

    @EJB
    private PathAnalysisService pathAnalyses;

    @EJB
    private DataDrivenRuns dataDrivenRuns;

    @Test
    void theApplicationRoleIsSubjectToRowLevelSecurityOnEveryTenantOwnedTable() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            List<String> role = row(c, "select rolname, rolsuper::text, rolbypassrls::text from pg_roles where rolname = current_user");
            assertThat(role.get(0)).as("jdbc/tracker's role").endsWith("_app");
            assertThat(role.subList(1, 3)).as("superuser, bypassrls").containsExactly("false", "false");
            assertThat(strings(c, "select tablename from pg_tables where schemaname = current_schema() "
                    + "and pg_has_role(current_user, tableowner, 'MEMBER')")).as("tables the application role owns").isEmpty();
            assertThat(strings(c, "select table_name from information_schema.columns where table_schema = current_schema() "
                    + "and column_name = 'tenant_id' order by 1"))
                    .as("tenant-owned tables and views (a new one must be added to the policies and to this test)")
                    .containsExactlyInAnyOrderElementsOf(allTenantOwned());
            assertThat(strings(c, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = current_schema() and c.relkind = 'v' "
                    + "and 'security_invoker=true' = any(c.reloptions)"))
                    .as("views that read with the caller's row-level security").containsAll(UnscopedQueries.VIEWS);
            List<String> withoutRls = new ArrayList<>(UnscopedQueries.TABLES);
            withoutRls.add("tenant");
            withoutRls.removeAll(strings(c, "select relname from pg_class where relrowsecurity and relkind = 'r'"));
            assertThat(withoutRls).as("tenant-owned tables without row-level security").isEmpty();
        }
    }

    @Test
    void anUnfilteredJdbcQuerySeesOnlyTheCurrentTenantsRowsAndNothingWithoutATenant() throws Exception {
        TestTenant a = tenantWithData("rls jdbc a", null);
        TestTenant b = tenantWithData("rls jdbc b", null);
        for (TestTenant t : List.of(a, b)) {
            UserTransaction tx = userTransaction();
            tx.begin();
            try {
                selection.asPlatform(t.id());
                try (Connection c = connections.forCurrentTenant()) {
                    // The queue drains within a second: a mark of this transaction (uncommitted, so no
                    // worker takes it) makes sure the tenant has a row there too.
                    PendingAttribution.mark(c, t.id(), List.of("rls-queued"));
                    addSummaryRollupRows(c, t.id());
                    addRollupDelta(c, t.id());
                    for (String table : allTenantOwned()) {
                        assertThat(strings(c, "select distinct tenant_id from " + table))
                                .as("tenants in %s, acting for %s", table, t.name()).containsExactly(t.id());
                    }
                    assertThat(strings(c, "select id from tenant")).as("tenant rows").containsExactly(t.id());
                }
            } finally {
                tx.rollback();
            }
        }

        // A transaction that set no tenant (the setting of the ones before ended with them): nothing.
        UserTransaction tx = userTransaction();
        tx.begin();
        try (Connection c = dataSource().getConnection()) {
            assertThat(strings(c, "select current_setting('app.tenant_id', true)")).containsAnyOf("", null);
            for (String table : allTenantOwned()) {
                assertThat(strings(c, "select count(*) from " + table)).as("rows of %s without a tenant", table)
                        .containsExactly("0");
            }
            assertThat(strings(c, "select count(*) from tenant")).as("tenant rows without a tenant").containsExactly("0");
        } finally {
            tx.rollback();
        }
    }

    @Test
    void rowsOfAnotherTenantCanNeitherBeWrittenNorChanged() throws Exception {
        TestTenant a = tenantWithData("rls write a", null);
        TestTenant b = tenantWithData("rls write b", null);
        UserTransaction tx = userTransaction();
        tx.begin();
        try {
            selection.asPlatform(a.id());
            try (Connection c = connections.forCurrentTenant()) {
                // Without a where: only A's rows are touched.
                try (PreparedStatement update = c.prepareStatement("update touchpoint set channel = channel")) {
                    // two from the events API, the tracked link's click
                    assertThat(update.executeUpdate()).as("touchpoints updated").isEqualTo(3);
                }
                try (PreparedStatement forged = c.prepareStatement(
                        "insert into campaign (tenant_id, name, channel) values (?, 'forged', 'Email')")) {
                    forged.setString(1, b.id());
                    assertThatThrownBy(forged::executeUpdate).isInstanceOf(SQLException.class)
                            .hasMessageContaining("row-level security");
                }
            }
        } finally {
            tx.rollback();
        }
    }

    @Test
    void anUnfilteredNativeJpaQuerySeesOnlyTheCurrentTenantsRows() throws Exception {
        TestTenant a = tenantWithData("rls jpa a", null);
        TestTenant b = tenantWithData("rls jpa b", null);

        // One transaction switching tenants: each switch (TenantSelection, as the interceptor does
        // before every business method) reaches the connection EclipseLink reads through.
        UserTransaction tx = userTransaction();
        tx.begin();
        try {
            selection.asPlatform(b.id());
            try (Connection c = connections.forCurrentTenant()) {
                PendingAttribution.mark(c, b.id(), List.of("rls-queued")); // uncommitted: the worker cannot drain it
                addSummaryRollupRows(c, b.id());
                addRollupDelta(c, b.id());
            }
            for (String table : allTenantOwned()) {
                assertThat(unscoped.tenantIds(table)).as("%s for B", table).containsExactly(b.id());
            }
            assertThat(unscoped.tenantRows()).containsExactly(b.id());
            selection.asPlatform(a.id());
            assertThat(unscoped.tenantIds("touchpoint")).containsExactly(a.id());
            assertThat(unscoped.tenantIds("api_key")).containsExactly(a.id());
            assertThat(unscoped.tenantRows()).containsExactly(a.id());
        } finally {
            tx.rollback();
        }

        // A product method in a transaction of its own: the interceptor's setting reaches EclipseLink.
        // (Tenant is not an EclipseLink multitenant entity: only row-level security picks its row.)
        assertThat(tenants.current().getId()).isEqualTo(a.id());
    }

    @Test
    void theInterceptorRefusesAnUndeclaredMethodAndACallerWithoutThePermission() {
        assertThatThrownBy(() -> probe.undeclared()).as("a business method that declares nothing")
                .isInstanceOf(EJBException.class).hasStackTraceContaining("declares neither @RequiresPermission");
        assertThatThrownBy(() -> probe.declared()).as("a declared method without a tenant")
                .isInstanceOf(CurrentTenant.NoTenantException.class);
        // A real service, without a tenant.
        assertThatThrownBy(() -> apiKeys.list()).isInstanceOf(CurrentTenant.NoTenantException.class);

        TestTenant t = tenantWithData("rls refusals", null);
        TestTenant other = tenantWithData("rls refusals other", null);
        String email = "viewer-" + UUID.randomUUID() + "@rls.example";
        fixture.invite(t.id(), email, TenantRole.VIEWER);
        Caller viewer = new Caller("rls-subject-" + UUID.randomUUID(), email, true, false);
        assertThat(access.tenantsOf(viewer)).as("the viewer's invitation, bound at sign-in").singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(TenantRole.VIEWER));
        assertThat(selection.asMember(viewer, t.id())).isPresent();

        assertThat(campaigns.list()).as("a viewer reads").hasSize(1);
        assertThatThrownBy(() -> apiKeys.list()).as("a viewer managing keys").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tenants.createAgency("by a viewer")).as("a platform job called by a person")
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> selection.asPlatform(t.id())).as("a person's request becoming the platform")
                .isInstanceOf(ForbiddenException.class);
        assertThat(selection.asMember(viewer, other.id())).as("a tenant the viewer has no role in").isEmpty();
    }

    @Test
    void thePortfolioIsEachAdministeredClientsOwnKpisInOneQuery() {
        TestTenant first = tenantWithData("rls portfolio berlin", null, ZoneId.of("Europe/Berlin"));
        TestTenant second = tenantWithData("rls portfolio new york", first.agencyId(), ZoneId.of("America/New_York"));
        tenantWithData("rls portfolio other agency", null);
        String email = "admin-" + UUID.randomUUID() + "@rls.example";
        fixture.addAgencyAdmin(first.agencyId(), email);
        Caller admin = new Caller("rls-admin-" + UUID.randomUUID(), email, true, false);

        Instant now = Instant.now();
        List<ClientKpis> lines = portfolio.portfolio(admin, 30, now);

        assertThat(lines).extracting(ClientKpis::tenantId).containsExactlyInAnyOrder(first.id(), second.id());
        for (ClientKpis line : lines) {
            selection.asPlatform(line.tenantId());
            ZoneId zone = ZoneId.of(line.timeZone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            assertThat(line.kpis()).as("%s: the portfolio's figures against the client's own report", line.name())
                    .isEqualTo(reports.kpis(new ReportPeriod(today.minusDays(29), today, zone)));
            // One touchpoint and one 25.00 purchase in the period; the touchpoint of 40 days ago is outside.
            assertThat(line.kpis().touchpoints()).isEqualTo(1);
            assertThat(line.kpis().conversions()).isEqualTo(1);
            assertThat(line.kpis().revenue()).isEqualTo(25.00);
        }
        assertThat(portfolio.portfolio(new Caller("rls-nobody-" + UUID.randomUUID(), null, false, false), 30, now))
                .as("someone who administers no agency").isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Rows of this transaction in the summary's roll-ups (visits, V14; conversions, V16): the folder moves
     * committed deltas into visit_daily and conversion_daily within seconds, so which of the two holds a
     * tenant's rows at a given moment is not known; an uncommitted row in each (a day no test touches)
     * makes sure all do.
     */
    private static void addSummaryRollupRows(Connection c, String tenantId) throws SQLException {
        addCallTrackingRows(c, tenantId);
        addOfflineConversionRows(c, tenantId);
        addCartRecoveryRows(c, tenantId);
        addAdCostRows(c, tenantId);
        addReportScheduleRows(c, tenantId);
        addAccuracyAuditRows(c, tenantId);
        addTagHealthRows(c, tenantId);
        addDebugRows(c, tenantId);
        for (String sql : List.of(
                "insert into visit_daily_delta (tenant_id, minute_start, visits) "
                        + "values (?, timestamptz '2000-01-01 00:00:00+00', 0)",
                "insert into visit_daily (tenant_id, day, visits) values (?, date '2000-01-01', 0) on conflict do nothing",
                "insert into conversion_daily_delta (tenant_id, action_id, minute_start, visit_minute_start, "
                        + "conversions, value, converted_visits) values (?, 0, timestamptz '2000-01-01 00:00:00+00', null, 0, 0, 0)",
                "insert into conversion_daily (tenant_id, action_id, day, visit_day, conversions, value, converted_visits) "
                        + "values (?, 0, date '2000-01-01', date '2000-01-01', 0, 0, 0) on conflict do nothing",
                // V19's conversion ledger (no foreign key to the conversion: a retracted one is gone)
                "insert into conversion_adjustment (tenant_id, kind, order_id, action_id, conversion_id, converted_at, "
                        + "adjusted_at, value_before, value_after, currency, source, dedupe_key) values (?, 'RETRACT', "
                        + "'rls-order', 0, 0, now(), now(), 1, 0, 'USD', 'API', 'rls-adjustment')")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Call tracking's rows (V18), uncommitted like the roll-up rows above: a pool with a number held by a
     * session, an exhaustion, the webhook account and a call. Numbers are unique over all tenants, and no
     * other test uses these; each test's rows are rolled back before the next tenant's are added.
     */
    private static void addCallTrackingRows(Connection c, String tenantId) throws SQLException {
        for (String sql : List.of(
                "insert into number_pool (tenant_id, name, swap_target, fallback_number) "
                        + "values (?, 'rls pool', '+18005556000', '+18005556000')",
                "insert into tracking_number (tenant_id, number, forwards_to, kind, pool_id) select ?, '+18005556001', "
                        + "'+18005556000', 'POOL', id from number_pool where name = 'rls pool'",
                "insert into number_hold (tenant_id, number_id, pool_id, visitor_id, session_id, held_from, held_until, channel) "
                        + "select ?, n.id, n.pool_id, 'rls-v', 'rls-s', now(), now() + interval '30 minutes', 'Direct' "
                        + "from tracking_number n where n.number = '+18005556001'",
                "insert into pool_exhaustion (tenant_id, pool_id) select ?, id from number_pool where name = 'rls pool'",
                "insert into call_webhook (tenant_id, account_id, signing_secret, caller_key) "
                        + "values (?, 'acct_rls' || md5(random()::text), repeat('s', 16), repeat('k', 32)) on conflict do nothing",
                "insert into call (tenant_id, provider_call_id, called_number, started_at, duration_seconds, status, "
                        + "attribution, first_time, qualified) values (?, 'rls-call', '+18005556001', now(), 1, 'MISSED', "
                        + "'UNATTRIBUTED', true, false)")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Offline conversions' rows (V19), uncommitted as above: an upload, a conversion's identity, a ledger row,
     * a destination with an action, an upload result and a request.
     */
    private static void addOfflineConversionRows(Connection c, String tenantId) throws SQLException {
        for (String sql : List.of(
                "insert into offline_import (tenant_id, source) values (?, 'CSV')",
                "insert into conversion_identity (tenant_id, conversion_id, matched_by, normalisers) "
                        + "select k.tenant_id, k.id, 'NONE', 'rls' from conversion k where k.tenant_id = ? limit 1",
                "insert into conversion_adjustment (tenant_id, kind, order_id, action_id, conversion_id, converted_at, "
                        + "adjusted_at, value_before, value_after, currency, source, dedupe_key) "
                        + "values (?, 'RETRACT', 'rls-order', 0, 0, now(), now(), 1, 0, 'USD', 'API', 'rls')",
                "insert into destination (tenant_id, platform) values (?, 'META')",
                "insert into destination_action (tenant_id, platform, action_id, platform_name) "
                        + "select a.tenant_id, 'META', a.id, 'Purchase' from conversion_action a where a.tenant_id = ? limit 1",
                "insert into destination_upload (tenant_id, platform, kind, item_id, status) "
                        + "values (?, 'META', 'CONVERSION', 0, 'ACCEPTED')",
                "insert into destination_request (tenant_id, platform, rows, outcome) values (?, 'META', 0, 'rls')")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * SMS cart recovery's rows (V20), uncommitted as above: a flow on the tenant's first actions and campaign, a
     * checkout's details, a cart of one of its conversions with a text and its attempt, a suppressed number.
     */
    /** Ad cost's rows (V21), uncommitted as above: an upload and one campaign day of its cost. */
    private static void addAdCostRows(Connection c, String tenantId) throws SQLException {
        for (String sql : List.of(
                "insert into ad_cost_import (tenant_id, layout, currency) values (?, 'plain', 'USD')",
                "insert into ad_cost (tenant_id, platform, day, campaign, channel, cost, currency, import_id) "
                        + "select i.tenant_id, 'plain', date '2000-01-01', 'rls', 'Paid Search', 1, 'USD', i.id "
                        + "from ad_cost_import i where i.tenant_id = ? limit 1")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    /** The accuracy audit's rows (V30), uncommitted as above: an upload, one order, one platform row, the setting. */
    private static void addAccuracyAuditRows(Connection c, String tenantId) throws SQLException {
        for (String sql : List.of(
                "insert into accuracy_import (tenant_id, kind, layout) values (?, 'store_orders', 'plain')",
                "insert into store_order (tenant_id, order_id, placed_at, value, currency, status, source_status, "
                        + "import_id) select i.tenant_id, 'rls', now(), 1, 'USD', 'PAID', 'paid', i.id "
                        + "from accuracy_import i where i.tenant_id = ? limit 1",
                "insert into platform_conversion (tenant_id, platform, day, campaign, conversions, currency, basis, "
                        + "import_id) select i.tenant_id, 'google_ads', date '2000-01-01', 'rls', 1, 'USD', 'CLICK', "
                        + "i.id from accuracy_import i where i.tenant_id = ? limit 1",
                "insert into accuracy_setting (tenant_id, threshold_percent) values (?, 20)")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    /** A scheduled summary e-mail (V29), uncommitted as above. */
    private static void addReportScheduleRows(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into report_schedule (tenant_id, recipients, frequency, "
                + "model, send_hour, next_run_at) values (?, array['rls@example.com'], 'weekly', 'last_touch', 8, "
                + "now() + interval '1 day')")) {
            ps.setString(1, tenantId);
            ps.executeUpdate();
        }
    }

    /** An hour of the tag-health roll-up, an alert and alert settings (V31), uncommitted as above. */
    private static void addTagHealthRows(Connection c, String tenantId) throws SQLException {
        for (String sql : List.of(
                "insert into tag_health_hour (tenant_id, host, hour, hits) values (?, 'rls.example', "
                        + "timestamptz '2000-01-01 00:00:00+00', 1) on conflict do nothing",
                "insert into alert (tenant_id, check_name, subject, message) values (?, 'hits_dropped', 'rls.example', "
                        + "'rls') on conflict do nothing",
                "insert into alert_settings (tenant_id, muted) values (?, true) on conflict do nothing")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    /** A debug session of the tenant's first site and one debug hit (V32), uncommitted as above. */
    private static void addDebugRows(Connection c, String tenantId) throws SQLException {
        for (String sql : List.of(
                "insert into debug_session (tenant_id, id, site_id, expires_at) select s.tenant_id, "
                        + "'dbg_rls' || substr(md5(random()::text), 1, 15), s.id, now() from site s "
                        + "where s.tenant_id = ? order by s.id limit 1",
                "insert into debug_hit (tenant_id, session_id, hit_type, outcome) values (?, 'dbg_rls', 'PAGE_VIEW', 'new')")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    private static void addCartRecoveryRows(Connection c, String tenantId) throws SQLException {
        for (String sql : List.of(
                "insert into campaign (tenant_id, name, channel) values (?, 'rls recovery', 'SMS') on conflict do nothing",
                "insert into recovery_flow (tenant_id, name, trigger_action_id, purchase_action_id, wait_minutes, steps, "
                        + "sender, webhook_url, webhook_secret, hook_key, campaign_id) select a.tenant_id, 'rls flow', a.id, "
                        + "a.id, 30, '[{\"after_minutes\":30,\"message\":\"{link}\"}]', 'WEBHOOK', 'https://sms.example', "
                        + "repeat('s', 16), 'rls' || md5(random()::text), k.id from conversion_action a "
                        + "join campaign k on k.tenant_id = a.tenant_id and k.name = 'rls recovery' where a.tenant_id = ? limit 1",
                "insert into recovery_checkout (tenant_id, event_id, occurred_at, sms_consent) values (?, 'rls-checkout', now(), true)",
                "insert into recovery_cart (tenant_id, flow_id, conversion_id, event_id, triggered_at, abandoned_at, value, "
                        + "currency, state) select f.tenant_id, f.id, 0, 'rls-checkout', now(), now(), 1, 'USD', 'ABANDONED' "
                        + "from recovery_flow f where f.tenant_id = ? and f.name = 'rls flow'",
                "insert into recovery_message (tenant_id, cart_id, flow_id, step, due_at, next_attempt_at, message_key) "
                        + "select r.tenant_id, r.id, r.flow_id, 1, now(), now() + interval '1 day', gen_random_uuid() "
                        + "from recovery_cart r where r.tenant_id = ? and r.event_id = 'rls-checkout'",
                "insert into recovery_attempt (tenant_id, message_id, attempt, outcome) select m.tenant_id, m.id, 1, 'RETRY' "
                        + "from recovery_message m join recovery_cart r on r.tenant_id = m.tenant_id and r.id = m.cart_id "
                        + "where m.tenant_id = ? and r.event_id = 'rls-checkout'",
                "insert into sms_suppression (tenant_id, phone_hash, reason) values (?, repeat('a', 64), 'STOP')")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenantId);
                ps.executeUpdate();
            }
        }
    }

    private static List<String> allTenantOwned() {
        List<String> all = new ArrayList<>(UnscopedQueries.TABLES);
        all.addAll(UnscopedQueries.VIEWS);
        return all;
    }

    /**
     * A roll-up delta of this transaction (V15): the worker folds committed deltas within seconds, so
     * the tests that need a row there add an uncommitted one, as for the pending marks.
     */
    private static void addRollupDelta(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into credit_daily_delta (tenant_id, model, day, action_id, "
                + "channel, campaign, source_medium, conversions, revenue, credits) "
                + "values (?, 'linear', current_date, 0, 'Email', '', '(direct) / (none)', 0, 0, 0)")) {
            ps.setString(1, tenantId);
            ps.executeUpdate();
        }
    }

    private TestTenant tenantWithData(String label, String agencyId) {
        return tenantWithData(label, agencyId, ZoneId.of("UTC"));
    }

    /**
     * A tenant with rows in every tenant-owned table: its key, default action, a campaign, an
     * invited member and audit entries, two touchpoints (yesterday and 40 days ago) and a purchase
     * of 25.00 yesterday with their receipts, the visitor's identity link and, once the attribution
     * worker is done (awaited here), their credits; a site, and through the collector a custom
     * event with an order id and an identify (custom event, order receipt, collection count); a tracked
     * link and, through the collector, a click on it 40 days ago (a third touchpoint, outside the portfolio's period; a link_click);
     * a path analysis. (The pending marks are gone by then; the tests
     * that need one add it in their own transaction.)
     */
    private TestTenant tenantWithData(String label, String agencyId, ZoneId zone) {
        TestTenant t = fixture.create(agencyId, label, zone, "EUR", EnumSet.allOf(ApiKeyScope.class), List.of());
        fixture.invite(t.id(), "member-" + UUID.randomUUID() + "@rls.example", TenantRole.ANALYST);
        selection.asPlatform(t.id());
        long campaignId = campaigns.create("Spring " + t.id(), "Email", "newsletter", "email", "spring").getId();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        IngestionReport report = ingestion.ingest(List.of(
                touch("old", yesterday.minus(Duration.ofDays(39))),
                touch("t1", yesterday),
                new EventInput("c1", "conversion", yesterday.plusSeconds(600).toString(), "v1", null, null, null, null,
                        null, null, null, null, null, null, null, null, "purchase", new BigDecimal("25.00"), null, "o1")),
                List.of());
        assertThat(report.accepted()).as("%s", report).isEqualTo(3);
        // The collection tables (V4): a site, a custom event with an order id, an identify.
        sites.create("Site of " + t.name(), List.of("shop.example"), true);
        // V6: a tracked link and a click on it (link_click, through the collector).
        TrackedLink link = trackedLinks.create(campaignId, "https://shop.example/rls", Utm.NONE);
        String clickId = "rls-click-" + t.id();
        try {
            assertThat(collector.collect(t.id(), List.of(
                    CollectedHit.builder(WayIn.LINK, HitType.CLICK).eventId(clickId).visitorId(clickId)
                            .startsVisit(true).trackedLinkId(link.id()).occurredAt(yesterday.minus(Duration.ofDays(39)))
                            .url(TrackedLinkRedirect.target(link.destination(), null, clickId)).build(),
                    CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventId("ce1").visitorId("v1").eventName("refund")
                            .orderId("o1").propertiesJson("{\"reason\":\"size\"}").occurredAt(yesterday).build(),
                    CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).eventId("id1").visitorId("v1").userId("u1").build()))
                    .get(60, TimeUnit.SECONDS)).containsOnly(HitOutcome.STORED);
        } catch (Exception e) {
            throw new AssertionError("collecting the test hits failed", e);
        }
        // V9: a path analysis (path_analysis, path_analysis_credit).
        pathAnalyses.create("rls.csv", new ByteArrayInputStream("a > b;1;2;3\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, ';');
        // V8: a data-driven run asked for (data_driven_run); credit_daily fills as credits are stored.
        long run = dataDrivenRuns.request().id();
        fixture.awaitAttribution(t.id());
        // V15: the run's credits (data_driven_credit) once it is done
        Waits.until(() -> !dataDrivenRuns.get(run).open(), TrackerClient.ATTRIBUTION_TIMEOUT,
                () -> "data-driven run " + run + " of " + t.id() + " did not finish: " + dataDrivenRuns.get(run));
        assertThat(dataDrivenRuns.get(run).status()).isEqualTo("SUCCEEDED");
        return t;
    }

    private static EventInput touch(String id, Instant at) {
        return new EventInput(id, "touchpoint", at.toString(), "v1", null, null, "newsletter", "email", "spring",
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static DataSource dataSource() throws NamingException {
        return InitialContext.doLookup("jdbc/tracker");
    }

    private static UserTransaction userTransaction() throws NamingException {
        return InitialContext.doLookup("java:comp/UserTransaction");
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<String> row(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        }
    }
}
