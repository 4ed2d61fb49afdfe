package io.tracker.application.reporting;

import io.tracker.application.tenant.AccessService;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.TenantConnections;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agency admin's portfolio: every client of the agencies the caller administers, side by side,
 * with the headline KPIs of {@link ReportService#kpis} over a {@link PortfolioRange} and over the
 * period of the same length before it (each client's days in its own time zone, revenue in its own
 * currency).
 *
 * <p>One query over all those clients, through the database function {@code agency_client_kpis}
 * ({@code SECURITY DEFINER}, see {@code V23__portfolio.sql}): it returns aggregates only, of the
 * agencies this service found the caller administers. No tenant is switched to compute it.
 */
@Stateless
public class PortfolioService {

    /** Longest custom period the portfolio covers, in days. */
    public static final int MAX_DAYS = 366;

    @EJB
    private AccessService access;

    @Inject
    private TenantConnections connections;

    /**
     * The last {@code days} days, today included, of the clients that are not archived.
     *
     * @param days 7, 30 or 90
     * @param now  the instant that decides each client's "today"
     * @return the clients by name; empty for a caller who administers no agency
     */
    @CrossTenant("an agency admin's portfolio spans the agency's clients: aggregates only, for the agencies the "
            + "caller administers (AccessService), read by the database function agency_client_kpis")
    public List<ClientKpis> portfolio(Caller caller, int days, Instant now) {
        return portfolio(caller, PortfolioRange.lastDays(days), false, now);
    }

    /**
     * Every client of the agencies the caller administers with its KPIs over the range (resolved in the
     * client's own time zone, see {@link PortfolioRange}) and over the period of the same length just
     * before, in one query.
     *
     * @param withArchived whether archived clients are included
     * @param now          the instant that decides each client's "today"
     * @return the clients by name; empty for a caller who administers no agency
     */
    @CrossTenant("an agency admin's portfolio spans the agency's clients: aggregates only, for the agencies the "
            + "caller administers (AccessService), read by the database functions agency_clients and "
            + "agency_client_kpis")
    public List<ClientKpis> portfolio(Caller caller, PortfolioRange range, boolean withArchived, Instant now) {
        List<String> agencies = access.administeredAgencies(caller);
        if (agencies.isEmpty()) {
            return List.of();
        }
        // Agency ids are UUIDs: no commas inside.
        String agencyList = String.join(",", agencies);
        try (Connection c = connections.forCrossTenantFunctions()) {
            List<Client> clients = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, name, industry, time_zone, currency, "
                    + "archived_at is not null from agency_clients(string_to_array(?, ',')) order by name, id")) {
                ps.setString(1, agencyList);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (withArchived || !rs.getBoolean(6)) {
                            ZoneId zone = ZoneId.of(rs.getString(4));
                            clients.add(new Client(rs.getString(1), rs.getString(2), rs.getString(3), zone,
                                    rs.getString(5).trim(), rs.getBoolean(6),
                                    range.resolve(LocalDate.ofInstant(now, zone))));
                        }
                    }
                }
            }
            if (clients.isEmpty()) {
                return List.of();
            }
            // Two rows per client: its period and the one before.
            int n = clients.size();
            Object[] ids = new Object[2 * n];
            Object[] firsts = new Object[2 * n];
            Object[] lasts = new Object[2 * n];
            for (int i = 0; i < n; i++) {
                PortfolioRange.Days days = clients.get(i).days();
                PortfolioRange.Days before = days.previous();
                ids[2 * i] = clients.get(i).id();
                firsts[2 * i] = days.first().toString();
                lasts[2 * i] = days.last().toString();
                ids[2 * i + 1] = clients.get(i).id();
                firsts[2 * i + 1] = before.first().toString();
                lasts[2 * i + 1] = before.last().toString();
            }
            Map<String, Kpis> figures = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select tenant_id, first_day, touchpoints, conversions, "
                    + "revenue, converted_visits from agency_client_kpis(string_to_array(?, ','), ?, ?::text[]::date[], ?::text[]::date[])")) {
                ps.setString(1, agencyList);
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("text", firsts));
                ps.setArray(4, c.createArrayOf("text", lasts));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long touchpoints = rs.getLong(3);
                        long convertedVisits = rs.getLong(6);
                        double revenue = rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
                        figures.put(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class),
                                new Kpis(touchpoints, rs.getLong(4), Kpis.rate(rs.getLong(4), touchpoints), revenue,
                                        convertedVisits));
                    }
                }
            }
            Map<String, BigDecimal> costs = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select tenant_id, first_day, cost from agency_client_costs("
                    + "string_to_array(?, ','), ?, ?::text[]::date[], ?::text[]::date[])")) {
                ps.setString(1, agencyList);
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("text", firsts));
                ps.setArray(4, c.createArrayOf("text", lasts));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        costs.put(rs.getString(1) + "/" + rs.getObject(2, LocalDate.class),
                                rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_EVEN));
                    }
                }
            }
            Map<String, IndustryBenchmark> benchmarks = benchmarks(c);
            Kpis none = new Kpis(0, 0, 0, 0, 0);
            return clients.stream().map(cl -> new ClientKpis(cl.id(), cl.name(), cl.industry(), cl.zone().getId(),
                    cl.currency(), cl.days().first(), cl.days().last(),
                    figures.getOrDefault(cl.id() + "/" + cl.days().first(), none),
                    figures.getOrDefault(cl.id() + "/" + cl.days().previous().first(), none), cl.archived(),
                    costs.get(cl.id() + "/" + cl.days().first()), costs.get(cl.id() + "/" + cl.days().previous().first()),
                    benchmarkOf(benchmarks, cl.industry()))).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the portfolio failed: " + e.getMessage(), e);
        }
    }

    /** The newest benchmark row of each normalised industry (platform-wide, not a tenant's data). */
    private static Map<String, IndustryBenchmark> benchmarks(Connection c) throws SQLException {
        Map<String, IndustryBenchmark> newest = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select id, industry, metric, value, year, region, source, "
                + "source_url from industry_benchmark where metric = 'conversion_rate' order by year, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                IndustryBenchmark b = IndustryBenchmarkService.row(rs);
                newest.put(IndustryBenchmark.normalise(b.industry()), b);
            }
        }
        return newest;
    }

    /** The client's industry's benchmark, else the general one; null without an industry. */
    private static IndustryBenchmark benchmarkOf(Map<String, IndustryBenchmark> benchmarks, String industry) {
        if (industry == null || industry.isBlank()) {
            return null;
        }
        IndustryBenchmark own = benchmarks.get(IndustryBenchmark.normalise(industry));
        return own != null ? own : benchmarks.get(IndustryBenchmark.normalise(IndustryBenchmark.GENERAL));
    }

    private record Client(String id, String name, String industry, ZoneId zone, String currency, boolean archived,
                          PortfolioRange.Days days) {
    }
}
