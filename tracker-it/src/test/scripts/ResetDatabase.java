import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops and recreates the integration-test database so that every run starts empty (Flyway then
 * builds the schema when the EAR deploys), and makes sure of the application's own login role
 * {@code <database>_app} (NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS, password from the
 * environment variable {@code TRACKER_IT_DB_APP_PASSWORD}, CONNECT on the database): the role
 * {@code jdbc/tracker} connects as, subject to row-level security; the admin user owns the
 * database and runs Flyway. Run as a single-file program with the PostgreSQL driver:
 * {@code java -cp postgresql.jar ResetDatabase.java <jdbc-url> <user> [password]}.
 *
 * <p>It connects to the server's {@code postgres} maintenance database (same host, port and URL
 * parameters) and runs {@code DROP DATABASE ... WITH (FORCE)} (PostgreSQL 13 and later), which also
 * ends sessions left behind by an aborted earlier run. It refuses names that do not end in
 * {@code _it} or {@code _test}, so a mistyped URL can never drop a real database.
 */
public class ResetDatabase {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?");

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ResetDatabase <jdbc-url> <user> [password]");
        }
        Matcher m = URL.matcher(args[0]);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + args[0]);
        }
        String database = m.group(2);
        if (!database.matches("[A-Za-z0-9_]+") || !(database.endsWith("_it") || database.endsWith("_test"))) {
            throw new IllegalArgumentException("refusing to drop '" + database
                    + "': the test database's name must end in _it or _test");
        }
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        if (args.length > 2 && !args[2].isEmpty()) {
            props.setProperty("password", args[2]);
        }
        try (Connection c = DriverManager.getConnection(maintenanceUrl, props);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
            String app = database + "_app";
            String password = System.getenv().getOrDefault("TRACKER_IT_DB_APP_PASSWORD", "");
            if (password.isEmpty()) {
                throw new IllegalArgumentException("set TRACKER_IT_DB_APP_PASSWORD, the password of " + app);
            }
            String attributes = " login nosuperuser nocreatedb nocreaterole nobypassrls password '"
                    + password.replace("'", "''") + "'";
            try (var exists = s.executeQuery("select 1 from pg_roles where rolname = '" + app + "'")) {
                if (exists.next()) {
                    s.execute("alter role " + app + attributes);
                } else {
                    s.execute("create role " + app + attributes);
                }
            }
            s.execute("grant connect on database " + database + " to " + app);
        }
        System.out.println("Test database " + database + " recreated (empty); application role " + database + "_app");
    }
}
