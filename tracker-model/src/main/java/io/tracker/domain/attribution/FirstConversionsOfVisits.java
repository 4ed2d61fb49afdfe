package io.tracker.domain.attribution;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which conversion is the first of its visit, so that converted visits add up day by day: among the
 * conversions that count as macro conversions and share a visit, the earliest (by time, then by
 * conversion id). A period's converted visits (the distinct visits in the period of its counted macro
 * conversions) are exactly its first conversions whose visit lies in the period: a visit is never after
 * its conversions, so when one of them and the visit are in the period, the earliest is in it too.
 */
public final class FirstConversionsOfVisits {

    private static final Comparator<ConversionPoint> EARLIEST = Comparator.comparing(ConversionPoint::at)
            .thenComparingLong(ConversionPoint::conversionId);

    private FirstConversionsOfVisits() {
    }

    /**
     * @param conversions every conversion of the visitors whose visits are in question (a visit is its own
     *                    visitor's touchpoint, so all conversions sharing one are among them)
     * @param visits      each conversion's visit (touchpoint id) by conversion id; absent or null: none
     * @param countsAsMacro whether a conversion counts in the summary: counted, of a macro action
     * @return the ids of the first conversions
     */
    public static Set<Long> of(Collection<ConversionPoint> conversions, Map<Long, Long> visits,
                               Predicate<ConversionPoint> countsAsMacro) {
        Map<Long, ConversionPoint> firstByVisit = new HashMap<>();
        for (ConversionPoint c : conversions) {
            Long visit = visits.get(c.conversionId());
            if (visit != null && countsAsMacro.test(c)) {
                firstByVisit.merge(visit, c, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
            }
        }
        Set<Long> first = new HashSet<>();
        firstByVisit.values().forEach(c -> first.add(c.conversionId()));
        return first;
    }
}
