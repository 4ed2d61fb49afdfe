package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.application.tenant.TenantSelection;
import io.tracker.application.tracking.collection.BotDetector;
import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.CollectionDay;
import io.tracker.application.tracking.collection.CollectionCountService;
import io.tracker.application.tracking.collection.CollectionKeys;
import io.tracker.application.tracking.collection.CollectionUnavailableException;
import io.tracker.application.tracking.collection.Collector;
import io.tracker.application.tracking.collection.CollectorSettings;
import io.tracker.application.tracking.collection.HitOutcome;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.application.tracking.collection.QueueFullException;
import io.tracker.application.tracking.collection.Site;
import io.tracker.application.tracking.collection.SiteContext;
import io.tracker.application.tracking.collection.SiteService;
import io.tracker.application.tracking.collection.WriteKey;
import io.tracker.domain.tenant.ApiKeyScope;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.WayIn;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TenantFixture;
import io.tracker.it.support.TestTenant;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
 * The collection core in the container: hits go through the real {@link Collector} (the application's,
 * or one made here with a tiny queue) into the real PostgreSQL, as the application role under row-level
 * security; what is stored is read back with plain SQL. Each test makes its own tenants. Expected
 * values are written down from the hits the test sends.
 */
@ExtendWith(ArquillianExtension.class)
class CollectorIT {

