package io.tracker.application.shared;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else runs, and makes sure the application cannot
 * step around row-level security. Flyway owns the schema ({@code db/migration} in this module) and
 * runs as the owner through {@value Database#MIGRATION_DATA_SOURCE}; EclipseLink never generates DDL.
 *
 * <p>The role {@value Database#DATA_SOURCE} connects as (read with {@code select current_user}) is
 * the Flyway placeholder {@code app_role}: {@code afterMigrate.sql} grants it the tables and the
 * cross-tenant functions at every start. The application refuses to start (SEVERE log, failed
 * deployment) when that role is a superuser, has {@code BYPASSRLS}, or owns (or is a member of the
 * owner of) the tables: row-level security would not apply to it.
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
        try {
            AppRole role = appRole();
            role.refuseIfPrivileged();
            Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                    .dataSource(owner)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("app_role", quoteIdentifier(role.name())))
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            refuseIfOwner(role.name());
            LOG.info(() -> "Database schema at version " + flyway.info().current().getVersion()
                    + " (" + applied + " migrations applied now); the application connects as " + role.name()
                    + ", subject to row-level security");
        } catch (SQLException e) {
            throw refuse("cannot check the database roles: " + e.getMessage());
        }
    }

    private AppRole appRole() throws SQLException {
        try (Connection c = application.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw refuse(Database.DATA_SOURCE + " connects as a role missing from pg_roles");
            }
            return new AppRole(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3));
        }
    }

    /** After migrating: the application role must neither own the tables nor be a member of their owner. */
    private void refuseIfOwner(String role) throws SQLException {
        try (Connection c = owner.getConnection();
             PreparedStatement ps = c.prepareStatement("select string_agg(distinct tableowner, ', ') from pg_tables "
                     + "where schemaname = current_schema() and pg_has_role(?, tableowner, 'MEMBER')")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                String owners = rs.next() ? rs.getString(1) : null;
                if (owners != null) {
                    throw refuse(Database.DATA_SOURCE + " connects as " + role + ", which owns the tables (as "
                            + owners + "); row-level security does not apply to a table's owner. Connect "
                            + Database.DATA_SOURCE + " as a role of its own (TRACKER_DB_USER) and "
                            + Database.MIGRATION_DATA_SOURCE + " as the owner (TRACKER_DB_OWNER_USER)");
                }
            }
        }
    }

    private static IllegalStateException refuse(String why) {
        LOG.log(Level.SEVERE, "Tracker refuses to start: {0}", why);
        return new IllegalStateException("Tracker refuses to start: " + why);
    }

    /** A PostgreSQL identifier in double quotes, as Flyway puts the placeholder into GRANT statements. */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The role {@value Database#DATA_SOURCE} connects as. */
    record AppRole(String name, boolean superuser, boolean bypassRls) {

        void refuseIfPrivileged() {
            if (superuser || bypassRls) {
                throw refuse(Database.DATA_SOURCE + " connects as " + name + ", a "
                        + (superuser ? "superuser" : "role with BYPASSRLS")
                        + ", to which row-level security does not apply. Connect it as a role of its own "
                        + "(NOSUPERUSER NOBYPASSRLS, TRACKER_DB_USER) and " + Database.MIGRATION_DATA_SOURCE
                        + " as the schema's owner (TRACKER_DB_OWNER_USER)");
            }
        }
    }
}
