package io.tracker.application.conversion.offline;

import io.tracker.domain.conversion.offline.OfflineConversion;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the journeys of a chunk of offline rows, in the order: a stored touchpoint with one of the row's
 * click ids (the latest at or before the sale); else a person identified earlier ({@code identity_link}) by the
 * row's e-mail key, then its phone key, through that person's visitor with the latest visit at or before the
 * sale. A click or visit older than the action's lookback window finds nothing: the row is kept unmatched and
 * counted as outside the window. Two statements per chunk (click ids, person keys), whatever its size.
 */
final class OfflineMatcher {

    /** How a row was matched. */
    enum MatchedBy { CLICK_ID, EMAIL, PHONE, NONE }

    /**
     * @param visitorId the visitor the conversion joins, or null
     * @param clickedAt the matched click's time (CLICK_ID), else null
     * @param outsideLookback a click or person was found, only not within the lookback window
     */
    record Match(MatchedBy by, String visitorId, Instant clickedAt, boolean outsideLookback) {

        static final Match NONE = new Match(MatchedBy.NONE, null, null, false);
    }

    private static final String BY_CLICK_ID = "select k.i, k.n, t.visitor_id, t.occurred_at "
            + "from unnest(?::int[], ?::int[], ?::text[], ?::text[]::timestamptz[]) as k(i, n, click_id, at) "
            + "cross join lateral (select t.visitor_id, t.occurred_at from touchpoint t where t.tenant_id = ? "
            + "and t.visitor_id is not null and t.occurred_at <= k.at and (t.gclid = k.click_id "
            + "or t.gbraid = k.click_id or t.wbraid = k.click_id or t.msclkid = k.click_id or t.fbclid = k.click_id) "
            + "order by t.occurred_at desc limit 1) t";
    private static final String BY_PERSON = "select k.i, k.n, x.visitor_id, x.last_visit "
            + "from unnest(?::int[], ?::int[], ?::text[], ?::text[]::timestamptz[]) as k(i, n, person_key, at) "
            + "cross join lateral (select l.visitor_id, v.last_visit from identity_link l "
            + "cross join lateral (select max(t.occurred_at) as last_visit from touchpoint t "
            + "where t.tenant_id = l.tenant_id and t.visitor_id = l.visitor_id and t.occurred_at <= k.at) v "
            + "where l.tenant_id = ? and l.person_key = k.person_key "
            + "order by v.last_visit desc nulls last, l.visitor_id limit 1) x";

    private OfflineMatcher() {
    }

    /** The match of each row, in the rows' order. */
    static List<Match> match(Connection c, String tenantId, List<OfflineConversion> rows) throws SQLException {
        Match[] matches = new Match[rows.size()];
        Lookup clicks = new Lookup();
        for (int i = 0; i < rows.size(); i++) {
            List<String> ids = rows.get(i).clickIds();
            for (int n = 0; n < ids.size(); n++) {
                clicks.add(i, n, ids.get(n), rows.get(i).at());
            }
        }
        Map<Integer, List<Found>> byClick = clicks.run(c, BY_CLICK_ID, tenantId);
        Lookup persons = new Lookup();
        for (int i = 0; i < rows.size(); i++) {
            Found click = usable(rows.get(i), byClick.get(i));
            if (click != null) {
                matches[i] = new Match(MatchedBy.CLICK_ID, click.visitorId, click.at, false);
                continue;
            }
            String email = rows.get(i).identifiers().emailKey();
            String phone = rows.get(i).identifiers().phoneKey();
            if (email != null) {
                persons.add(i, 0, email, rows.get(i).at());
            }
            if (phone != null) {
                persons.add(i, 1, phone, rows.get(i).at());
            }
        }
        Map<Integer, List<Found>> byPerson = persons.run(c, BY_PERSON, tenantId);
        for (int i = 0; i < rows.size(); i++) {
            if (matches[i] != null) {
                continue;
            }
            Found person = usable(rows.get(i), byPerson.get(i));
            if (person != null) {
                matches[i] = new Match(person.n == 0 ? MatchedBy.EMAIL : MatchedBy.PHONE, person.visitorId, null,
                        false);
            } else {
                matches[i] = byClick.containsKey(i) || byPerson.containsKey(i)
                        ? new Match(MatchedBy.NONE, null, null, true) : Match.NONE;
            }
        }
        return List.of(matches);
    }

    /** The most specific probe that found a click or visit within the row's lookback window, or null. */
    private static Found usable(OfflineConversion row, List<Found> found) {
        Instant earliest = row.at().minus(Duration.ofDays(row.action().lookbackDays()));
        Found best = null;
        for (Found f : found == null ? List.<Found>of() : found) {
            if (f.at != null && !f.at.isBefore(earliest) && (best == null || f.n < best.n)) {
                best = f;
            }
        }
        return best;
    }

    /** What one probe found: n is the probe's rank among the row's keys (0 is the most specific). */
    private record Found(int n, String visitorId, Instant at) {
    }

    /** The probes of one statement: one per row and key. */
    private static final class Lookup {

        private final List<Integer> rows = new ArrayList<>();
        private final List<Integer> ranks = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<String> times = new ArrayList<>();

        void add(int row, int rank, String key, Instant at) {
            rows.add(row);
            ranks.add(rank);
            keys.add(key);
            times.add(at.toString());
        }

        /** Per row, what its probes found. */
        Map<Integer, List<Found>> run(Connection c, String sql, String tenantId) throws SQLException {
            Map<Integer, List<Found>> found = new HashMap<>();
            if (rows.isEmpty()) {
                return found;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Array r = c.createArrayOf("integer", rows.toArray());
                Array n = c.createArrayOf("integer", ranks.toArray());
                Array k = c.createArrayOf("text", keys.toArray());
                Array t = c.createArrayOf("text", times.toArray());
                ps.setArray(1, r);
                ps.setArray(2, n);
                ps.setArray(3, k);
                ps.setArray(4, t);
                ps.setString(5, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp at = rs.getTimestamp(4);
                        Found f = new Found(rs.getInt(2), rs.getString(3), at == null ? null : at.toInstant());
                        found.computeIfAbsent(rs.getInt(1), i -> new ArrayList<>()).add(f);
                    }
                }
            }
            return found;
        }
    }
}