    private static final String BROWSER =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.tracker(CollectorIT.class);
    }

    @Inject
    private Collector collector;

    @Inject
    private CollectionKeys keys;

    @Inject
    private BotDetector bots;

    @Inject
    private TenantFixture fixture;

    @EJB
    private TenantSelection selection;

    @EJB
    private SiteService sites;

    @EJB
    private CollectionCountService counts;

    @Test
    void aLandingPageViewIsATouchpointWithEveryClickIdInItsOwnColumn() throws Exception {
        TestTenant t = tenant("collect touchpoint");
        String url = "https://shop.example/landing?utm_source=Android%20App&utm_medium=cpc&utm_campaign=no%2520code"
                + "&gclid=TeSt-Gclid_1&gbraid=0AAAAAgbRAID&wbraid=WbRaId-9";
        CollectedHit hit = CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("tp-1").visitorId("v-1")
                .sessionId("s-1").startsVisit(true).url(url).referrer("https://www.google.com/")
                .clickIds(new ClickIds(null, null, null, "FbClid", "MsClk", "TtClid", "LiFat", "trk-77"))
                .occurredAt(Instant.parse("2026-03-01T12:30:00Z")).userAgent(BROWSER).build();

        assertThat(collect(t.id(), hit)).containsExactly(HitOutcome.STORED);

        List<Map<String, String>> rows = rows(t.id(), "select event_id, visitor_id, session_id, occurred_at, channel, "
                + "campaign, utm_source, utm_medium, utm_campaign, url, referrer, gclid, gbraid, wbraid, fbclid, msclkid, "
                + "ttclid, li_fat_id, trk, way_in from touchpoint");
        assertThat(rows).hasSize(1);
        Map<String, String> row = rows.get(0);
        assertThat(row).containsEntry("event_id", "tp-1").containsEntry("visitor_id", "v-1")
                .containsEntry("session_id", "s-1").containsEntry("channel", "Paid Search")
                .containsEntry("utm_source", "Android App").containsEntry("utm_medium", "cpc")
                .containsEntry("utm_campaign", "no%20code").containsEntry("campaign", "no%20code")
                .containsEntry("url", url).containsEntry("referrer", "https://www.google.com/")
                .containsEntry("gclid", "TeSt-Gclid_1").containsEntry("gbraid", "0AAAAAgbRAID")
                .containsEntry("wbraid", "WbRaId-9").containsEntry("fbclid", "FbClid").containsEntry("msclkid", "MsClk")
                .containsEntry("ttclid", "TtClid").containsEntry("li_fat_id", "LiFat").containsEntry("trk", "trk-77")
                .containsEntry("way_in", "TAG");
        assertThat(Instant.parse(rows(t.id(), "select to_char(occurred_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') as at from touchpoint").get(0).get("at")))
                .isEqualTo(Instant.parse("2026-03-01T12:30:00Z"));
        // The attribution worker may already have claimed v-1's mark (it polls every 500 ms), so only
        // what must never be there is checked: bots, rejected and cookieless hits mark nobody.
        assertThat(strings(t.id(), "select visitor_id from attribution_pending")).isSubsetOf("v-1");
    }

    @Test
    void anOrderIdCountsOncePerActionFromBrowserAndServer() throws Exception {
        TestTenant t = tenant("collect orders");
        CollectedHit browser = CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).eventId("b-1").visitorId("v-1")
                .actionKey("purchase").value(new BigDecimal("49.90")).orderId("A-1000").userAgent(BROWSER).build();
        CollectedHit server = CollectedHit.builder(WayIn.SEGMENT, HitType.CONVERSION).eventId("s-1").visitorId("v-1")
                .actionKey("purchase").value(new BigDecimal("49.90")).orderId("A-1000").build();
        CollectedHit reload = CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).eventId("b-1").visitorId("v-1")
                .actionKey("purchase").value(new BigDecimal("49.90")).orderId("A-1000").build();
        CollectedHit sameOrderOtherAction = CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventId("b-2")
                .visitorId("v-1").eventName("add_to_cart").orderId("A-1000").propertiesJson("{\"sku\":\"K-1\"}").build();

        assertThat(collect(t.id(), browser)).containsExactly(HitOutcome.STORED);
        assertThat(collect(t.id(), server)).as("the server's copy of the same order").containsExactly(HitOutcome.DUPLICATE);
        assertThat(collect(t.id(), reload)).as("the reloaded thank-you page").containsExactly(HitOutcome.DUPLICATE);
        assertThat(collect(t.id(), sameOrderOtherAction)).containsExactly(HitOutcome.STORED);

        assertThat(rows(t.id(), "select a.action_key, c.order_id, c.value::text as value, c.event_id, c.way_in "
                + "from conversion c join conversion_action a on a.id = c.action_id order by a.action_key"))
                .containsExactly(
                        Map.of("action_key", "add_to_cart", "order_id", "A-1000", "value", "0.00", "event_id", "b-2",
                                "way_in", "TAG"),
                        Map.of("action_key", "purchase", "order_id", "A-1000", "value", "49.90", "event_id", "b-1",
                                "way_in", "TAG"));
        assertThat(rows(t.id(), "select name, properties::text as properties from custom_event"))
                .containsExactly(Map.of("name", "add_to_cart", "properties", "{\"sku\": \"K-1\"}"));
        assertThat(day(t)).isEqualTo(new CollectionDay(today(t), 4, 2, 2, 0, 0, 0, 0));
    }

    @Test
    void theSameEventNameAndOrderIdCountsOnceWithin48Hours() throws Exception {
        TestTenant t = tenant("collect 48h");
        CollectedHit fromBrowser = refund("b-1", WayIn.TAG);
        CollectedHit fromServer = refund("s-1", WayIn.SEGMENT);

        assertThat(collect(t.id(), fromBrowser)).containsExactly(HitOutcome.STORED);
        assertThat(collect(t.id(), fromServer)).containsExactly(HitOutcome.DUPLICATE);
        // Two days later the pair is a new event (received_at moved back as if 49 hours had passed).
        update(t.id(), "update order_receipt set received_at = now() - interval '49 hours'");
        assertThat(collect(t.id(), refund("s-2", WayIn.SEGMENT))).containsExactly(HitOutcome.STORED);

        assertThat(strings(t.id(), "select event_id from custom_event order by id")).containsExactly("b-1", "s-2");
    }

    @Test
    void identifyLinksTheVisitorToTheUserAndTheHashedEmail() throws Exception {
        TestTenant t = tenant("collect identify");
        String email = "  Jane.Doe@Example.COM ";
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(email.trim().toLowerCase().getBytes(StandardCharsets.UTF_8)));
        CollectedHit identify = CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).eventId("id-1").visitorId("v-9")
                .userId("u-42").emailSha256(hash.toUpperCase()).build();
        CollectedHit again = CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).eventId("id-2").visitorId("v-9")
                .userId("u-42").build();
        CollectedHit otherDevice = CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).eventId("id-3")
                .visitorId("v-10").userId("u-42").build();

        assertThat(collect(t.id(), identify, again, otherDevice))
                .containsExactly(HitOutcome.STORED, HitOutcome.STORED, HitOutcome.STORED);

        assertThat(rows(t.id(), "select visitor_id, person_key from identity_link order by visitor_id, person_key"))
                .containsExactly(Map.of("visitor_id", "v-10", "person_key", "user:u-42"),
                        Map.of("visitor_id", "v-9", "person_key", "email:" + hash),
                        Map.of("visitor_id", "v-9", "person_key", "user:u-42"));
        assertThat(strings(t.id(), "select visitor_id from attribution_pending order by 1"))
                .containsExactly("v-10", "v-9");
    }

    @Test
    void duplicatesBotsPrefetchesRejectionsAndCookielessHitsAreCountedPerDay() throws Exception {
        TestTenant t = tenant("collect counts");
        CollectedHit visit = CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("p-1").visitorId("v-1")
                .startsVisit(true).url("https://shop.example/?utm_source=newsletter&utm_medium=email").userAgent(BROWSER)
                .build();
        CollectedHit crawler = CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("p-2").visitorId("v-2")
                .startsVisit(true).url("https://shop.example/").userAgent(GOOGLEBOT).build();
        CollectedHit prefetch = CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("p-3").visitorId("v-3")
                .startsVisit(true).url("https://shop.example/next").userAgent(BROWSER).prefetch(true).build();
        CollectedHit cookieless = CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("p-4")
                .sessionId("must-not-be-stored").startsVisit(true).url("https://shop.example/?gclid=CL1")
                .userAgent(BROWSER).build();
        CollectedHit cookielessView = CollectedHit.builder(WayIn.PIXEL, HitType.PAGE_VIEW).eventId("p-5")
                .url("https://shop.example/cart").build();
        CollectedHit bad = CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventId("p-6").visitorId("v-1").build();

        List<HitOutcome> outcomes = collect(t.id(), visit, crawler, prefetch, cookieless, cookielessView, bad, visit);

        assertThat(outcomes).containsExactly(HitOutcome.STORED, HitOutcome.BOT, HitOutcome.BOT, HitOutcome.STORED,
                HitOutcome.STORED, HitOutcome.rejected("an event needs a name"), HitOutcome.DUPLICATE);
        assertThat(day(t)).isEqualTo(new CollectionDay(today(t), 7, 3, 1, 2, 1, 2, 1));
        assertThat(strings(t.id(), "select event_id from touchpoint order by event_id")).containsExactly("p-1", "p-4");
        assertThat(rows(t.id(), "select event_id, visitor_id, session_id, gclid from touchpoint where event_id = 'p-4'"))
                .as("a cookieless touchpoint keeps no identifier")
                .containsExactly(mapOf("event_id", "p-4", "visitor_id", null, "session_id", null, "gclid", "CL1"));
        assertThat(rows(t.id(), "select name, visitor_id, session_id, url, way_in from custom_event"))
                .containsExactly(mapOf("name", "page_view", "visitor_id", null, "session_id", null,
                        "url", "https://shop.example/cart", "way_in", "PIXEL"));
        assertThat(strings(t.id(), "select event_id from event_receipt order by 1"))
                .as("bots and rejected hits claim nothing").containsExactly("p-1", "p-4", "p-5");
        // The attribution worker may already have claimed v-1's mark (it polls every 500 ms), so only
        // what must never be there is checked: bots, rejected and cookieless hits mark nobody.
        assertThat(strings(t.id(), "select visitor_id from attribution_pending")).isSubsetOf("v-1");

        // A second batch the same day adds to the same row.
        collect(t.id(), crawler, visit);
        assertThat(day(t)).isEqualTo(new CollectionDay(today(t), 9, 3, 2, 3, 1, 2, 1));
    }

    @Test
    void concurrentCallersStoreEveryEventExactlyOnce() throws Exception {
        TestTenant a = tenant("collect concurrent a");
        TestTenant b = tenant("collect concurrent b");
        int threads = 16;
        int callsPerThread = 40;
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        List<Future<List<HitOutcome>>> calls = new ArrayList<>();
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        long transactionsBefore = collector.stats().transactions();
        for (int th = 0; th < threads; th++) {
            int thread = th;
            calls.add(executor.submit(() -> {
                List<HitOutcome> outcomes = new ArrayList<>();
                for (int i = 0; i < callsPerThread; i++) {
                    // Event ids 0..319 per tenant, each sent by two threads (thread and thread ^ 1).
                    int n = (thread / 2) * callsPerThread + i;
                    TestTenant tenant = n % 2 == 0 ? a : b;
                    String id = "c-" + n;
                    sent.add(tenant.id() + "/" + id);
                    outcomes.addAll(collector.collect(tenant.id(), List.of(CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW)
                            .eventId(id).visitorId("v-" + n % 7).startsVisit(true).url("https://shop.example/?n=" + n)
                            .build())).get(60, TimeUnit.SECONDS));
                }
                return outcomes;
            }));
        }
        List<HitOutcome> all = new ArrayList<>();
        for (Future<List<HitOutcome>> call : calls) {
            all.addAll(call.get(120, TimeUnit.SECONDS));
        }

        int total = threads * callsPerThread;
        Set<String> distinct = Set.copyOf(sent);
        assertThat(distinct).hasSize(total / 2);
        assertThat(all).hasSize(total);
        assertThat(all.stream().filter(o -> o.equals(HitOutcome.STORED)).count()).isEqualTo(total / 2);
        assertThat(all.stream().filter(o -> o.equals(HitOutcome.DUPLICATE)).count()).isEqualTo(total / 2);
        for (TestTenant t : List.of(a, b)) {
            List<String> expected = distinct.stream().filter(s -> s.startsWith(t.id() + "/"))
                    .map(s -> s.substring(t.id().length() + 1)).sorted().toList();
            assertThat(strings(t.id(), "select event_id from touchpoint order by event_id"))
                    .as("%s: every event id once", t.name()).containsExactlyElementsOf(expected);
            assertThat(day(t)).isEqualTo(new CollectionDay(today(t), expected.size() * 2L, expected.size(),
                    expected.size(), 0, 0, 0, 0));
        }
        // Page views with event ids, per tenant: set, claim, touchpoints, mark, count, tag-health roll-up; and the
        // commit.
        assertThat(collector.stats().lastRoundTrips()).isLessThanOrEqualTo(1 + 6 * collector.stats().lastTenants());
        assertThat(collector.stats().transactions() - transactionsBefore)
                .as("group commit: fewer transactions than calls").isPositive().isLessThan(total);
    }

    @Test
    void theHeapStaysBoundedWithBotDetectionBuiltAndAFullQueue() throws Exception {
        TestTenant t = tenant("collect heap");
        bots.warmUp();
        // Fill a queue of 2,000 large hits (8 KB URLs, 16 KB properties) that no writer drains.
        DataSource dataSource = InitialContext.doLookup("jdbc/tracker");
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        Collector idle = new Collector(CollectorSettings.DEFAULTS.withQueueCapacity(2_000), dataSource, threads,
                executor, bots);
        String url = "https://shop.example/?q=" + "u".repeat(8_000);
        String properties = "{\"p\":\"" + "x".repeat(16_000) + "\"}";
        Runtime runtime = Runtime.getRuntime();
        // The suite's server already holds what earlier deployments left behind: what counts is what the full
        // queue adds to the heap after a collection, next to the queue's own bound.
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        int queued = 0;
        try {
            for (int i = 0; i < 2_000; i++) {
                try {
                    idle.collect(t.id(), List.of(CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventId("h-" + i)
                            .visitorId("v").eventName("big").url(url + i).propertiesJson(properties).build()));
                    queued++;
                } catch (QueueFullException full) {
                    break;
                }
            }
            System.gc();
            long used = runtime.totalMemory() - runtime.freeMemory();
            String figures = String.format("heap after GC: %d MB used of %d MB max (%d MB before), %d large hits queued "
                    + "(%d MB estimated)", used >> 20, runtime.maxMemory() >> 20, before >> 20, queued,
                    idle.stats().queuedBytes() >> 20);
            java.util.logging.Logger.getLogger(CollectorIT.class.getName()).info(figures);
            assertThat(idle.stats().queuedBytes()).as("the queue's memory bound").isLessThanOrEqualTo(64L << 20);
            assertThat(queued).as("stopped by the memory bound before the hit count").isLessThan(2_000);
            // The queue stops at its estimate of 64 MB (the two lines above); what it really holds may differ by
            // object headers and copies, but not by more than a small factor, or the estimate does not bound memory.
            assertThat(used - before).as(figures).isLessThan(3 * (64L << 20));
            assertThat(used).as(figures).isLessThan(runtime.maxMemory() * 9 / 10);
        } finally {
            idle.close();
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndWhatWasQueuedIsStoredOnceWritersRun() throws Exception {
        TestTenant t = tenant("collect queue full");
        DataSource dataSource = InitialContext.doLookup("jdbc/tracker");
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        Collector small = new Collector(CollectorSettings.DEFAULTS.withQueueCapacity(3), dataSource, threads, executor, bots);
        try {
            CompletableFuture<List<HitOutcome>> first = small.collect(t.id(), List.of(view("q-1"), view("q-2")));
            assertThatThrownBy(() -> small.collect(t.id(), List.of(view("q-3"), view("q-4"))))
                    .isInstanceOf(QueueFullException.class).hasMessageContaining("2 of 3 hits")
                    .satisfies(e -> assertThat(((QueueFullException) e).retryAfterSeconds()).isPositive());
            CompletableFuture<List<HitOutcome>> second = small.collect(t.id(), List.of(view("q-5")));
            assertThatThrownBy(() -> small.collect(t.id(), List.of(view("q-6")))).isInstanceOf(QueueFullException.class);
            assertThat(first).as("not written before the writers start").isNotDone();
            assertThat(small.stats().queuedHits()).isEqualTo(3);

            small.start();

            assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(HitOutcome.STORED, HitOutcome.STORED);
            assertThat(second.get(30, TimeUnit.SECONDS)).containsExactly(HitOutcome.STORED);
            assertThat(small.collect(t.id(), List.of(view("q-6"))).get(30, TimeUnit.SECONDS))
                    .as("room again").containsExactly(HitOutcome.STORED);
        } finally {
            small.close();
        }
        assertThat(strings(t.id(), "select event_id from touchpoint order by 1")).containsExactly("q-1", "q-2", "q-5", "q-6");
        assertThat(small.stats().queuedHits()).isZero();
    }

    @Test
    void aFailedTransactionFailsItsFuturesAndStoresNothing() throws Exception {
        TestTenant t = tenant("collect failure");
        collect(t.id(), view("f-0"));
        // The touchpoint insert fails (the application role may not insert into touchpoint for a moment),
        // after the same transaction claimed the event ids: the claims must go with it.
        asSuperuser("revoke insert on touchpoint from " + appRole());
        try {
            CompletableFuture<List<HitOutcome>> failing = collector.collect(t.id(), List.of(view("f-1"), view("f-2")));
            assertThatThrownBy(() -> failing.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CollectionUnavailableException.class)
                    .satisfies(e -> assertThat(((CollectionUnavailableException) e.getCause()).retryAfterSeconds())
                            .isPositive());
        } finally {
            asSuperuser("grant insert on touchpoint to " + appRole());
        }
        assertThat(strings(t.id(), "select event_id from event_receipt order by 1")).as("nothing half-stored")
                .containsExactly("f-0");
        assertThat(day(t)).as("the failed transaction's counts went with it")
                .isEqualTo(new CollectionDay(today(t), 1, 1, 0, 0, 0, 0, 0));

        // The sender's retry stores them, once.
        assertThat(collect(t.id(), view("f-1"), view("f-2"))).containsExactly(HitOutcome.STORED, HitOutcome.STORED);
        assertThat(strings(t.id(), "select event_id from touchpoint order by 1")).containsExactly("f-0", "f-1", "f-2");
    }

    @Test
    void tenantsNeverSeeEachOthersHits() throws Exception {
        TestTenant a = tenant("collect isolation a");
        TestTenant b = tenant("collect isolation b");
        collect(a.id(), view("a-1"), CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventId("a-2").visitorId("va")
                .eventName("newsletter_signup").propertiesJson("{\"list\":\"weekly\"}").build(),
                CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).eventId("a-3").visitorId("va").userId("ua").build());
        collect(b.id(), view("a-1")); // the same event id is B's own: not a duplicate of A's

        for (String table : List.of("touchpoint", "custom_event", "identity_link", "attribution_pending",
                "event_receipt", "collection_count")) {
            assertThat(strings(b.id(), "select distinct tenant_id from " + table)).as("%s as B", table)
                    .doesNotContain(a.id()).allMatch(b.id()::equals);
            // The attribution worker may already have claimed A's marks (it polls every 500 ms): a pending
            // mark is only ever A's own, the other tables keep A's rows.
            if (table.equals("attribution_pending")) {
                assertThat(strings(a.id(), "select distinct tenant_id from " + table)).as("%s as A", table)
                        .allMatch(a.id()::equals);
            } else {
                assertThat(strings(a.id(), "select distinct tenant_id from " + table)).as("%s as A", table)
                        .containsExactly(a.id());
            }
        }
        assertThat(strings(b.id(), "select event_id from touchpoint")).containsExactly("a-1");
        assertThat(strings(a.id(), "select event_id from touchpoint")).containsExactly("a-1");
        assertThat(strings(b.id(), "select count(*) from custom_event")).containsExactly("0");
        assertThat(strings(a.id(), "select name from custom_event")).containsExactly("newsletter_signup");
        assertThat(strings(null, "select count(*) from touchpoint")).as("without a tenant").containsExactly("0");
    }

    @Test
    void siteKeysAndWriteKeysNameTheirTenant() throws Exception {
        TestTenant t = tenant("collect keys");
        selection.asPlatform(t.id());
        Site site = sites.create("Shop", List.of("Shop.Example", "www.shop.example"), true);
        assertThat(site.siteKey()).startsWith("site_").hasSize(27);
        assertThat(sites.list()).containsExactly(site);

        SiteContext found = keys.site(site.siteKey()).orElseThrow();
        assertThat(found.tenantId()).isEqualTo(t.id());
        assertThat(found.domains()).containsExactly("shop.example", "www.shop.example");
        assertThat(found.consentRequired()).isTrue();
        assertThat(found.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(found.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(keys.site("site_unknown")).isEmpty();
        assertThat(keys.site("x".repeat(5000))).isEmpty();

        WriteKey key = keys.writeKey(t.apiKey()).orElseThrow();
        assertThat(key.tenantId()).isEqualTo(t.id());
        assertThat(key.canWrite()).isTrue();
        assertThat(keys.writeKey("trk_not-a-key")).isEmpty();
        TestTenant readOnly = fixture.create("collect keys read-only", ZoneId.of("UTC"), "EUR",
                EnumSet.of(ApiKeyScope.READ), List.of());
        assertThat(keys.writeKey(readOnly.apiKey()).orElseThrow().canWrite()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private TestTenant tenant(String label) {
        return fixture.create(label, ZoneId.of("Europe/Berlin"), "EUR", EnumSet.allOf(ApiKeyScope.class),
                List.of(TenantFixture.ActionSpec.parse("add_to_cart:MICRO:EVERY:0")));
    }

    private static CollectedHit view(String eventId) {
        return CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId(eventId).visitorId("v-" + eventId)
                .startsVisit(true).url("https://shop.example/").build();
    }

    private static CollectedHit refund(String eventId, WayIn wayIn) {
        return CollectedHit.builder(wayIn, HitType.EVENT).eventId(eventId).visitorId("v-1").eventName("refund_requested")
                .orderId("R-1").build();
    }

    private List<HitOutcome> collect(String tenantId, CollectedHit... hits) throws Exception {
        return collector.collect(tenantId, List.of(hits)).get(60, TimeUnit.SECONDS);
    }

    private CollectionDay day(TestTenant t) {
        selection.asPlatform(t.id());
        LocalDate today = today(t);
        List<CollectionDay> days = counts.days(today.minusDays(1), today);
        assertThat(days).hasSize(1);
        return days.get(0);
    }

    private static LocalDate today(TestTenant t) {
        return LocalDate.now(ZoneId.of(t.timeZone()));
    }

    private static Map<String, String> mapOf(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The rows of a query as the application role acting for the tenant (null: no tenant), as text. */
    private static List<Map<String, String>> rows(String tenantId, String sql) throws NamingException, SQLException {
        DataSource dataSource = InitialContext.doLookup("jdbc/tracker");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (tenantId != null) {
                    try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                        ps.setString(1, tenantId);
                        ps.executeQuery().close();
                    }
                }
                List<Map<String, String>> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static List<String> strings(String tenantId, String sql) throws NamingException, SQLException {
        return rows(tenantId, sql).stream().map(r -> r.values().iterator().next()).toList();
    }

    private static void update(String tenantId, String sql) throws NamingException, SQLException {
        DataSource dataSource = InitialContext.doLookup("jdbc/tracker");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)");
                 PreparedStatement ps = c.prepareStatement(sql)) {
                set.setString(1, tenantId);
                set.executeQuery().close();
                ps.executeUpdate();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The role jdbc/tracker connects as. */
    private static String appRole() throws NamingException, SQLException {
        String role = strings(null, "select current_user").get(0);
        assertThat(role).matches("[a-z0-9_]+_app");
        return role;
    }

    /**
     * Runs a statement as the superuser ({@code postgres}, trust authentication on test machines) in the
     * database {@code jdbc/tracker} uses. (The support class TestDatabase reads the client's system
     * properties, which the server does not have.)
     */
    private static void asSuperuser(String sql) throws NamingException, SQLException {
        DataSource dataSource = InitialContext.doLookup("jdbc/tracker");
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        assertThat(url).matches("jdbc:postgresql://[^/]+/[a-z0-9_]+_it(\\?.*)?");
        try (Connection su = java.sql.DriverManager.getConnection(url, "postgres", "");
             java.sql.Statement st = su.createStatement()) {
            st.execute(sql);
        }
    }
}
