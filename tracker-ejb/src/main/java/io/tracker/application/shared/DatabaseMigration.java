package io.tracker.application.shared;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else runs. Flyway owns the schema
 * ({@code db/migration} in this module) and runs as the schema's owner through
 * {@link Database#MIGRATION_DATA_SOURCE}; EclipseLink never generates DDL. The application's data
 * source connects as another role, which is then granted the use of the tables and sequences.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = Database.MIGRATION_DATA_SOURCE)
    private DataSource owner;

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource application;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                + " (" + applied + " migrations applied now)");
        grantToApplicationRole();
    }

    /** Lets the role of the application's data source read and write the tables, nothing more. */
    private void grantToApplicationRole() {
        try (Connection app = application.getConnection(); Statement s = app.createStatement();
             ResultSet user = s.executeQuery("select current_user")) {
            user.next();
            String role = '"' + user.getString(1).replace("\"", "\"\"") + '"';
            try (Connection c = owner.getConnection(); Statement grant = c.createStatement()) {
                grant.execute("GRANT USAGE ON SCHEMA public TO " + role);
                grant.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
                grant.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the application role the use of the schema", e);
        }
    }
}
