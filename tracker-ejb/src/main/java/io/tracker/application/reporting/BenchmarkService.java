package io.tracker.application.reporting;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The current client's conversion rate beside its industry's published benchmarks and its anonymised
 * peers, for the dashboard and {@code GET /api/v1/reports/benchmarks}.
 *
 * <p><b>Rate.</b> Counted macro conversions ÷ visits of the period (a fraction, not capped at 1), from
 * the same roll-ups as {@link ReportService#kpis}; the peers' rates are computed the same way, each over
 * its own days in its own time zone.
 *
 * <p><b>Benchmarks.</b> The rows of {@code industry_benchmark} whose industry equals the client's after
 * trimming and lower-casing, then the general row ({@value IndustryBenchmark#GENERAL}); none without an
 * industry.
 *
 * <p><b>Peers.</b> Read by the {@code SECURITY DEFINER} function {@code industry_peer_comparison} (V22), which
 * returns aggregates only (count, median, how many peers lie below and at the client's rate) and only
 * for the tenant the transaction acts for. Shown as {@link PeerComparison} with at least
 * {@value PeerComparison#MIN_PEERS} peers and over at least {@value PeerComparison#MIN_DAYS} days.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class BenchmarkService {

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    @EJB
    private ReportService reports;

    /** The comparison for the current client over the period (whole days in its time zone). */
    public Benchmarks benchmarks(ReportPeriod period) {
        return benchmarks(period, reports.kpis(period));
    }

    /**
     * As {@link #benchmarks(ReportPeriod)}, with the period's headline figures already read by the caller
     * ({@link ReportService#kpis} of the same period, as the dashboard has them): one read of the roll-ups less
     * per view. They give the client's own rate shown; the peers' placing computes it in the database.
     */
    public Benchmarks benchmarks(ReportPeriod period, Kpis kpis) {
        String industry = tenants.current().getIndustry();
        double rate = kpis.touchpoints() == 0 ? 0 : (double) kpis.conversions() / kpis.touchpoints();
        if (industry == null || industry.isBlank()) {
            return new Benchmarks(null, rate, List.of(), null, Benchmarks.PeersHidden.NO_INDUSTRY);
        }
        List<IndustryBenchmark> rows = new ArrayList<>();
        PeerComparison peers;
        try (Connection c = connections.forCurrentTenant()) {
            try (PreparedStatement ps = c.prepareStatement("select id, industry, metric, value, year, region, source, "
                    + "source_url from industry_benchmark where lower(btrim(industry)) in (?, ?) "
                    + "order by lower(btrim(industry)) = ? desc, year desc, id")) {
                String own = IndustryBenchmark.normalise(industry);
                String general = IndustryBenchmark.normalise(IndustryBenchmark.GENERAL);
                ps.setString(1, own);
                ps.setString(2, general);
                ps.setString(3, own);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(IndustryBenchmarkService.row(rs));
                    }
                }
            }
            if (ChronoUnit.DAYS.between(period.from(), period.to()) + 1 < PeerComparison.MIN_DAYS) {
                return new Benchmarks(industry, rate, List.copyOf(rows), null, Benchmarks.PeersHidden.PERIOD_TOO_SHORT);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select peers, median, below, equal from industry_peer_comparison(?, ?, ?)")) {
                ps.setString(1, currentTenant.require());
                ps.setObject(2, period.from());
                ps.setObject(3, period.to());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    peers = PeerComparison.of(rs.getLong(1), rs.getBigDecimal(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Long.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the benchmarks failed: " + e.getMessage(), e);
        }
        return new Benchmarks(industry, rate, List.copyOf(rows), peers,
                peers == null ? Benchmarks.PeersHidden.TOO_FEW_PEERS : null);
    }
}
