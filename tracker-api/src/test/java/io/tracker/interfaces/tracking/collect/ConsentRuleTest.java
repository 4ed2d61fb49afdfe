package io.tracker.interfaces.tracking.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.tracking.collection.CollectedHit;
import io.tracker.application.tracking.collection.HitType;
import io.tracker.domain.tracking.ClickIds;
import io.tracker.domain.tracking.Utm;
import io.tracker.domain.tracking.WayIn;
import org.junit.jupiter.api.Test;

class ConsentRuleTest {

    private static final String URL = "https://shop.example/landing?utm_source=newsletter&GCLID=Abc&foo=1"
            + "&wbraid=W%2B1&utm_campaign=spring#top";

    private static CollectedHit landing() {
        return CollectedHit.builder(WayIn.TAG, HitType.PAGE_VIEW).eventId("e1").visitorId("v1").sessionId("s1")
                .startsVisit(true).url(URL).referrer("https://mail.example/?fbclid=F1&x=2")
                .utm(new Utm("newsletter", null, "spring", null, null))
                .clickIds(new ClickIds("Abc", null, "W+1", null, null, null, null, null)).build();
    }

    @Test
    void aSiteWithoutTheRequirementKeepsEverything() {
        CollectedHit hit = landing();
        assertThat(ConsentRule.apply(hit, "none", false)).containsSame(hit);
        assertThat(ConsentRule.apply(hit, null, false)).containsSame(hit);
    }

    @Test
    void grantedConsentKeepsEverything() {
        CollectedHit hit = landing();
        assertThat(ConsentRule.apply(hit, "granted", true)).containsSame(hit);
    }

    @Test
    void withoutGrantedConsentEveryIdentifierGoesAndCampaignValuesStay() {
        for (String consent : new String[] {"none", "denied", null, "GRANTED", "yes"}) {
            CollectedHit hit = ConsentRule.apply(landing(), consent, true).orElseThrow();
            assertThat(hit.visitorId()).as(consent).isNull();
            assertThat(hit.sessionId()).isNull();
            assertThat(hit.startsVisit()).isFalse();
            assertThat(hit.clickIds()).isEqualTo(ClickIds.NONE);
            assertThat(hit.url()).isEqualTo("https://shop.example/landing?utm_source=newsletter&foo=1"
                    + "&utm_campaign=spring#top");
            assertThat(hit.referrer()).isEqualTo("https://mail.example/?x=2");
            assertThat(hit.utm()).isEqualTo(new Utm("newsletter", null, "spring", null, null));
            assertThat(hit.eventId()).isEqualTo("e1");
            assertThat(hit.wayIn()).isEqualTo(WayIn.TAG);
        }
    }

    @Test
    void identifyWithoutConsentIsDropped() {
        CollectedHit identify = CollectedHit.builder(WayIn.TAG, HitType.IDENTIFY).visitorId("v1").userId("u1").build();
        assertThat(ConsentRule.apply(identify, "none", true)).isEmpty();
        assertThat(ConsentRule.apply(identify, "granted", true)).containsSame(identify);
    }

    @Test
    void addressesWithoutClickIdsStayAsSentAndAnEmptiedQueryLosesItsQuestionMark() {
        assertThat(ConsentRule.withoutClickIds("https://a.example/p?utm_source=x%20y&b=%2520"))
                .isEqualTo("https://a.example/p?utm_source=x%20y&b=%2520");
        assertThat(ConsentRule.withoutClickIds("https://a.example/p?gclid=1&trk=2#f")).isEqualTo("https://a.example/p#f");
        assertThat(ConsentRule.withoutClickIds("https://a.example/p?li_fat_id=1&msclkid=2&ttclid=3&gbraid=4&a=b"))
                .isEqualTo("https://a.example/p?a=b");
        assertThat(ConsentRule.withoutClickIds("https://a.example/p")).isEqualTo("https://a.example/p");
        assertThat(ConsentRule.withoutClickIds(null)).isNull();
    }
}
