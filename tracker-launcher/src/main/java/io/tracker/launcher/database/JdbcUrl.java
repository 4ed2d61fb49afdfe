package io.tracker.launcher.database;

import io.tracker.launcher.support.LaunchException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL JDBC URL, {@code jdbc:postgresql://host[:port]/database[?parameters]}, split so that
 * the launcher can reach the same server's maintenance database ({@code postgres}) and name the
 * application role after the database.
 *
 * @param server {@code jdbc:postgresql://host[:port]/}
 * @param database the database name: lower-case letters, digits and underscores (so it can be used in
 *     statements that take no bind parameters, such as CREATE DATABASE)
 * @param parameters {@code ?...} or ""
 */
public record JdbcUrl(String server, String database, String parameters) {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]+)(\\?.*)?");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,58}");

    /**
     * Parses a URL.
     *
     * @throws LaunchException when it is not a PostgreSQL JDBC URL with a database name of lower-case
     *     letters, digits and underscores (at most 59 characters, so that {@code <name>_app} is a valid role)
     */
    public static JdbcUrl parse(String url) {
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            throw new LaunchException("not a jdbc:postgresql://host[:port]/database URL: " + url);
        }
        if (!NAME.matcher(m.group(2)).matches()) {
            throw new LaunchException("the database name in " + url
                    + " must be lower-case letters, digits and underscores (at most 59)");
        }
        return new JdbcUrl(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3));
    }

    /** The URL of this database. */
    public String url() {
        return server + database + parameters;
    }

    /** The URL of the server's {@code postgres} maintenance database, with the same parameters. */
    public String maintenanceUrl() {
        return server + "postgres" + parameters;
    }

    /** The role the application connects as: {@code <database>_app}. */
    public String applicationRole() {
        return database + "_app";
    }

    /** True for names that a test build may drop: ending in {@code _it} or {@code _test}. */
    public boolean isTestDatabase() {
        return database.endsWith("_it") || database.endsWith("_test");
    }
}
