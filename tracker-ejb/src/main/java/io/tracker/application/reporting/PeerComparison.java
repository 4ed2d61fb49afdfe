package io.tracker.application.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a client's conversion rate compares with its anonymised peers: other clients of the platform (not
 * of its own agency) in the same industry with at least one visit in the period. Shown only with at
 * least {@value #MIN_PEERS} peers and over at least {@value #MIN_DAYS} days.
 *
 * @param count      the number of peers (at least {@value #MIN_PEERS})
 * @param median     the peers' median conversion rate (counted macro conversions ÷ visits, a fraction;
 *                   the mean of the two middle rates for an even count), rounded half up to
 *                   {@value #MEDIAN_DECIMALS} decimals; the client itself is not among them
 * @param percentile the client's mid-rank percentile among the peers, 0..100: the percentage of peers
 *                   whose rate is strictly below the client's plus half of those with an equal rate,
 *                   rounded half up to a whole number; null when the client had no visit in the period
 */
public record PeerComparison(long count, BigDecimal median, Integer percentile) {

    /** Fewest peers with which anything is shown. */
    public static final int MIN_PEERS = 5;

    /** Shortest period, in days, with which anything is shown. */
    public static final int MIN_DAYS = 7;

    /** Decimals of the median (of a fraction: 0.0261 is 2.61 %). */
    public static final int MEDIAN_DECIMALS = 4;

    /**
     * The comparison from the aggregates the database function {@code industry_peer_comparison} returns,
     * or null with fewer than {@value #MIN_PEERS} peers.
     *
     * @param peers  the number of peers
     * @param median their exact median, null with fewer than {@value #MIN_PEERS} peers
     * @param below  peers whose rate is strictly below the client's; null when the client has no rate
     * @param equal  peers whose rate equals the client's; null when the client has no rate
     */
    public static PeerComparison of(long peers, BigDecimal median, Long below, Long equal) {
        if (peers < MIN_PEERS || median == null) {
            return null;
        }
        Integer percentile = below == null || equal == null ? null : percentile(below, equal, peers);
        return new PeerComparison(peers, median.setScale(MEDIAN_DECIMALS, RoundingMode.HALF_UP), percentile);
    }

    /** Mid-rank percentile: 100 × (below + equal ÷ 2) ÷ peers, rounded half up, computed exactly. */
    static int percentile(long below, long equal, long peers) {
        if (peers <= 0 || below < 0 || equal < 0 || below + equal > peers) {
            throw new IllegalArgumentException("below " + below + " and equal " + equal + " of " + peers + " peers");
        }
        return BigDecimal.valueOf(100 * (2 * below + equal))
                .divide(BigDecimal.valueOf(2 * peers), 0, RoundingMode.HALF_UP).intValueExact();
    }
}
