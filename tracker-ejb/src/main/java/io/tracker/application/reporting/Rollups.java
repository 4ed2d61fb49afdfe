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
 * The roll-ups' upkeep. Writers append their sums to delta tables (statement triggers): every statement
 * on {@code touchpoint} its visits per UTC minute to {@code visit_daily_delta} (V14), every write of
 * credits its sums per roll-up key to {@code credit_daily_delta} (V15), every statement on
 * {@code conversion} its counted conversions, value and converted visits per UTC minute to
 * {@code conversion_daily_delta} (V16). A fold moves them into {@code visit_daily}, {@code credit_daily}
 * and {@code conversion_daily}. Readers add the unfolded deltas to the folded rows, so folding changes
 * no figure: it keeps the deltas they read few. {@link RollupFolder} folds all three every few seconds,
 * the attribution worker the credits' also when its queue is drained.
 *
 * <p>Each fold runs in a transaction of its own, one at a time across servers (the database function
 * returns -1 at once when another fold holds its lock; that fold takes these deltas too).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Rollups {

    @Inject
    private TenantConnections connections;

    /**
     * Folds every tenant's visit deltas (database function {@code visit_daily_fold}).
     *
     * @return the delta rows folded, or -1 when another fold was under way
     */
    @CrossTenant("folds the visit roll-up's deltas of all tenants into the roll-up (function visit_daily_fold): "
            + "moves sums between two roll-up tables, reads nothing out")
    public long foldVisits() {
        return fold("visit_daily_fold", "the visit roll-up");
    }

    /**
     * Folds every tenant's credit deltas (database function {@code credit_daily_fold}).
     *
     * @return the delta rows folded, or -1 when another fold was under way
     */
    @CrossTenant("folds the credit roll-up's deltas of all tenants into the roll-up (function credit_daily_fold): "
            + "moves sums between two roll-up tables, reads nothing out")
    public long foldCredits() {
        return fold("credit_daily_fold", "the credit roll-up");
    }

    /**
     * Folds every tenant's conversion deltas (database function {@code conversion_daily_fold}).
     *
     * @return the delta rows folded, or -1 when another fold was under way
     */
    @CrossTenant("folds the conversion roll-up's deltas of all tenants into the roll-up (function conversion_daily_fold): "
            + "moves sums between two roll-up tables, reads nothing out")
    public long foldConversions() {
        return fold("conversion_daily_fold", "the conversion roll-up");
    }

    private long fold(String function, String rollup) {
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select " + function + "()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("folding " + rollup + " failed: " + e.getMessage(), e);
        }
    }
}
