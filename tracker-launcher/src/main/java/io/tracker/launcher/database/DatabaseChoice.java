package io.tracker.launcher.database;

/**
 * The database Tracker uses and how the launcher reached it.
 *
 * @param url the database
 * @param ownerUser the owner/administrator (creates the database and the application role, runs Flyway)
 * @param ownerPassword its password, "" for trust authentication
 * @param description for the summary, e.g. "local PostgreSQL, database tracker on 127.0.0.1:5432"
 * @param embedded whether it is the launcher's embedded PostgreSQL
 */
public record DatabaseChoice(JdbcUrl url, String ownerUser, String ownerPassword, String description,
        boolean embedded) {

    /** The URL when nothing is configured and a PostgreSQL answers on 127.0.0.1:5432. */
    public static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    /**
     * Which database applies, first match wins: the configured URL, else the local server on
     * 127.0.0.1:5432 when it answers and the embedded database is not forced, else the embedded one.
     * The choice itself; reaching and preparing the database is the caller's part.
     *
     * @param configuredUrl TRACKER_DB_URL or null
     * @param localServerAnswers whether something accepts connections on 127.0.0.1:5432
     * @param forceEmbedded TRACKER_FORCE_EMBEDDED_PG=1
     * @param embeddedPort the embedded server's port, for its URL
     * @param databaseName the database to use on the local or embedded server (tracker)
     */
    public static DatabaseChoice choose(String configuredUrl, String user, String password, boolean localServerAnswers,
            boolean forceEmbedded, int embeddedPort, String databaseName) {
        if (configuredUrl != null) {
            return new DatabaseChoice(JdbcUrl.parse(configuredUrl), user, password,
                    configuredUrl + " (TRACKER_DB_URL)", false);
        }
        if (localServerAnswers && !forceEmbedded) {
            return new DatabaseChoice(JdbcUrl.parse(LOCAL_SERVER + databaseName), user, password,
                    "local PostgreSQL, database " + databaseName + " on 127.0.0.1:5432 (owner " + user + ")", false);
        }
        return embedded(embeddedPort, databaseName);
    }

    /** The embedded PostgreSQL's database (superuser postgres, trust authentication, 127.0.0.1 only). */
    public static DatabaseChoice embedded(int port, String databaseName) {
        return new DatabaseChoice(JdbcUrl.parse("jdbc:postgresql://127.0.0.1:" + port + "/" + databaseName),
                "postgres", "", "embedded PostgreSQL, database " + databaseName + " on 127.0.0.1:" + port
                        + " (data in .tracker/pgdata)", true);
    }
}
