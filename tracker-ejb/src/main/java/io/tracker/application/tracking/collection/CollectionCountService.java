package io.tracker.application.tracking.collection;

import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The current tenant's collection counts per day: what was stored, and the duplicates, bots and refusals that were not. */
@Stateless
@RequiresPermission({Permission.READ_REPORTS, Permission.INGEST})
public class CollectionCountService {

    @Inject
    private TenantConnections connections;

    /** The days from {@code from} to {@code to} (inclusive, tenant's time zone) that received hits, oldest first. */
    public List<CollectionDay> days(LocalDate from, LocalDate to) {
        List<CollectionDay> days = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select day, hits, stored, duplicates, bots, prefetches, "
                     + "cookieless, rejected from collection_count where day between ? and ? order by day")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new CollectionDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the collection counts failed: " + e.getMessage(), e);
        }
        return days;
    }
}
