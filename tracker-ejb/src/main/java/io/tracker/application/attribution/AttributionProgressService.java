package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How far the current tenant's attribution is behind: the visitors waiting in {@code attribution_pending}
 * (new events, or a conversion action whose settings changed) and the age of the oldest mark. What the
 * conversion actions page polls while re-attribution runs, and {@code GET /api/v1/attribution/status}.
 */
@Stateless
@RequiresPermission({Permission.READ_REPORTS, Permission.EDIT_SETUP})
public class AttributionProgressService {

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /** The current tenant's pending visitors and the age of its oldest mark, in seconds by the database's clock. */
    public AttributionLag current() {
        // The explicit tenant condition: a database owner (development) is not subject to row-level security.
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select count(*), coalesce(extract(epoch from now() - "
                     + "min(marked_at))::double precision, 0) from attribution_pending where tenant_id = ?")) {
            ps.setString(1, currentTenant.require());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AttributionLag(rs.getLong(1), rs.getDouble(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the attribution queue failed: " + e.getMessage(), e);
        }
    }
}
