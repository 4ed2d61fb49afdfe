package io.tracker.application.attribution;

import io.tracker.application.tenant.CrossTenant;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.PlatformJob;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue of visitors waiting for re-attribution ({@code attribution_pending}), as the
 * {@link AttributionWorker} and the lag displays use it.
 *
 * <p><b>Claiming.</b> A batch is claimed by <em>deleting</em> the tenant's oldest ready marks
 * ({@code for update skip locked}: servers claiming at once get disjoint batches, and no visitor is
 * attributed twice at once), and re-attributed in the same transaction. If the attribution fails,
 * the transaction rolls back and the marks are back. A writer marking a claimed visitor meanwhile
 * waits for the claim's transaction and then inserts a fresh mark (see {@link PendingAttribution}):
 * a mark that was only locked instead would make the writer's {@code on conflict do nothing} drop
 * the new mark at once, and the events the running attribution could not see would never be
 * attributed. The wait is at most one batch's transaction.
 *
 * <p><b>Failures.</b> A visitor whose re-attribution fails on its own is deferred: attempt counted,
 * retried after 2^attempts seconds (at most 10 minutes), its {@code marked_at} kept, so the lag keeps
 * showing it while the tenant's other visitors go on.
 */
@Stateless
public class AttributionQueue {

    /** Longest pause before a failed visitor is tried again. */
    static final int MAX_RETRY_PAUSE_SECONDS = 600;

    private static final String READY = "(q.retry_after is null or q.retry_after <= now())";

    /**
     * The claim of a batch; parameters: tenant id, tenant id, batch size. Public for the test of the
     * protocol against a writer's mark ({@code AttributionWorkerIT}).
     */
    public static final String CLAIM_OLDEST = "delete from attribution_pending p where p.tenant_id = ? "
            + "and p.visitor_id in (select q.visitor_id from attribution_pending q where q.tenant_id = ? and " + READY
            + " order by q.marked_at limit ? for update skip locked) returning p.visitor_id";

    private static final String CLAIM_ONE = "delete from attribution_pending p where p.tenant_id = ? "
            + "and p.visitor_id in (select q.visitor_id from attribution_pending q where q.tenant_id = ? "
            + "and q.visitor_id = ? and " + READY + " for update skip locked) returning p.visitor_id";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private AttributionService attribution;

    /** The tenants with marks ready to be claimed, in id order (database function {@code attribution_pending_tenants}). */
    @CrossTenant("the worker's poll: which tenants have visitors waiting, nothing else (function attribution_pending_tenants)")
    public List<String> tenantsWithWork() {
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select tenant_id from attribution_pending_tenants()");
             ResultSet rs = ps.executeQuery()) {
            List<String> tenants = new ArrayList<>();
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
            return tenants;
        } catch (SQLException e) {
            throw new IllegalStateException("listing tenants with pending attribution failed: " + e.getMessage(), e);
        }
    }

    /**
     * Claims up to {@code max} of the current tenant's oldest ready marks and re-attributes those
     * visitors' persons, in a transaction of its own.
     *
     * @return the number of visitors claimed (fewer than {@code max}: the tenant's ready queue is empty)
     */
    @PlatformJob("the attribution worker re-attributes a tenant's pending visitors as Tracker itself")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int attributeNext(int max) {
        String tenantId = currentTenant.require();
        List<String> claimed = claim(CLAIM_OLDEST, tenantId, null, max);
        if (!claimed.isEmpty()) {
            attribution.reattribute(claimed);
        }
        return claimed.size();
    }

    /**
     * Claims and re-attributes one visitor of the current tenant, in a transaction of its own (to find
     * which visitor of a failed batch fails).
     *
     * @return false when the visitor has no ready mark (done or claimed meanwhile, or deferred)
     */
    @PlatformJob("the attribution worker retries one pending visitor as Tracker itself")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean attributeVisitor(String visitorId) {
        String tenantId = currentTenant.require();
        if (claim(CLAIM_ONE, tenantId, visitorId, 1).isEmpty()) {
            return false;
        }
        attribution.reattribute(List.of(visitorId));
        return true;
    }

    /** Up to {@code max} of the current tenant's oldest ready visitors, without claiming them. */
    @PlatformJob("the attribution worker looks at a tenant's pending visitors as Tracker itself")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> oldestReady(int max) {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("select q.visitor_id from attribution_pending q "
                     + "where q.tenant_id = ? and " + READY + " order by q.marked_at limit ?")) {
            ps.setString(1, tenantId);
            ps.setInt(2, max);
            List<String> visitors = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitors.add(rs.getString(1));
                }
            }
            return visitors;
        } catch (SQLException e) {
            throw new IllegalStateException("reading pending visitors failed: " + e.getMessage(), e);
        }
    }

    /**
     * Counts a failed attempt of the visitor and pauses it for 2^attempts seconds (at most
     * {@value #MAX_RETRY_PAUSE_SECONDS}); its mark and {@code marked_at} stay.
     *
     * @return the attempts counted so far
     */
    @PlatformJob("the attribution worker defers a failing visitor as Tracker itself")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int defer(String visitorId) {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement("update attribution_pending set attempts = attempts + 1, "
                     + "retry_after = now() + least(power(2, least(attempts + 1, 20)), ?) * interval '1 second' "
                     + "where tenant_id = ? and visitor_id = ? returning attempts")) {
            ps.setInt(1, MAX_RETRY_PAUSE_SECONDS);
            ps.setString(2, tenantId);
            ps.setString(3, visitorId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deferring a pending visitor failed: " + e.getMessage(), e);
        }
    }

    /** The whole platform's lag, for {@code /health} (function {@code attribution_lag}: aggregates only). */
    @CrossTenant("the platform's attribution lag for /health: a count and an age over all tenants, no tenant data")
    public AttributionLag platformLag() {
        try (Connection c = connections.forCrossTenantFunctions()) {
            return lag(c, "select pending, lag_seconds from attribution_lag()", null);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the attribution lag failed: " + e.getMessage(), e);
        }
    }

    /** The current tenant's lag, for its dashboard. */
    @RequiresPermission(Permission.READ_REPORTS)
    public AttributionLag tenantLag() {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant()) {
            return lag(c, "select count(*), coalesce(extract(epoch from now() - min(marked_at))::double precision, 0) "
                    + "from attribution_pending where tenant_id = ?", tenantId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the attribution lag failed: " + e.getMessage(), e);
        }
    }

    private static AttributionLag lag(Connection c, String sql, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (tenantId != null) {
                ps.setString(1, tenantId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AttributionLag(rs.getLong(1), Math.max(0, rs.getDouble(2)));
            }
        }
    }

    private List<String> claim(String sql, String tenantId, String visitorId, int max) {
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setString(2, tenantId);
            if (visitorId != null) {
                ps.setString(3, visitorId);
            } else {
                ps.setInt(3, max);
            }
            List<String> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming pending visitors failed: " + e.getMessage(), e);
        }
    }
}
