package io.tracker.application.attribution;

import io.tracker.domain.attribution.IdentityLink;
import io.tracker.domain.attribution.Persons;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the persons of some visitors from {@code identity_link}: follows the links from the visitors
 * to their keys, from the keys to their other visitors, and so on until nothing new turns up (the
 * whole connected component, usually one or two round trips of two queries). A key with more than
 * {@link Persons#MAX_VISITORS_PER_KEY} visitors is shared and left out (see {@link Persons}); each
 * key's visitors are read with that limit + 1, so a shared key costs no more than a normal one.
 */
final class PersonGraph {

    private static final String KEYS_OF = "select distinct person_key from identity_link "
            + "where tenant_id = ? and visitor_id = any(?::text[])";
    private static final String VISITORS_OF = "select k.person_key, l.visitor_id from unnest(?::text[]) as k(person_key) "
            + "cross join lateral (select visitor_id from identity_link i where i.tenant_id = ? "
            + "and i.person_key = k.person_key order by visitor_id limit ?) l";

    private PersonGraph() {
    }

    /** The persons of these visitors of the tenant, read in the connection's transaction. */
    static Persons load(Connection c, String tenantId, Collection<String> visitors) throws SQLException {
        Set<String> seenVisitors = new HashSet<>(visitors);
        Set<String> seenKeys = new HashSet<>();
        List<IdentityLink> links = new ArrayList<>();
        Collection<String> frontier = visitors;
        while (!frontier.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (String key : strings(c, KEYS_OF, tenantId, frontier)) {
                if (seenKeys.add(key)) {
                    keys.add(key);
                }
            }
            if (keys.isEmpty()) {
                break;
            }
            Map<String, List<String>> visitorsByKey = visitorsOf(c, tenantId, keys);
            List<String> next = new ArrayList<>();
            for (var entry : visitorsByKey.entrySet()) {
                if (entry.getValue().size() > Persons.MAX_VISITORS_PER_KEY) {
                    continue; // shared key: joins nothing
                }
                for (String v : entry.getValue()) {
                    links.add(new IdentityLink(v, entry.getKey()));
                    if (seenVisitors.add(v)) {
                        next.add(v);
                    }
                }
            }
            frontier = next;
        }
        return Persons.join(visitors, links);
    }

    private static List<String> strings(Connection c, String sql, String tenantId, Collection<String> values)
            throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setArray(2, c.createArrayOf("text", values.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    private static Map<String, List<String>> visitorsOf(Connection c, String tenantId, List<String> keys)
            throws SQLException {
        Map<String, List<String>> byKey = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(VISITORS_OF)) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            ps.setString(2, tenantId);
            ps.setInt(3, Persons.MAX_VISITORS_PER_KEY + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return byKey;
    }
}
