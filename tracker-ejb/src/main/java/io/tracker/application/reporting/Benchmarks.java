package io.tracker.application.reporting;

import java.util.List;

/**
 * A client's conversion rate beside the published benchmarks of its industry and its anonymised peers
 * ({@link BenchmarkService#benchmarks}).
 *
 * @param industry       the client's industry as entered, or null when it has none
 * @param conversionRate the client's counted macro conversions ÷ visits in the period, a fraction (0 without
 *                       visits); the unit of {@link IndustryBenchmark#value()}
 * @param benchmarks     its industry's rows then the general ({@value IndustryBenchmark#GENERAL}) row; empty
 *                       without an industry
 * @param peers          the peer comparison, or null (see {@code peersHidden})
 * @param peersHidden    why {@code peers} is null, or null when it is shown
 */
public record Benchmarks(String industry, double conversionRate, List<IndustryBenchmark> benchmarks,
                         PeerComparison peers, PeersHidden peersHidden) {

    /** Why no peer comparison is shown. */
    public enum PeersHidden {
        /** The client has no industry. */
        NO_INDUSTRY,
        /** The period is shorter than {@value PeerComparison#MIN_DAYS} days. */
        PERIOD_TOO_SHORT,
        /** Fewer than {@value PeerComparison#MIN_PEERS} other clients of the industry have visits in the period. */
        TOO_FEW_PEERS
    }
}
