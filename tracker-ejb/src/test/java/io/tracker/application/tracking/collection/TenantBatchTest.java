package io.tracker.application.tracking.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The de-duplication decisions of one tenant's batch, with the database's answers given by hand. */
class TenantBatchTest {

    private static Prepared hit(CollectedHit.Builder b) {
        Prepared p = HitValidator.check(b.build(), HitValidatorTest.RULES, HitValidatorTest.NOW);
        assertThat(p.hit()).as("%s", p.outcome()).isNotNull();
        return p;
    }

    private static CollectedHit.Builder visit(String eventId, String visitor) {
        return CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId(eventId).visitorId(visitor).startsVisit(true)
                .url("https://shop.example/?utm_source=newsletter&utm_medium=email");
    }

    private static CollectedHit.Builder purchase(String eventId, String visitor, String order) {
        return CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).eventId(eventId).visitorId(visitor).orderId(order)
                .value(new BigDecimal("30"));
    }

    @Test
    void aRepeatedEventIdInTheBatchOrInTheReceiptsIsADuplicate() {
        TenantBatch batch = new TenantBatch("t1", List.of(hit(visit("e1", "v1")), hit(visit("e2", "v2")),
                hit(visit("e1", "v1")), hit(visit("e0", "v0"))));

        assertThat(batch.eventIdsToClaim()).as("sorted, each once").containsExactly("e0", "e1", "e2");
        batch.eventIdsClaimed(Set.of("e1", "e2")); // e0 was stored before
        assertThat(batch.orderKeysToClaim()).isEmpty();
        assertThat(batch.conversionsToInsert()).isEmpty();

        assertThat(batch.touchpoints()).extracting(ValidHit::eventId).containsExactly("e1", "e2");
        assertThat(batch.outcomes()).containsExactly(HitOutcome.STORED, HitOutcome.STORED, HitOutcome.DUPLICATE,
                HitOutcome.DUPLICATE);
        assertThat(batch.visitorsToMark()).containsExactly("v1", "v2");
        assertThat(batch.counts()).isEqualTo(new TenantBatch.Counts(4, 2, 2, 0, 0, 0, 0));
    }

    @Test
    void aStoredLinkClickIsALinkClickRowAndJoinsItsLandingPageThroughTrk() {
        Prepared click = hit(CollectedHit.builder(WayIn.LINK, HitType.CLICK).eventId("K1").visitorId("K1")
                .startsVisit(true).trackedLinkId(7L).url("https://shop.example/?utm_source=sms&trk=K1"));
        Prepared again = hit(CollectedHit.builder(WayIn.LINK, HitType.CLICK).eventId("K1").visitorId("K1")
                .startsVisit(true).trackedLinkId(7L).url("https://shop.example/?utm_source=sms&trk=K1"));
        Prepared landing = hit(visit("lp", "v1").url("https://shop.example/?utm_source=sms&trk=K1"));
        TenantBatch batch = new TenantBatch("t1", List.of(click, again, landing));
        batch.eventIdsClaimed(Set.copyOf(batch.eventIdsToClaim()));

        assertThat(batch.linkClicks()).extracting(ValidHit::eventId, ValidHit::linkId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("K1", 7L));
        assertThat(batch.identityLinks()).containsExactly(new TenantBatch.IdentityLink("K1", "trk:K1"),
                new TenantBatch.IdentityLink("v1", "trk:K1"));
        assertThat(batch.outcomes()).containsExactly(HitOutcome.STORED, HitOutcome.DUPLICATE, HitOutcome.STORED);
    }

    @Test
    void theSameOrderFromBrowserAndServerIsStoredOnce() {
        Prepared browser = hit(purchase("b-1", "v1", "A-1"));
        Prepared server = hit(CollectedHit.builder(WayIn.SEGMENT, HitType.CONVERSION).eventId("s-1").visitorId("v1")
                .orderId("A-1"));
        Prepared laterElsewhere = hit(purchase("b-2", "v1", "A-2"));
        TenantBatch batch = new TenantBatch("t1", List.of(browser, server, laterElsewhere));

        batch.eventIdsClaimed(Set.copyOf(batch.eventIdsToClaim()));
        assertThat(batch.orderKeysToClaim()).containsExactly(new TenantBatch.OrderKey("purchase", "A-1"),
                new TenantBatch.OrderKey("purchase", "A-2"));
        batch.orderKeysClaimed(Set.of(new TenantBatch.OrderKey("purchase", "A-1")));
        // A-2 was claimed within 48 hours by an earlier request
        assertThat(batch.conversionsToInsert()).extracting(ValidHit::orderId).containsExactly("A-1");
        batch.conversionsInserted(Set.of(new TenantBatch.ConversionKey(1, "order:A-1")));

        assertThat(batch.outcomes()).containsExactly(HitOutcome.STORED, HitOutcome.DUPLICATE, HitOutcome.DUPLICATE);
        assertThat(batch.visitorsToMark()).containsExactly("v1");
    }

    @Test
    void anOrderIdCountsOncePerActionEvenAfter48Hours() {
        TenantBatch batch = new TenantBatch("t1", List.of(hit(purchase("e1", "v1", "A-1"))));
        batch.eventIdsClaimed(Set.copyOf(batch.eventIdsToClaim()));
        batch.orderKeysClaimed(Set.copyOf(batch.orderKeysToClaim())); // the 48-hour claim was taken over

        assertThat(batch.conversionsToInsert()).hasSize(1);
        batch.conversionsInserted(Set.of()); // conversion_dedupe_idx: the action has order A-1 already

        assertThat(batch.outcomes()).containsExactly(HitOutcome.DUPLICATE);
        assertThat(batch.touchpoints()).isEmpty();
        assertThat(batch.visitorsToMark()).isEmpty();
    }

    @Test
    void conversionsWithoutADedupeKeyAlwaysCountAndGoLast() {
        Prepared noOrder = hit(CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).visitorId("v1"));
        Prepared withOrder = hit(purchase(null, "v2", "Z-9"));
        TenantBatch batch = new TenantBatch("t1", List.of(noOrder, withOrder, noOrder));
        batch.eventIdsClaimed(Set.copyOf(batch.eventIdsToClaim()));
        batch.orderKeysClaimed(Set.copyOf(batch.orderKeysToClaim()));

        List<ValidHit> rows = batch.conversionsToInsert();
        assertThat(rows).extracting(ValidHit::dedupeKey).containsExactly("order:Z-9", null, null);
        batch.conversionsInserted(Set.of(new TenantBatch.ConversionKey(1, "order:Z-9")));

        assertThat(batch.outcomes()).containsOnly(HitOutcome.STORED);
    }

    @Test
    void botsRejectionsAndCookielessHitsAreCounted() {
        List<Prepared> items = new ArrayList<>();
        items.add(Prepared.decided(HitOutcome.BOT));
        items.add(Prepared.prefetched());
        items.add(Prepared.decided(HitOutcome.rejected("bad")));
        items.add(hit(CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).startsVisit(true).url("https://shop.example/")));
        TenantBatch batch = new TenantBatch("t1", items);
        batch.eventIdsClaimed(Set.copyOf(batch.eventIdsToClaim()));
        batch.orderKeysClaimed(Set.copyOf(batch.orderKeysToClaim()));
        batch.conversionsInserted(Set.of());

        assertThat(batch.touchpoints()).singleElement().satisfies(t -> assertThat(t.visitorId()).isNull());
        assertThat(batch.visitorsToMark()).as("a cookieless visit has nobody to attribute").isEmpty();
        assertThat(batch.outcomes()).containsExactly(HitOutcome.BOT, HitOutcome.BOT, HitOutcome.rejected("bad"),
                HitOutcome.STORED);
        assertThat(batch.counts()).isEqualTo(new TenantBatch.Counts(4, 1, 0, 2, 1, 1, 1));
    }

    @Test
    void theTagHealthRollUpCountsPerDomainAndHourOfTheHitsTime() {
        java.time.Instant t0 = HitValidatorTest.NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusSeconds(7200);
        List<Prepared> items = new ArrayList<>();
        items.add(hit(visit("a1", "v1").url("https://Shop.Example/p?x=1").occurredAt(t0.plusSeconds(60))));
        items.add(hit(visit("a1", "v1").url("https://Shop.Example/p?x=1").occurredAt(t0.plusSeconds(60)))); // duplicate
        items.add(hit(CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).url("https://shop.example/q")
                .occurredAt(t0.plusSeconds(3599)))); // cookieless, no visit
        items.add(hit(purchase("a3", "v1", "O-1").url("https://shop.example/thanks").occurredAt(t0.plusSeconds(3600))));
        items.add(Prepared.bot(false, "shop.example", t0.plusSeconds(10)));
        items.add(Prepared.decided(HitOutcome.rejected("bad")));
        items.add(hit(CollectedHit.builder(WayIn.SEGMENT, HitType.IDENTIFY).visitorId("v9").userId("u9")
                .occurredAt(t0.plusSeconds(5))));
        // a debug session's page view and purchase: on the debug page only, in no figure of the roll-up
        CollectedHit debugView = visit("d1", "v7").url("https://shop.example/p").occurredAt(t0.plusSeconds(30)).build();
        items.add(hit(visit("d1", "v7").url("https://shop.example/p").occurredAt(t0.plusSeconds(30)))
                .inDebugSession("dbg_abcdefghijklmnopqrstuv", debugView, HitValidatorTest.NOW));
        CollectedHit debugPurchase = purchase("d2", "v7", "O-9").url("https://shop.example/thanks")
                .occurredAt(t0.plusSeconds(40)).build();
        items.add(hit(purchase("d2", "v7", "O-9").url("https://shop.example/thanks").occurredAt(t0.plusSeconds(40)))
                .inDebugSession("dbg_abcdefghijklmnopqrstuv", debugPurchase, HitValidatorTest.NOW));
        TenantBatch batch = new TenantBatch("t1", items);
        batch.eventIdsClaimed(Set.copyOf(batch.eventIdsToClaim()));
        batch.orderKeysClaimed(Set.copyOf(batch.orderKeysToClaim()));
        batch.conversionsInserted(Set.of(new TenantBatch.ConversionKey(batch.conversionsToInsert().get(0).actionId(),
                "order:O-1")));

        var rows = batch.domainHours();
        assertThat(rows.keySet()).containsExactly(new TenantBatch.DomainHour("", t0),
                new TenantBatch.DomainHour("shop.example", t0), new TenantBatch.DomainHour("shop.example",
                        t0.plusSeconds(3600)));
        var noDomain = rows.get(new TenantBatch.DomainHour("", t0));
        assertThat(new long[] {noDomain.hits, noDomain.stored, noDomain.bots, noDomain.pageViews})
                .containsExactly(1, 1, 0, 0);
        var first = rows.get(new TenantBatch.DomainHour("shop.example", t0));
        // the visit, its duplicate, the cookieless page view and the bot
        assertThat(new long[] {first.hits, first.stored, first.bots, first.cookieless, first.pageViews,
                first.conversions}).containsExactly(4, 2, 1, 1, 2, 0);
        assertThat(first.lastHitAt).isEqualTo(t0.plusSeconds(3599));
        var second = rows.get(new TenantBatch.DomainHour("shop.example", t0.plusSeconds(3600)));
        assertThat(new long[] {second.hits, second.stored, second.conversions}).containsExactly(1, 1, 1);
    }

    @Test
    void identifyMarksOnlyVisitorsThatGainedALink() {
        TenantBatch batch = new TenantBatch("t1", List.of(
                hit(CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).visitorId("v2").userId("u1")),
                hit(CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).visitorId("v1").userId("u1")),
                hit(CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).visitorId("v1").userId("u1"))));
        batch.eventIdsClaimed(Set.of());
        batch.orderKeysClaimed(Set.of());
        batch.conversionsInserted(Set.of());

        assertThat(batch.identityLinks()).containsExactly(new TenantBatch.IdentityLink("v1", "user:u1"),
                new TenantBatch.IdentityLink("v2", "user:u1"));
        batch.linksInserted(Set.of("v1")); // v2 was linked before
        assertThat(batch.visitorsToMark()).containsExactly("v1");
        assertThat(batch.outcomes()).containsOnly(HitOutcome.STORED);
    }
}
