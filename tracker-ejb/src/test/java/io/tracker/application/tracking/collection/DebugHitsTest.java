package io.tracker.application.tracking.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.WayIn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hits sent in debug mode: they take no part in the batch's steps and are counted nowhere. */
class DebugHitsTest {

    private static final String SESSION = "dbg_abcdefghijklmnopqrstuv";

    private static CollectedHit visit(String eventId) {
        return CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId(eventId).visitorId("v1").startsVisit(true)
                .url("https://shop.example/?gclid=G1&tracker_debug=" + SESSION).build();
    }

    private static CollectedHit purchase(String eventId, String order) {
        return CollectedHit.builder(WayIn.TAG, HitType.CONVERSION).eventId(eventId).visitorId("v1").orderId(order)
                .value(new BigDecimal("49.9")).build();
    }

    private static Prepared prepared(CollectedHit hit, String session) {
        Prepared p = HitValidator.check(hit, HitValidatorTest.RULES, HitValidatorTest.NOW);
        return session == null ? p : p.inDebugSession(session, hit, HitValidatorTest.NOW);
    }

    @Test
    void debugHitsAreStoredForTheirSenderButClaimInsertAndCountNothing() {
        Prepared debugVisit = prepared(visit("d1"), SESSION);
        Prepared debugPurchase = prepared(purchase("d2", "A-1"), SESSION);
        Prepared realVisit = prepared(visit("r1"), null);
        Prepared debugRefused = prepared(CollectedHit.builder(WayIn.TAG, HitType.EVENT).eventId("d3")
                .url("https://shop.example/cart").build(), SESSION); // an event without a name
        TenantBatch batch = new TenantBatch("t1", List.of(debugVisit, debugPurchase, realVisit, debugRefused));

        assertThat(batch.debugHits()).containsExactly(debugVisit, debugPurchase, debugRefused);
        assertThat(batch.eventIdsToClaim()).containsExactly("r1");
        batch.eventIdsClaimed(Set.of("r1"));
        assertThat(batch.orderKeysToClaim()).isEmpty();
        assertThat(batch.conversionsToInsert()).isEmpty();
        assertThat(batch.touchpoints()).extracting(ValidHit::eventId).containsExactly("r1");
        assertThat(batch.customEvents()).isEmpty();
        assertThat(batch.visitorsToMark()).containsExactly("v1"); // the real visit's only

        HitOutcome debugStored = HitOutcome.stored(TenantBatch.DEBUG_NOTE);
        assertThat(batch.outcomes()).containsExactly(debugStored, debugStored, HitOutcome.STORED,
                HitOutcome.rejected("an event needs a name"));
        // one hit counted: the real visit; the three debug hits, the refused one included, change no figure
        assertThat(batch.counts()).isEqualTo(new TenantBatch.Counts(1, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void aBatchWithoutDebugHitsHasNoneToWrite() {
        TenantBatch batch = new TenantBatch("t1", List.of(prepared(visit("r1"), null)));
        assertThat(batch.debugHits()).isEmpty();
    }

    @Test
    void aRefusedDebugHitKeepsItsTypeAndUrlAndItsDecision() {
        Prepared refused = prepared(CollectedHit.builder(WayIn.TAG, HitType.EVENT).url("https://shop.example/x")
                .build(), SESSION);
        assertThat(refused.debug()).isEqualTo(new DebugHit(SESSION, HitType.EVENT, "https://shop.example/x",
                HitValidatorTest.NOW));
        assertThat(DebugHitStatement.decided(refused)).isEqualTo("rejected");
        assertThat(DebugHitStatement.decided(Prepared.prefetched().inDebugSession(SESSION, null, HitValidatorTest.NOW)))
                .isEqualTo("bot");
        assertThat(DebugHitStatement.decided(prepared(visit("d1"), SESSION))).isNull();
        assertThat(DebugHit.of(SESSION, CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).url("a\0b").build(),
                HitValidatorTest.NOW).url())
                .as("PostgreSQL stores no NUL").isNull();
    }

    @Test
    void clickIdsAreListedByNameInTheirOrder() {
        assertThat(DebugHitStatement.clickIds(new ClickIds("G1", null, null, "F1", null, null, null, "K1")))
                .isEqualTo("gclid=G1, fbclid=F1, trk=K1");
        assertThat(DebugHitStatement.clickIds(ClickIds.NONE)).isNull();
        assertThat(DebugHitStatement.clickIds(null)).isNull();
    }
}
