package io.tracker.application.reporting;

import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.TenantConnections;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The visit roll-up's upkeep (V14): every statement on {@code touchpoint} appends its visits per UTC
 * minute to {@code visit_daily_delta}; {@link #fold()} moves them into {@code visit_daily} (per tenant-local
 * day). Readers add the unfolded deltas to the folded days, so folding changes no figure: it keeps the
 * deltas they read few. {@link VisitRollupFolder} calls it every few seconds.
 */
@Stateless
public class VisitRollup {

    @Inject
    private TenantConnections connections;

    /**
     * Folds every tenant's deltas (database function {@code visit_daily_fold}), in a transaction of its own;
     * returns at once when another server is folding.
     *
     * @return the delta rows folded, or -1 when another fold was under way
     */
    @CrossTenant("folds the visit roll-up's deltas of all tenants into the roll-up (function visit_daily_fold): "
            + "moves sums between two roll-up tables, reads nothing out")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long fold() {
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select visit_daily_fold()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("folding the visit roll-up failed: " + e.getMessage(), e);
        }
    }
}
