package io.tracker.application.shared;

/**
 * Names of the container resources Tracker needs; the domain's post-boot command file
 * ({@code docker/payara/post-boot-commands.asadmin}) creates them.
 */
public final class Database {

    /** JNDI name of the PostgreSQL data source (a Payara JDBC resource). */
    public static final String DATA_SOURCE = "jdbc/tracker";

    /**
     * JNDI name of the data source of the schema's owner, used only to migrate the schema: the
     * application's own data source connects as a role without ownership (row-level security applies).
     */
    public static final String MIGRATION_DATA_SOURCE = "jdbc/tracker-migration";

    private Database() {
    }
}
