package io.tracker.application.reporting;

import io.tracker.application.tenant.AccessService;
import io.tracker.application.tenant.Caller;
import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.TenantConnections;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An agency admin's portfolio: every client of the agencies the caller administers, side by side,
 * with the headline KPIs of {@link ReportService#kpis} over the last days (today included, each
 * client's days in its own time zone, revenue in its own currency).
 *
 * <p>One query over all those clients, through the database function {@code agency_portfolio}
 * ({@code SECURITY DEFINER}, see {@code V3__row_level_security.sql}): it returns aggregates only, of
 * the agencies this service found the caller administers. No tenant is switched to compute it.
 */
@Stateless
public class PortfolioService {

    /** Longest period the portfolio covers, in days. */
    public static final int MAX_DAYS = 366;

    @EJB
    private AccessService access;

    @Inject
    private TenantConnections connections;

    /**
     * @param days length of the period in days, ending today (in each client's time zone); 1 to {@value #MAX_DAYS}
     * @param now  the instant that decides each client's "today"
     * @return the clients by name; empty for a caller who administers no agency
     */
    @CrossTenant("an agency admin's portfolio spans the agency's clients: aggregates only, for the agencies the "
            + "caller administers (AccessService), read by the database function agency_portfolio")
    public List<ClientKpis> portfolio(Caller caller, int days, Instant now) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", not " + days);
        }
        List<String> agencies = access.administeredAgencies(caller);
        if (agencies.isEmpty()) {
            return List.of();
        }
        List<ClientKpis> clients = new ArrayList<>();
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select p.tenant_id, p.name, p.industry, p.time_zone, p.currency, "
                     + "p.touchpoints, p.conversions, p.revenue, coalesce(v.converted_visits, 0) "
                     + "from agency_portfolio(string_to_array(?, ','), ?, ?) p "
                     + "left join agency_converted_visits(string_to_array(?, ','), ?, ?) v on v.tenant_id = p.tenant_id "
                     + "order by p.name, p.tenant_id")) {
            // Agency ids are UUIDs: no commas inside.
            for (int first : new int[] {1, 4}) {
                ps.setString(first, String.join(",", agencies));
                ps.setInt(first + 1, days);
                ps.setObject(first + 2, now.atOffset(ZoneOffset.UTC));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long touchpoints = rs.getLong(6);
                    long conversions = rs.getLong(7);
                    long convertedVisits = rs.getLong(9);
                    double revenue = rs.getBigDecimal(8).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
                    clients.add(new ClientKpis(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5).trim(), new Kpis(touchpoints, conversions,
                            Kpis.rate(conversions, touchpoints), revenue, convertedVisits)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the portfolio failed: " + e.getMessage(), e);
        }
        return clients;
    }
}
