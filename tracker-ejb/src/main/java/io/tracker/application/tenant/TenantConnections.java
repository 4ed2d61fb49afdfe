package io.tracker.application.tenant;

import io.tracker.application.shared.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one way to the database outside JPA: a connection of the current JTA transaction on which
 * PostgreSQL's row-level security lets through only the current tenant's rows.
 *
 * <p>The policies of {@code V3__row_level_security.sql} compare {@code tenant_id} with the setting
 * {@value #SETTING}, which this class sets with {@code set_config(…, true)}: for the current
 * transaction only, so a pooled connection never carries a tenant into the next one. Inside a JTA
 * transaction Payara hands every user of {@code jdbc/tracker} (this class, EclipseLink) the same
 * physical connection, so setting it once per transaction and tenant covers JPA too;
 * {@link TenantFilter} does that before every business method ({@link #applyToTransaction()}), and
 * {@code RowLevelSecurityIT} checks that EclipseLink's queries see the setting. The tenant it was made for is
 * kept among the transaction's resources (which end with it), so {@link #forCurrentTenant()} sends it again
 * only when this transaction has not yet been set for that tenant: once per transaction and tenant, not once
 * per call. A pooled connection never keeps it: the setting is local to the database transaction, which
 * ends (commit or rollback) before the connection goes back to the pool.
 */
@ApplicationScoped
public class TenantConnections {

    /** The PostgreSQL setting the row-level security policies read. */
    public static final String SETTING = "app.tenant_id";

    /** Key in the transaction's resources: the tenant the setting was made for. */
    private static final String APPLIED = TenantConnections.class.getName() + ".tenant";

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * A connection for the current tenant, in the current transaction. Close it when done; the
     * transaction goes on.
     *
     * @throws CurrentTenant.NoTenantException without a current tenant
     * @throws IllegalStateException           outside a transaction (the setting would not last)
     */
    public Connection forCurrentTenant() throws SQLException {
        String tenantId = currentTenant.require();
        if (!transactionActive()) {
            throw new IllegalStateException("tenant-scoped JDBC needs a transaction (the tenant setting is per transaction)");
        }
        Connection c = dataSource.getConnection();
        if (tenantId.equals(transactions.getResource(APPLIED))) {
            // The transaction's one physical connection already acts for this tenant (see the class comment):
            // a second set_config would be a round trip for nothing, a dozen per dashboard view.
            return c;
        }
        try {
            set(c, tenantId);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        transactions.putResource(APPLIED, tenantId);
        return c;
    }

    /**
     * A connection without a tenant: row-level security shows it no tenant-owned row at all. Only for
     * the {@code SECURITY DEFINER} functions of the documented cross-tenant lookups (API key by hash,
     * memberships, an agency's clients and portfolio) and the agency tables, which are not tenant-owned.
     */
    public Connection forCrossTenantFunctions() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Makes the current transaction's connection act for the current tenant, if a tenant and a
     * transaction are there and the setting was not yet made for this tenant in this transaction.
     */
    public void applyToTransaction() {
        Optional<String> tenantId = currentTenant.get();
        if (tenantId.isEmpty() || !transactionActive() || tenantId.get().equals(transactions.getResource(APPLIED))) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            set(c, tenantId.get());
        } catch (SQLException e) {
            throw new IllegalStateException("setting the tenant on the database connection failed: " + e.getMessage(), e);
        }
        transactions.putResource(APPLIED, tenantId.get());
    }

    private boolean transactionActive() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    private static void set(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('" + SETTING + "', ?, true)")) {
            ps.setString(1, tenantId);
            ps.executeQuery().close();
        }
    }
}
