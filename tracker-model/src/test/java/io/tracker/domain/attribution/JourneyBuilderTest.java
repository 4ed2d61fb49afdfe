package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void journeyRestartsAfterThePreviousConversionOfTheSameAction() {
        List<JourneyTouch> touches = List.of(touch(1, 1, "A"), touch(2, 2, "B"), touch(3, 4, "C"));
        ConversionPoint first = conversion(10, PURCHASE, 2);
        ConversionPoint second = conversion(11, PURCHASE, 5);

        Map<ConversionPoint, List<JourneyTouch>> journeys = builder.journeys(touches, List.of(second, first));

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
    void touchesAtTheSameInstantAreOrderedByIdAndIncluded() {
        List<JourneyTouch> touches = List.of(touch(7, 2, "Last"), touch(5, 2, "First"));
        ConversionPoint c = conversion(10, PURCHASE, 2);

        assertThat(ids(builder.journeys(touches, List.of(c)).get(c))).containsExactly(5L, 7L);
    }
}
