package io.tracker.application.attribution;

import io.tracker.domain.attribution.IdentityLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Stores what {@code identify} learnt: visitor ids belonging to a person key ({@code user:…},
 * {@code email:…}, see {@link io.tracker.domain.tracking.PersonKey}), and marks those visitors for
 * attribution in the same transaction, so that the worker re-attributes the person they now belong
 * to (all its visitors, see {@link io.tracker.domain.attribution.Persons}). A link already stored is
 * kept as it was.
 */
public final class IdentityLinks {

    private static final String LINK = "insert into identity_link (tenant_id, visitor_id, person_key) "
            + "select ?, v, k from unnest(?::text[], ?::text[]) as l(v, k) on conflict do nothing";

    private IdentityLinks() {
    }

    /**
     * Links and marks, in the connection's current transaction.
     *
     * @param c        a connection acting for {@code tenantId}, in the transaction of the identify hits
     * @param tenantId the tenant
     * @param links    the links (visitor id, person key), any order, repeats allowed
     * @return how many links were new
     */
    public static int link(Connection c, String tenantId, Collection<IdentityLink> links) throws SQLException {
        List<IdentityLink> sorted = new ArrayList<>();
        for (IdentityLink l : links) {
            if (l.visitorId() != null && !l.visitorId().isBlank() && l.personKey() != null) {
                sorted.add(l);
            }
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        // Sorted, so that concurrent writers insert overlapping links in one order.
        sorted.sort(Comparator.comparing(IdentityLink::visitorId).thenComparing(IdentityLink::personKey));
        int linked;
        try (PreparedStatement ps = c.prepareStatement(LINK)) {
            ps.setString(1, tenantId);
            ps.setArray(2, c.createArrayOf("text", sorted.stream().map(IdentityLink::visitorId).toArray()));
            ps.setArray(3, c.createArrayOf("text", sorted.stream().map(IdentityLink::personKey).toArray()));
            linked = ps.executeUpdate();
        }
        PendingAttribution.mark(c, tenantId, sorted.stream().map(IdentityLink::visitorId).toList());
        return linked;
    }
}
