package io.tracker.application.shared;

/** Names of the container resources Tracker needs. The domain script creates them. */
public final class Database {

    /** JNDI name of the PostgreSQL data source (a Payara JDBC resource). */
    public static final String DATA_SOURCE = "jdbc/tracker";

    private Database() {
    }
}
