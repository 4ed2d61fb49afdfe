package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirstConversionsOfVisitsTest {

    private static final long PURCHASE = 1;
    private static final long NEWSLETTER = 2;

    private static ConversionPoint conversion(long id, long action, String at) {
        return new ConversionPoint(id, action, Instant.parse(at), BigDecimal.ONE);
    }

    @Test
    void theEarliestCountedMacroConversionOfEachVisitByTimeThenId() {
        List<ConversionPoint> conversions = List.of(
                conversion(5, PURCHASE, "2026-09-07T14:30:00Z"),  // visit 100, second
                conversion(4, PURCHASE, "2026-09-07T14:00:00Z"),  // visit 100, first
                conversion(7, PURCHASE, "2026-09-07T15:00:00Z"),  // visit 200, same instant as 6: higher id
                conversion(6, PURCHASE, "2026-09-07T15:00:00Z"),  // visit 200, first by id
                conversion(8, NEWSLETTER, "2026-09-07T09:00:00Z"), // visit 300, micro: never first
                conversion(9, PURCHASE, "2026-09-07T09:30:00Z"),  // visit 300, first although later than 8
                conversion(10, PURCHASE, "2026-09-07T08:00:00Z"), // visit 400, not counted
                conversion(11, PURCHASE, "2026-09-07T08:10:00Z"), // visit 400, first
                conversion(12, PURCHASE, "2026-09-07T07:00:00Z")); // no visit
        Map<Long, Long> visits = new HashMap<>(Map.of(5L, 100L, 4L, 100L, 7L, 200L, 6L, 200L, 8L, 300L, 9L, 300L,
                10L, 400L, 11L, 400L));
        visits.put(12L, null);
        Set<Long> first = FirstConversionsOfVisits.of(conversions, visits,
                c -> c.actionId() == PURCHASE && c.conversionId() != 10);
        assertThat(first).containsExactlyInAnyOrder(4L, 6L, 9L, 11L);
    }

    @Test
    void aVisitWithoutAnyCountedMacroConversionHasNoFirst() {
        assertThat(FirstConversionsOfVisits.of(List.of(conversion(1, NEWSLETTER, "2026-09-07T09:00:00Z")),
                Map.of(1L, 100L), c -> c.actionId() == PURCHASE)).isEmpty();
    }
}
