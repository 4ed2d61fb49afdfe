package io.tracker.application.attribution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Marks visitors whose attribution must be recomputed: every write path that stores events (the
 * events API, imports, the collection writer, identify) calls {@link #mark} on the connection of
 * the transaction that stores them, so the marks commit exactly with the events, and the
 * {@link AttributionWorker} re-attributes those visitors' persons within seconds.
 *
 * <p>An existing mark is kept ({@code on conflict do nothing}): the oldest mark of a visitor stays,
 * and the lag, {@code now() - min(marked_at)}, never looks younger than it is. A visitor whose
 * attribution is running at that moment has had its mark taken (deleted) by the worker's
 * uncommitted transaction; PostgreSQL then makes this insert wait for that transaction (at most one
 * worker batch, see {@link AttributionQueue}) and inserts a fresh mark once it committed, so events
 * that the running attribution could not see are attributed in the next round, never lost.
 */
public final class PendingAttribution {

    /** The contract's statement; parameters: tenant id, the visitor ids as {@code text[]}. */
    public static final String MARK = "insert into attribution_pending (tenant_id, visitor_id) "
            + "select ?, unnest(?::text[]) on conflict do nothing";

    private PendingAttribution() {
    }

    /**
     * Marks the visitors of the tenant in the connection's current transaction. Null and blank ids
     * (cookieless hits) are skipped, repeats are marked once; ids are marked in sorted order, so two
     * transactions marking overlapping visitors lock them in the same order and cannot deadlock.
     *
     * @param c          a connection in the transaction that stores the visitors' events, acting for
     *                   {@code tenantId} (row-level security checks it)
     * @param tenantId   the tenant
     * @param visitorIds the visitors whose events changed, in any order
     * @return how many visitors got a new mark (the others were already pending)
     * @throws SQLException as the driver reports it; the caller's transaction should then roll back
     */
    public static int mark(Connection c, String tenantId, Collection<String> visitorIds) throws SQLException {
        SortedSet<String> visitors = new TreeSet<>();
        for (String v : visitorIds) {
            if (v != null && !v.isBlank()) {
                visitors.add(v);
            }
        }
        if (visitors.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK)) {
            Array ids = c.createArrayOf("text", visitors.toArray());
            ps.setString(1, tenantId);
            ps.setArray(2, ids);
            return ps.executeUpdate();
        }
    }
}
