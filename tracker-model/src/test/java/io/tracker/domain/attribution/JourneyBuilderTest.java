package io.tracker.domain.attribution;

import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.tracking.Interaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.JourneyStart;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyBuilderTest {

    private static final Instant DAY0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final long PURCHASE = 1;
    private static final long ADD_TO_CART = 2;

    private final JourneyBuilder builder = new JourneyBuilder(Duration.ofDays(30));

    private static Instant day(double d) {
        return DAY0.plusSeconds((long) (d * 86_400));
    }

    private static JourneyTouch touch(long id, double day, String channel) {
        return new JourneyTouch(id, day(day), channel, "");
    }

    private static ConversionPoint conversion(long id, long action, double day) {
        return new ConversionPoint(id, action, day(day), BigDecimal.TEN);
    }

    private static List<Long> ids(List<JourneyTouch> journey) {
        return journey.stream().map(JourneyTouch::touchpointId).toList();
    }

    @Test
    void journeyHoldsTouchesAtOrBeforeTheConversionInTimeOrder() {
        // given out of order, as an offline import may deliver them
        List<JourneyTouch> touches = List.of(touch(3, 5, "C"), touch(1, 1, "A"), touch(2, 3, "B"), touch(4, 9, "D"));
        ConversionPoint c = conversion(10, PURCHASE, 5);

        Map<ConversionPoint, List<JourneyTouch>> journeys = builder.journeys(touches, List.of(c));

        assertThat(ids(journeys.get(c))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void touchesOlderThanTheLookbackWindowAreLeftOut() {
        List<JourneyTouch> touches = List.of(touch(1, 0, "A"), touch(2, 10, "B"), touch(3, 35, "C"));
        ConversionPoint c = conversion(10, PURCHASE, 40);

        // window starts at day 10 (inclusive): touch 1 at day 0 is out, touch 2 exactly on the edge is in
        assertThat(ids(builder.journeys(touches, List.of(c)).get(c))).containsExactly(2L, 3L);
    }

    @Test
    void journeyRestartsAfterThePreviousConversionOfTheSameActionWhenTheActionSaysSo() {
        List<JourneyTouch> touches = List.of(touch(1, 1, "A"), touch(2, 2, "B"), touch(3, 4, "C"));
        ConversionPoint first = conversion(10, PURCHASE, 2);
        ConversionPoint second = conversion(11, PURCHASE, 5);
        JourneyBuilder afterPrevious = new JourneyBuilder(new JourneyRules(Duration.ofDays(30), Duration.ofDays(1),
                JourneyStart.AFTER_PREVIOUS_CONVERSION, CountingMode.EVERY));

        Map<ConversionPoint, List<JourneyTouch>> journeys = afterPrevious.journeys(touches, List.of(second, first));

        assertThat(ids(journeys.get(first))).containsExactly(1L, 2L);
        assertThat(ids(journeys.get(second))).containsExactly(3L);
        assertThat(journeys.keySet()).containsExactly(first, second);
    }

    @Test
    void aMicroConversionDoesNotCutTheAdClickOutOfTheFollowingPurchase() {
        List<JourneyTouch> touches = List.of(touch(1, 1, "Paid Search"));
        ConversionPoint cart = conversion(10, ADD_TO_CART, 1.5);
        ConversionPoint purchase = conversion(11, PURCHASE, 2);

        Map<ConversionPoint, List<JourneyTouch>> journeys = builder.journeys(touches, List.of(cart, purchase));

        assertThat(ids(journeys.get(cart))).containsExactly(1L);
        assertThat(ids(journeys.get(purchase))).containsExactly(1L);
    }

    @Test
    void aConversionWithoutTouchesHasAnEmptyJourney() {
        ConversionPoint c = conversion(10, PURCHASE, 3);

        assertThat(builder.journeys(List.of(touch(1, 4, "A")), List.of(c)).get(c)).isEmpty();
    }

    @Test
    void byDefaultEachConversionLooksBackOverItsWholeWindowWhateverConvertedBefore() {
        List<JourneyTouch> touches = List.of(touch(1, 1, "A"), touch(2, 2, "B"), touch(3, 4, "C"));
        ConversionPoint first = conversion(10, PURCHASE, 2);
        ConversionPoint second = conversion(11, PURCHASE, 5);

        Map<ConversionPoint, List<JourneyTouch>> journeys = builder.journeys(touches, List.of(second, first));

        assertThat(ids(journeys.get(first))).containsExactly(1L, 2L);
        assertThat(ids(journeys.get(second))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void touchesAtTheSameInstantAreOrderedByContentAndIncluded() {
        List<JourneyTouch> touches = List.of(touch(7, 2, "Last"), touch(5, 2, "First"));
        ConversionPoint c = conversion(10, PURCHASE, 2);

        assertThat(ids(builder.journeys(touches, List.of(c)).get(c))).containsExactly(5L, 7L);
    }

    // ---- per-action windows

    private static JourneyTouch touch(long id, double day, String channel, Interaction interaction, String eventId) {
        return new JourneyTouch(id, day(day), channel, "", SourceMedium.ofChannel(channel), interaction, eventId);
    }

    private static JourneyRules rules(int lookbackDays, int viewThroughDays, JourneyStart start, CountingMode counting) {
        return JourneyRules.ofDays(lookbackDays, viewThroughDays, start, counting);
    }

    @Test
    void eachActionLooksBackOverItsOwnLookbackWindow() {
        // purchase looks back 60 days, signup 7 days; the same touches, the same instant
        JourneyBuilder perAction = JourneyBuilder.of(Map.of(
                PURCHASE, rules(60, 1, JourneyStart.LOOKBACK, CountingMode.EVERY),
                ADD_TO_CART, rules(7, 1, JourneyStart.LOOKBACK, CountingMode.EVERY)));
        List<JourneyTouch> touches = List.of(touch(1, 0, "A"), touch(2, 45, "B"), touch(3, 55, "C"));
        ConversionPoint purchase = conversion(10, PURCHASE, 59);
        ConversionPoint cart = conversion(11, ADD_TO_CART, 59);

        Map<ConversionPoint, List<JourneyTouch>> journeys = perAction.journeys(touches, List.of(purchase, cart));

        // purchase: day 59 - 60 = day -1, so everything; cart: from day 52, so touch 3 only
        assertThat(ids(journeys.get(purchase))).containsExactly(1L, 2L, 3L);
        assertThat(ids(journeys.get(cart))).containsExactly(3L);
    }

    @Test
    void impressionsCountOnlyWithinTheViewThroughWindow() {
        JourneyBuilder viewThroughTwoDays = new JourneyBuilder(rules(30, 2, JourneyStart.LOOKBACK, CountingMode.EVERY));
        List<JourneyTouch> touches = List.of(
                touch(1, 5, "Display", Interaction.IMPRESSION, "i1"),   // 5 days before: out
                touch(2, 8, "Display", Interaction.IMPRESSION, "i2"),   // exactly 2 days before: in
                touch(3, 6, "Email", Interaction.CLICK, "c1"));         // a click 4 days before: in
        ConversionPoint c = conversion(10, PURCHASE, 10);

        assertThat(ids(viewThroughTwoDays.journeys(touches, List.of(c)).get(c))).containsExactly(3L, 2L);
    }

    @Test
    void twitterThenTwoDirectPurchasesCreditsTwitterTwiceUnderLastNonDirect() {
        // the field case of issue #8: twitter.com on 1 May, direct on 3 and 4 May, a purchase each time
        JourneyTouch twitter = new JourneyTouch(1, day(0), "Organic Social", "", "twitter.com / referral",
                Interaction.CLICK, "e1");
        JourneyTouch direct3 = new JourneyTouch(2, day(2), "Direct", "", SourceMedium.DIRECT, Interaction.CLICK, "e2");
        JourneyTouch direct4 = new JourneyTouch(3, day(3), "Direct", "", SourceMedium.DIRECT, Interaction.CLICK, "e3");
        ConversionPoint first = new ConversionPoint(10, PURCHASE, day(2.01), BigDecimal.TEN, "p1");
        ConversionPoint second = new ConversionPoint(11, PURCHASE, day(3.01), BigDecimal.TEN, "p2");

        List<Journey> journeys = builder.build(List.of(direct4, twitter, direct3), List.of(second, first));

        Map<String, Double> lastTouch = new java.util.HashMap<>();
        for (Journey j : journeys) {
            AttributionModel.LAST_TOUCH.credits(j.touches()).forEach(cr -> lastTouch.merge(cr.channel(), cr.share(), Double::sum));
        }
        assertThat(lastTouch).containsExactly(Map.entry("Organic Social", 2.0));
    }

    // ---- the tie rule

    @Test
    void theConvertingRowsOwnTouchIsLastAtItsInstantWhateverTheContent() {
        // an import row that is a touch (csv:x:1) and a conversion (csv:x:1:conversion) at the same
        // instant as another row: "A" sorts before "Z" by content, but the own touch goes last
        JourneyTouch own = touch(1, 3, "A", Interaction.CLICK, "csv:x:1");
        JourneyTouch other = touch(2, 3, "Z", Interaction.CLICK, "csv:y:1");
        ConversionPoint c = new ConversionPoint(10, PURCHASE, day(3), BigDecimal.TEN, "csv:x:1:conversion");

        assertThat(ids(builder.journeys(List.of(own, other), List.of(c)).get(c))).containsExactly(2L, 1L);
        assertThat(ids(builder.journeys(List.of(other, own), List.of(c)).get(c))).containsExactly(2L, 1L);
    }

    @Test
    void aTouchStoredUnderTheConversionsOwnEventIdIsItsOwn() {
        ConversionPoint c = new ConversionPoint(10, PURCHASE, day(3), BigDecimal.TEN, "ev-1");

        assertThat(JourneyBuilder.isOwnTouch(c, touch(1, 3, "A", Interaction.CLICK, "ev-1"))).isTrue();
        assertThat(JourneyBuilder.isOwnTouch(new ConversionPoint(10, PURCHASE, day(3), BigDecimal.TEN, "ga:v:1:transaction"),
                touch(1, 3, "A", Interaction.CLICK, "ga:v:1"))).isTrue();
        assertThat(JourneyBuilder.isOwnTouch(c, touch(1, 3, "A", Interaction.CLICK, "ev-10"))).isFalse();
        assertThat(JourneyBuilder.isOwnTouch(c, touch(1, 3, "A", Interaction.CLICK, "ev"))).isFalse();
        assertThat(JourneyBuilder.isOwnTouch(c, touch(1, 3, "A", Interaction.CLICK, ""))).isFalse();
    }

    @Test
    void touchesAtTheSameInstantAreOrderedByContentNeverById() {
        // same instant, same channel: campaign decides; then source / medium; then event id
        List<JourneyTouch> touches = List.of(
                new JourneyTouch(1, day(2), "Email", "b", "n / email", Interaction.CLICK, "e9"),
                new JourneyTouch(2, day(2), "Email", "a", "z / email", Interaction.CLICK, "e8"),
                new JourneyTouch(3, day(2), "Email", "a", "m / email", Interaction.CLICK, "e7"),
                new JourneyTouch(4, day(2), "Email", "a", "m / email", Interaction.CLICK, "e6"));
        ConversionPoint c = conversion(10, PURCHASE, 2);

        List<Long> expected = List.of(4L, 3L, 2L, 1L);
        for (List<JourneyTouch> arrival : List.of(touches, List.of(touches.get(3), touches.get(2), touches.get(1), touches.get(0)),
                List.of(touches.get(2), touches.get(0), touches.get(3), touches.get(1)))) {
            assertThat(ids(builder.journeys(arrival, List.of(c)).get(c))).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void conversionsAtTheSameInstantAreTakenByEventIdNotByConversionId() {
        JourneyBuilder one = new JourneyBuilder(rules(30, 1, JourneyStart.LOOKBACK, CountingMode.ONE));
        ConversionPoint b = new ConversionPoint(1, PURCHASE, day(3), BigDecimal.ONE, "b");
        ConversionPoint a = new ConversionPoint(2, PURCHASE, day(3), BigDecimal.TEN, "a");

        List<Journey> journeys = one.build(List.of(touch(1, 1, "Email")), List.of(b, a));

        assertThat(journeys).extracting(j -> j.conversion().eventId(), Journey::counted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", true), org.assertj.core.groups.Tuple.tuple("b", false));
    }

    // ---- counting

    @Test
    void countingEveryCountsThreeConversionsInTheSameSecond() {
        List<ConversionPoint> three = List.of(new ConversionPoint(1, PURCHASE, day(3), BigDecimal.ONE, "e1"),
                new ConversionPoint(2, PURCHASE, day(3), BigDecimal.ONE, "e2"),
                new ConversionPoint(3, PURCHASE, day(3), BigDecimal.ONE, "e3"));

        assertThat(builder.build(List.of(), three)).extracting(Journey::counted).containsExactly(true, true, true);
        JourneyBuilder one = new JourneyBuilder(rules(30, 1, JourneyStart.LOOKBACK, CountingMode.ONE));
        assertThat(one.build(List.of(), three)).extracting(Journey::counted).containsExactly(true, false, false);
    }

    @Test
    void countingOneCountsOncePerAnchorTouch() {
        JourneyBuilder one = new JourneyBuilder(rules(30, 1, JourneyStart.LOOKBACK, CountingMode.ONE));
        // ad click day 1, signup day 2; direct visit day 3, signup day 3.5 (still the same ad click's
        // journey under last non-direct); a new ad click day 5, signup day 6
        List<JourneyTouch> touches = List.of(touch(1, 1, "Paid Search"), touch(2, 3, "Direct"), touch(3, 5, "Paid Social"));
        ConversionPoint s1 = conversion(10, PURCHASE, 2);
        ConversionPoint s2 = conversion(11, PURCHASE, 3.5);
        ConversionPoint s3 = conversion(12, PURCHASE, 6);

        assertThat(one.build(touches, List.of(s3, s1, s2))).extracting(j -> j.conversion().conversionId(), Journey::counted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, true), org.assertj.core.groups.Tuple.tuple(11L, false),
                        org.assertj.core.groups.Tuple.tuple(12L, true));
    }

    @Test
    void countingOneAnchorsOnTheClickNotOnALaterImpression() {
        JourneyBuilder one = new JourneyBuilder(rules(30, 1, JourneyStart.LOOKBACK, CountingMode.ONE));
        // ad click day 1, signup day 2; an ad impression day 2.5, signup day 3: last touch still credits the
        // click (clicks take precedence), so the second signup follows the same interaction and is not counted
        List<JourneyTouch> touches = List.of(touch(1, 1, "Paid Search", Interaction.CLICK, "c1"),
                touch(2, 2.5, "Display", Interaction.IMPRESSION, "i1"));
        List<Journey> journeys = one.build(touches, List.of(conversion(10, PURCHASE, 2), conversion(11, PURCHASE, 3)));

        assertThat(journeys).extracting(Journey::counted).containsExactly(true, false);
        assertThat(ids(journeys.get(1).touches())).as("the impression is in the second journey all the same")
                .containsExactly(1L, 2L);
    }

    @Test
    void countingOneIsPerAction() {
        JourneyBuilder oneEach = new JourneyBuilder(rules(30, 1, JourneyStart.LOOKBACK, CountingMode.ONE));
        List<JourneyTouch> touches = List.of(touch(1, 1, "Paid Search"));

        assertThat(oneEach.build(touches, List.of(conversion(10, PURCHASE, 2), conversion(11, ADD_TO_CART, 2))))
                .extracting(Journey::counted).containsExactly(true, true);
    }

    @Test
    void countingOneWithAJourneyAfterThePreviousConversionStillAnchorsOnTheWholeWindow() {
        JourneyBuilder oneAfterPrevious = new JourneyBuilder(
                rules(30, 1, JourneyStart.AFTER_PREVIOUS_CONVERSION, CountingMode.ONE));
        // one ad click, then three signups: the journeys after the first are empty, but the ad click
        // is still the interaction they follow, so only the first counts; a new click counts again
        List<JourneyTouch> touches = List.of(touch(1, 1, "Paid Search"), touch(2, 4, "Email"));
        List<Journey> journeys = oneAfterPrevious.build(touches,
                List.of(conversion(10, PURCHASE, 2), conversion(11, PURCHASE, 3), conversion(12, PURCHASE, 5)));

        assertThat(journeys).extracting(Journey::counted).containsExactly(true, false, true);
        assertThat(ids(journeys.get(0).touches())).containsExactly(1L);
        assertThat(ids(journeys.get(2).touches())).as("cut after the previous counted conversion, day 2")
                .containsExactly(2L);
    }
}
