package io.tracker.application.shared;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that means "the database cannot be reached right now" from any other, so that the
 * API answers it with 503 and {@code Retry-After} (problem+json) and the pages with a friendly 503
 * page, instead of a 500. The same failures end when PostgreSQL is back: the connection pool
 * validates its connections and replaces the dead ones, so nothing needs restarting.
 *
 * <p>Such a failure arrives wrapped (EJBException, EclipseLink's DatabaseException,
 * PersistenceException, the pool's SQLException); somewhere in its cause chain (and the
 * {@link SQLException#getNextException() next exceptions}) is one of:
 * <ul>
 *   <li>a connector {@link ResourceException} of the pool: no connection could be allocated
 *       (the database refused or did not answer, or the pool stayed exhausted);</li>
 *   <li>an {@link SQLTransientConnectionException}, {@link SQLNonTransientConnectionException} or
 *       {@link SQLRecoverableException};</li>
 *   <li>an {@link SQLException} with SQLState class {@code 08} (connection exception, such as
 *       PostgreSQL's 08001 "connection refused" and 08006 "connection failure"), {@code 57P01}–{@code 57P03}
 *       (the server is shutting down, was terminated by an administrator, or cannot accept
 *       connections yet) or {@code 53300} (too many connections).</li>
 * </ul>
 */
public final class DatabaseOutage {

    /** What {@code Retry-After} says during an outage, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final int MAX_CHAIN = 64;

    private DatabaseOutage() {
    }

    /** Whether the failure, or anything in its cause chain, means the database is unreachable. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return search(failure, seen);
    }

    private static boolean search(Throwable t, Set<Throwable> seen) {
        for (; t != null && seen.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
            if (meansUnreachable(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && search(sql.getNextException(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean meansUnreachable(Throwable t) {
        if (t instanceof ResourceException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300");
        }
        return false;
    }
}
