package io.tracker.application.shared;

/** Names of the container resources Tracker needs. The domain's post-boot commands create them. */
public final class Database {

    /**
     * JNDI name of the PostgreSQL data source everything in Tracker uses: it connects as the
     * application role ({@code TRACKER_DB_USER}), which owns nothing and is subject to row-level security.
     */
    public static final String DATA_SOURCE = "jdbc/tracker";

    /**
     * JNDI name of the data source only {@link DatabaseMigration} uses: it connects as the schema's
     * owner ({@code TRACKER_DB_OWNER_USER}), who runs Flyway.
     */
    public static final String MIGRATION_DATA_SOURCE = "jdbc/tracker-migration";

    private Database() {
    }
}
