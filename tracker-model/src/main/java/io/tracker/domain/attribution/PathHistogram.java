package io.tracker.domain.attribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The buckets of the conversion path report's two histograms, as Google Ads' "time lag" and "path length"
 * reports group them: single values where most conversions fall, wider ranges after, the last one open.
 *
 * <ul>
 *   <li>{@link #TIME_LAG}: whole days from the journey's first touch to the conversion (24-hour periods, so "0" is
 *       "less than a day"): 0, 1, 2, 3, 4, 5, 6, 7–13, 14–29, 30–59, 60 and more;</li>
 *   <li>{@link #PATH_LENGTH}: touches in the journey: 1, 2, 3, 4, 5, 6–10, 11 and more.</li>
 * </ul>
 */
public enum PathHistogram {

    TIME_LAG(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 14, 30, 60}),
    PATH_LENGTH(new int[] {1, 2, 3, 4, 5, 6, 11});

    private final int[] lowerBounds;

    PathHistogram(int[] lowerBounds) {
        this.lowerBounds = lowerBounds;
    }

    /**
     * One bucket of a histogram.
     *
     * @param from        the smallest value it holds (days or touches)
     * @param to          the largest, or null for the last, open bucket
     * @param conversions the conversions whose value falls in it
     * @param share       its conversions ÷ all of the histogram's (0 when there are none)
     */
    public record Bucket(int from, Integer to, long conversions, double share) implements Serializable {

        /** {@code 3}, {@code 7–13}, {@code 60+}. */
        public String range() {
            if (to == null) {
                return from + "+";
            }
            return to == from ? Integer.toString(from) : from + "\u2013" + to;
        }
    }

    /**
     * Every bucket, in order, with the conversions counted per value summed into it: values below the first
     * bound (never met: lags and lengths start there) count in the first.
     *
     * @param countsByValue conversions per value (days or touches)
     */
    public List<Bucket> buckets(Map<Integer, Long> countsByValue) {
        long[] counts = new long[lowerBounds.length];
        long total = 0;
        for (Map.Entry<Integer, Long> e : countsByValue.entrySet()) {
            counts[indexOf(e.getKey())] += e.getValue();
            total += e.getValue();
        }
        List<Bucket> buckets = new ArrayList<>(lowerBounds.length);
        for (int i = 0; i < lowerBounds.length; i++) {
            Integer to = i + 1 < lowerBounds.length ? lowerBounds[i + 1] - 1 : null;
            buckets.add(new Bucket(lowerBounds[i], to, counts[i], total == 0 ? 0 : (double) counts[i] / total));
        }
        return List.copyOf(buckets);
    }

    private int indexOf(int value) {
        int index = 0;
        for (int i = 0; i < lowerBounds.length; i++) {
            if (value >= lowerBounds[i]) {
                index = i;
            }
        }
        return index;
    }
}
