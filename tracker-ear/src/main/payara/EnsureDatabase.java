import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates a PostgreSQL database if it does not exist yet; used by {@code ./run} so that a local
 * PostgreSQL needs no psql client. Runs as a single-file program with the JDBC driver on the class
 * path (nothing to compile, nothing in the EAR):
 *
 * <pre>
 *   TRACKER_DB_PASSWORD=secret java -cp postgresql.jar EnsureDatabase.java \
 *       jdbc:postgresql://127.0.0.1:5432/postgres postgres tracker
 * </pre>
 *
 * Arguments: the JDBC URL of an existing database of the server to connect to (usually
 * {@code postgres}), the user (needs the CREATEDB privilege when the database is missing) and the
 * name of the database to make sure of (lower-case letters, digits and underscores). The password
 * comes from the environment variable {@code TRACKER_DB_PASSWORD} (may be unset: trust
 * authentication), so it never shows in a process list.
 *
 * <p>With a fourth argument, also makes sure of that login role, the application's own (not the
 * owner, NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS, so row-level security applies to it), with
 * the password in {@code TRACKER_DB_APP_PASSWORD} and CONNECT on the database (the user then needs
 * CREATEROLE). Table privileges come from the application's migration.
 *
 * <p>Prints {@code created} or {@code exists} (about the database). Exit status: 0 done, 2 the server could not be
 * reached or refused the login (message on stderr), 1 anything else (bad arguments, no privilege).
 */
public final class EnsureDatabase {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private EnsureDatabase() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4 || !NAME.matcher(args[2]).matches()
                || (args.length == 4 && !NAME.matcher(args[3]).matches())) {
            System.err.println("usage: java -cp postgresql.jar EnsureDatabase.java <jdbc-url> <user> <database> [app-role]"
                    + " (names: lower-case letters, digits, underscores)");
            System.exit(1);
        }
        Properties login = new Properties();
        login.setProperty("user", args[1]);
        String password = System.getenv("TRACKER_DB_PASSWORD");
        if (password != null && !password.isEmpty()) {
            login.setProperty("password", password);
        }
        login.setProperty("connectTimeout", "5");
        Connection connection;
        try {
            connection = DriverManager.getConnection(args[0], login);
        } catch (SQLException e) {
            System.err.println("cannot connect to " + args[0] + " as " + args[1] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        try (connection) {
            boolean created = ensure(connection, args[2]);
            if (args.length == 4) {
                ensureRole(connection, args[3], args[2], System.getenv("TRACKER_DB_APP_PASSWORD"));
            }
            System.out.println(created ? "created" : "exists");
        } catch (SQLException e) {
            System.err.println("cannot create database " + args[2] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Creates or updates the application's login role (its name was checked against NAME). */
    private static void ensureRole(Connection connection, String role, String database, String password)
            throws SQLException {
        if (password == null || password.isEmpty()) {
            throw new SQLException("TRACKER_DB_APP_PASSWORD is not set (the password of " + role + ")");
        }
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                exists = rows.next();
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute((exists ? "ALTER" : "CREATE") + " ROLE " + role
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("GRANT CONNECT ON DATABASE " + database + " TO " + role);
        }
    }

    /** Returns true when the database had to be created. */
    private static boolean ensure(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        // The name was checked against NAME above, so it can go into the statement as is;
        // CREATE DATABASE takes no bind parameters.
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return true;
    }
}
