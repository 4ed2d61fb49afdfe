package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Persons from identity links, and journeys across a person's visitors; expectations worked out by hand. */
class PersonsTest {

    private static final Instant DAY0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final long PURCHASE = 1;
    private static final long ADD_TO_CART = 2;

    private static IdentityLink link(String visitor, String key) {
        return new IdentityLink(visitor, key);
    }

    @Test
    void visitorsWithoutLinksAreEachTheirOwnPerson() {
        Persons persons = Persons.join(List.of("b", "a", "c"), List.of());

        assertThat(persons.groups()).containsExactly(Set.of("a"), Set.of("b"), Set.of("c"));
        assertThat(persons.personOf("b")).containsExactly("b");
    }

    @Test
    void sharedKeysJoinVisitorsTransitively() {
        // a–user:1–b, b–email:x–c: {a, b, c}. d–user:2–e: {d, e}. f alone. g only in a link: {g, h} by user:3.
        List<IdentityLink> links = List.of(
                link("a", "user:1"), link("b", "user:1"),
                link("b", "email:x"), link("c", "email:x"),
                link("e", "user:2"), link("d", "user:2"),
                link("g", "user:3"), link("h", "user:3"),
                link("a", "user:1")); // repeated row: harmless

        Persons persons = Persons.join(List.of("c", "d", "f", "a"), links);

        assertThat(persons.groups()).containsExactly(Set.of("a", "b", "c"), Set.of("d", "e"), Set.of("f"),
                Set.of("g", "h"));
        assertThat(persons.personOf("c")).containsExactly("a", "b", "c");
        assertThat(persons.personOf("unknown")).containsExactly("unknown");
        assertThat(persons.visitors()).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g", "h");
    }

    @Test
    void theGroupingDoesNotDependOnTheOrderOfTheLinks() {
        // A chain a–k1–b–k2–c–k3–d, given in every rotation and reversed: always one person {a, b, c, d}.
        List<IdentityLink> chain = new ArrayList<>(List.of(link("a", "k1"), link("b", "k1"), link("b", "k2"),
                link("c", "k2"), link("c", "k3"), link("d", "k3")));
        for (int rotation = 0; rotation < chain.size(); rotation++) {
            Collections.rotate(chain, 1);
            assertThat(Persons.join(List.of(), chain).groups()).containsExactly(Set.of("a", "b", "c", "d"));
            List<IdentityLink> reversed = new ArrayList<>(chain);
            Collections.reverse(reversed);
            assertThat(Persons.join(List.of(), reversed).groups()).containsExactly(Set.of("a", "b", "c", "d"));
        }
    }

    @Test
    void aConversionOnOneDeviceGetsTheTouchesOfThePersonsOtherDevices() {
        // Device A: newsletter click on day 1. Device B: direct visit day 3, purchase day 3 (+1 h).
        // Linked by user:42: the journey is [A's Email touch, B's Direct touch]; last non-direct → Email.
        JourneyTouch newsletter = new JourneyTouch(1, day(1), "Email", "spring");
        JourneyTouch direct = new JourneyTouch(2, day(3), "Direct", "");
        ConversionPoint purchase = new ConversionPoint(10, PURCHASE, day(3).plusSeconds(3600), new BigDecimal("80.00"));
        Map<String, List<JourneyTouch>> touches = Map.of("device-a", List.of(newsletter), "device-b", List.of(direct));
        Map<String, List<ConversionPoint>> conversions = Map.of("device-b", List.of(purchase));
        JourneyBuilder builder = new JourneyBuilder(JourneyBuilder.DEFAULT_LOOKBACK);

        Persons linked = Persons.join(List.of("device-b"),
                List.of(link("device-a", "user:42"), link("device-b", "user:42")));
        List<JourneyTouch> journey = builder.journeys(linked, touches, conversions).get(purchase);

        assertThat(journey).containsExactly(newsletter, direct);
        assertThat(AttributionModel.LAST_TOUCH.credits(journey)).containsExactly(new Credit("Email", "spring", 1.0));
        assertThat(AttributionModel.FIRST_TOUCH.credits(journey)).containsExactly(new Credit("Email", "spring", 1.0));
        assertThat(AttributionModel.LINEAR.credits(journey))
                .containsExactly(new Credit("Email", "spring", 0.5), new Credit("Direct", "", 0.5));

        // Not linked: B's journey is its direct visit only.
        Persons apart = Persons.join(List.of("device-a", "device-b"), List.of());
        assertThat(builder.journeys(apart, touches, conversions).get(purchase)).containsExactly(direct);
    }

    @Test
    void aPersonsJourneysFollowTheOneVisitorRulesAcrossDevices() {
        // Person {p, q}. p: Paid Search day 0, Display day 2 (too old for day 40), purchase day 5.
        // q: add-to-cart day 4 (micro, does not cut the purchase journey), SMS day 20, purchase day 40.
        // r: not linked, Email day 38 — never in the person's journeys.
        // Purchase 1 (day 5, on p): Paid Search(0), Display(2), both in the 30-day window.
        // Add-to-cart (day 4, on q): Paid Search(0), Display(2).
        // Purchase 2 (day 40, on q): after purchase 1 (day 5) and within 30 days (from day 10): SMS(20) only.
        JourneyTouch search = new JourneyTouch(1, day(0), "Paid Search", "brand");
        JourneyTouch display = new JourneyTouch(2, day(2), "Display", "");
        JourneyTouch sms = new JourneyTouch(3, day(20), "SMS", "flash");
        JourneyTouch email = new JourneyTouch(4, day(38), "Email", "");
        ConversionPoint purchase1 = new ConversionPoint(10, PURCHASE, day(5), BigDecimal.TEN);
        ConversionPoint cart = new ConversionPoint(11, ADD_TO_CART, day(4), BigDecimal.ZERO);
        ConversionPoint purchase2 = new ConversionPoint(12, PURCHASE, day(40), BigDecimal.ONE);
        Persons persons = Persons.join(List.of("p", "r"), List.of(link("p", "email:e"), link("q", "email:e")));

        Map<ConversionPoint, List<JourneyTouch>> journeys = new JourneyBuilder(Duration.ofDays(30)).journeys(persons,
                Map.of("p", List.of(display, search), "q", List.of(sms), "r", List.of(email)),
                Map.of("p", List.of(purchase1), "q", List.of(purchase2, cart)));

        assertThat(journeys).containsOnlyKeys(purchase1, cart, purchase2);
        assertThat(journeys.get(purchase1)).containsExactly(search, display);
        assertThat(journeys.get(cart)).containsExactly(search, display);
        assertThat(journeys.get(purchase2)).containsExactly(sms);
    }

    private static Instant day(double d) {
        return DAY0.plusSeconds((long) (d * 86_400));
    }
}
