package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.attribution.ConversionVisits.Result;
import io.tracker.domain.attribution.ConversionVisits.Visit;
import io.tracker.domain.tracking.Interaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each conversion's visit: the latest touch of its own visitor at or before it. Small cases by hand, and
 * random ones against the definition applied literally (every touch looked at for every conversion).
 */
class ConversionVisitsTest {

    private static final Instant T0 = Instant.parse("2026-09-07T12:00:00Z");

    private static Instant at(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    private static JourneyTouch touch(long id, long minutes) {
        return new JourneyTouch(id, at(minutes), "Email", "");
    }

    private static ConversionPoint conversion(long id, long minutes) {
        return new ConversionPoint(id, 1, at(minutes), BigDecimal.TEN);
    }

    @Test
    void theVisitIsTheLatestTouchAtOrBeforeTheConversionAndATouchAtTheSameInstantCounts() {
        // a: touches at 0, 30 and 60; conversions at 45 (→ 30), 60 (→ 60, same instant) and 90 (→ 60, twice).
        Result r = ConversionVisits.of(
                Map.of("a", List.of(conversion(100, 45), conversion(101, 60), conversion(102, 90))),
                Map.of("a", List.of(touch(3, 60), touch(1, 0), touch(2, 30))));

        assertThat(r.found()).containsOnly(
                Map.entry(100L, new Visit(2, at(30))),
                Map.entry(101L, new Visit(3, at(60))),
                Map.entry(102L, new Visit(3, at(60))));
        assertThat(r.unresolved()).isEmpty();
    }

    @Test
    void ofTouchesAtTheSameInstantTheHighestIdIsTheVisit() {
        Result r = ConversionVisits.of(Map.of("a", List.of(conversion(100, 10))),
                Map.of("a", List.of(touch(7, 5), touch(9, 5), touch(8, 5))));

        assertThat(r.found()).containsOnly(Map.entry(100L, new Visit(9, at(5))));
    }

    @Test
    void aConversionBeforeEveryTouchReadOrOfAVisitorWithoutTouchesIsUnresolved() {
        // a's only touch read is after its first conversion; b has no touch read at all.
        Result r = ConversionVisits.of(
                Map.of("a", List.of(conversion(100, 10), conversion(101, 40)), "b", List.of(conversion(200, 10))),
                Map.of("a", List.of(touch(1, 20))));

        assertThat(r.found()).containsOnly(Map.entry(101L, new Visit(1, at(20))));
        assertThat(r.unresolved()).containsExactlyInAnyOrder(100L, 200L);
    }

    @Test
    void onlyTheConversionsOwnVisitorsTouchesCountEvenAnImpression() {
        // b's touch at 5 is later than a's at 0, but a's conversion happened in a's visit; a's latest is a view.
        JourneyTouch view = new JourneyTouch(2, at(3), "Display", "", "(direct) / (none)", Interaction.IMPRESSION, "");
        Result r = ConversionVisits.of(Map.of("a", List.of(conversion(100, 10))),
                Map.of("a", List.of(touch(1, 0), view), "b", List.of(touch(3, 5))));

        assertThat(r.found()).containsOnly(Map.entry(100L, new Visit(2, at(3))));
    }

    @Test
    void randomHistoriesAgreeWithTheDefinitionAppliedLiterally() {
        Random random = new Random(20260907);
        for (int round = 0; round < 200; round++) {
            Map<String, List<ConversionPoint>> conversions = new HashMap<>();
            Map<String, List<JourneyTouch>> touches = new HashMap<>();
            long id = 1;
            for (String visitor : List.of("a", "b", "c")) {
                List<JourneyTouch> ts = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    ts.add(touch(id++, random.nextInt(20))); // few instants: many ties
                }
                touches.put(visitor, ts);
                List<ConversionPoint> cs = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    cs.add(conversion(id++, random.nextInt(20)));
                }
                conversions.put(visitor, cs);
            }

            Result r = ConversionVisits.of(conversions, touches);

            conversions.forEach((visitor, cs) -> {
                for (ConversionPoint c : cs) {
                    JourneyTouch expected = touches.get(visitor).stream().filter(t -> !t.at().isAfter(c.at()))
                            .max(Comparator.comparing(JourneyTouch::at).thenComparingLong(JourneyTouch::touchpointId))
                            .orElse(null);
                    if (expected == null) {
                        assertThat(r.unresolved()).contains(c.conversionId());
                        assertThat(r.found()).doesNotContainKey(c.conversionId());
                    } else {
                        assertThat(r.found().get(c.conversionId()))
                                .isEqualTo(new Visit(expected.touchpointId(), expected.at()));
                    }
                }
            });
        }
    }
}
