package io.tracker.launcher.database;

import io.tracker.launcher.support.LaunchException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the launcher does in PostgreSQL as the database's owner (an administrator such as
 * {@code postgres}): create the database, create the application's login role, and, for the tests,
 * drop and recreate the test database. The application role is what Tracker connects as: no
 * superuser, no BYPASSRLS, not the tables' owner, so that row-level security applies to it; its table
 * privileges come from the Flyway migrations, not from here.
 */
public final class DatabaseAdmin {

    /** Passwords the launcher generates (base64url), safe inside a SQL string literal. */
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,200}");

    private final String user;
    private final String password;

    /**
     * @param user the administrator (creates databases and roles), e.g. {@code postgres}
     * @param password its password; null or empty for trust authentication
     */
    public DatabaseAdmin(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** Whether the administrator can sign in to the server of {@code url} (5 s at most). */
    public boolean canConnect(JdbcUrl url) {
        try (Connection ignored = connect(url.maintenanceUrl())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Creates the database of {@code url} (UTF-8, owned by the administrator) when it does not exist.
     *
     * @return true when it was created now
     * @throws LaunchException when the server cannot be reached or refuses
     */
    public boolean ensureDatabase(JdbcUrl url) {
        try (Connection c = connect(url.maintenanceUrl())) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, url.database());
                try (ResultSet rows = q.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                // The name was checked by JdbcUrl (letters, digits, underscores): CREATE DATABASE takes no parameters.
                s.execute("CREATE DATABASE " + url.database() + " ENCODING 'UTF8' TEMPLATE template0");
            }
            return true;
        } catch (SQLException e) {
            throw new LaunchException("cannot create database " + url.database() + " as " + user + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Drops and recreates a test database (its name must end in {@code _it} or {@code _test}, so that a
     * mistyped URL can never drop a real database); {@code WITH (FORCE)} also ends sessions of an
     * aborted earlier run.
     */
    public void recreateTestDatabase(JdbcUrl url) {
        if (!url.isTestDatabase()) {
            throw new LaunchException("refusing to drop '" + url.database()
                    + "': the test database's name must end in _it or _test");
        }
        try (Connection c = connect(url.maintenanceUrl()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + url.database() + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new LaunchException("cannot recreate test database " + url.database() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure the application role {@code <database>_app} exists as a login role without
     * privileges beyond CONNECT on the database: NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS.
     * Its password is set to {@code rolePassword} when the role is created now or when
     * {@code resetPassword} is true (a password generated now, which the role does not know yet).
     *
     * @return true when the role was created now
     */
    public boolean ensureApplicationRole(JdbcUrl url, String rolePassword, boolean resetPassword) {
        if (!SAFE_PASSWORD.matcher(rolePassword).matches()) {
            throw new LaunchException("the application role's password must be 16-200 characters of"
                    + " A-Z a-z 0-9 _ -");
        }
        String role = url.applicationRole();
        try (Connection c = connect(url.maintenanceUrl())) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                q.setString(1, role);
                try (ResultSet rows = q.executeQuery()) {
                    exists = rows.next();
                }
            }
            try (Statement s = c.createStatement()) {
                // Role name from JdbcUrl and password checked above: both safe in the statement text.
                String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
                        + rolePassword + "'";
                if (!exists) {
                    s.execute("CREATE ROLE " + role + attributes);
                } else if (resetPassword) {
                    s.execute("ALTER ROLE " + role + attributes);
                }
                s.execute("GRANT CONNECT ON DATABASE " + url.database() + " TO " + role);
            }
            return !exists;
        } catch (SQLException e) {
            throw new LaunchException("cannot create the application role " + role + " as " + user
                    + " (it needs the CREATEROLE privilege): " + e.getMessage(), e);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            login.setProperty("password", password);
        }
        login.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, login);
    }
}
