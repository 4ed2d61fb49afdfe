package io.tracker.application.tracking.debug;

import io.tracker.application.shared.Polling;
import io.tracker.application.tenant.TenantConnections;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Deletes every tenant's debug hits {@value #KEEP_HOURS} hours after they arrived, and debug sessions that long
 * after they ended: once an hour (the first pass an hour after start), through the database function
 * {@code prune_debug_data} (it runs without a tenant). Polls through {@link Polling}: a failed pass is logged,
 * the next one goes on.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedScheduledExecutorDefinition(name = DebugDataPruner.EXECUTOR, maxAsync = 1)
public class DebugDataPruner {

    static final String EXECUTOR = "java:app/concurrent/debug-pruner";

    /** Hours a debug hit is kept after it arrived. */
    public static final int KEEP_HOURS = 24;

    private static final Logger LOG = Logger.getLogger(DebugDataPruner.class.getName());

    @Resource(lookup = EXECUTOR)
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private TenantConnections connections;

    @Inject
    private RequestContextController requestContext;

    private Polling polling;

    @PostConstruct
    void start() {
        polling = Polling.start("debug data pruner", scheduler, 3600, requestContext, p -> prune());
    }

    @PreDestroy
    void stop() {
        polling.stop();
    }

    private void prune() {
        try (Connection c = connections.forCrossTenantFunctions();
             PreparedStatement ps = c.prepareStatement("select prune_debug_data(?)")) {
            ps.setInt(1, KEEP_HOURS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long deleted = rs.getLong(1);
                LOG.fine(() -> "debug data pruner: " + deleted + " debug hits deleted");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pruning debug data failed: " + e.getMessage(), e);
        }
    }
}
