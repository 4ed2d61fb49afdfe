package io.tracker.it.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The IT database as its superuser sees it, for simulating an outage without stopping the shared
 * PostgreSQL: {@link #cutOff()} makes it refuse new connections and ends every session the server
 * holds to it; {@link #reconnect()} (call it in a {@code finally}) lets connections in again.
 *
 * <p>The database comes from {@code tracker.it.db-url} (failsafe, from {@code TRACKER_IT_DB_URL};
 * default {@code jdbc:postgresql://127.0.0.1:5432/tracker_it}); the superuser from
 * {@code tracker.it.db-owner-user} (default {@code postgres}), connecting to the same server's
 * {@code postgres} database without a password (trust auth on test machines).
 */
public final class TestDatabase {

    private static final String URL = property("tracker.it.db-url", "jdbc:postgresql://127.0.0.1:5432/tracker_it");
    private static final String SUPERUSER = property("tracker.it.db-owner-user", "postgres");

    private TestDatabase() {
    }

    /** {@code ALTER DATABASE … ALLOW_CONNECTIONS false}, then {@code pg_terminate_backend} for its sessions. */
    public static void cutOff() {
        run("alter database " + name() + " allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name()
                        + "' and pid <> pg_backend_pid()");
    }

    /**
     * A connection to the IT database as its superuser (row-level security does not apply to it). A
     * statement of a test gives up on a lock after 60 s and on any work after 5 minutes (it fails instead
     * of waiting for ever: a test that holds a lock in one connection and waits in another, then fails
     * half-way, would otherwise hang the build while closing them).
     */
    public static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", "");
        properties.setProperty("options", "-c lock_timeout=60s -c statement_timeout=300s");
        properties.setProperty("socketTimeout", "330");
        return DriverManager.getConnection(URL, properties);
    }

    /**
     * Sets one column of a tenant's conversion action, as the superuser: tests that need an action's
     * setting before any event arrives, without a member's token for the actions API.
     *
     * @param value the column's value as JDBC takes it ({@code "ONE"}, {@code 7}, {@code new BigDecimal("25.00")})
     */
    public static void setAction(String tenantId, String actionKey, String column, Object value) throws SQLException {
        if (!column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        try (Connection db = connect();
             PreparedStatement ps = db.prepareStatement("update conversion_action set " + column + " = ? "
                     + "where tenant_id = ? and action_key = ?")) {
            ps.setObject(1, value);
            ps.setString(2, tenantId);
            ps.setString(3, actionKey);
            if (ps.executeUpdate() != 1) {
                throw new AssertionError("tenant " + tenantId + " has no conversion action " + actionKey);
            }
        }
    }

    /** {@code ALTER DATABASE … ALLOW_CONNECTIONS true}. */
    public static void reconnect() {
        run("alter database " + name() + " allow_connections true");
    }

    private static void run(String... statements) {
        URI uri = URI.create(URL.substring("jdbc:".length()));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + uri.getRawAuthority() + "/postgres",
                SUPERUSER, "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new AssertionError("as " + SUPERUSER + " on " + uri.getRawAuthority() + ": " + e, e);
        }
    }

    /** The IT database's name, checked to be a plain identifier (it goes into SQL). */
    private static String name() {
        String name = URI.create(URL.substring("jdbc:".length())).getPath().substring(1);
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("unexpected test database name " + name);
        }
        return name;
    }

    /** A system property; also the default when failsafe passed an unset variable through unresolved. */
    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
