package io.tracker.application.attribution;

import io.tracker.domain.attribution.ConversionVisits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps each conversion's stored visit ({@code conversion.visit_touchpoint_id} and {@code visit_at}, V14)
 * in step for the conversions being re-attributed, so that the summary's converted visits are a count of
 * stored values (ReportService.kpis, the portfolio's {@code agency_converted_visits}). The visit is its
 * visitor's latest touchpoint at or before the conversion ({@link ConversionVisits}).
 *
 * <p>Worked out from the touches re-attribution has just read ({@link PersonJourneys.Loaded}); written
 * only where it differs from the stored one, in one statement. A conversion with no touch of its visitor
 * at or before it among those read (its visit lies before the person's windows, or it has none) is looked
 * up in the database, in one set-based statement that writes only what changed. Every stored touchpoint
 * and conversion with a visitor id marks that visitor for re-attribution, so a touchpoint arriving late,
 * before a conversion already stored, moves that conversion's visit here too.
 *
 * <p>Runs in re-attribution's transaction, on conversions it has locked ({@code for update}).
 */
final class ConversionVisitWriter {

    private static final String UPDATE = "update conversion c set visit_touchpoint_id = u.touchpoint_id, visit_at = u.at "
            + "from unnest(?::bigint[], ?::bigint[], ?::text[]::timestamptz[]) as u(id, touchpoint_id, at) "
            + "where c.tenant_id = ? and c.id = u.id";

    /** The visit of each listed conversion by the definition itself; changed rows only. */
    private static final String LOOK_UP = "update conversion c set visit_touchpoint_id = v.id, visit_at = v.occurred_at "
            + "from conversion k left join lateral (select t.id, t.occurred_at from touchpoint t "
            + "where t.tenant_id = k.tenant_id and t.visitor_id = k.visitor_id and t.occurred_at <= k.occurred_at "
            + "order by t.occurred_at desc, t.id desc limit 1) v on true "
            + "where k.tenant_id = ? and k.id = any(?::bigint[]) and c.tenant_id = k.tenant_id and c.id = k.id "
            + "and c.visit_touchpoint_id is distinct from v.id";

    private ConversionVisitWriter() {
    }

    /** Stores the visit of every conversion loaded where it changed. */
    static void write(Connection c, String tenantId, PersonJourneys.Loaded loaded) throws SQLException {
        ConversionVisits.Result visits = ConversionVisits.of(loaded.conversions(), loaded.touches());
        List<Long> ids = new ArrayList<>();
        List<Long> touchpoints = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (Map.Entry<Long, ConversionVisits.Visit> e : visits.found().entrySet()) {
            if (!Objects.equals(loaded.storedVisits().get(e.getKey()), e.getValue().touchpointId())) {
                ids.add(e.getKey());
                touchpoints.add(e.getValue().touchpointId());
                times.add(e.getValue().at().toString());
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setArray(2, c.createArrayOf("bigint", touchpoints.toArray()));
                ps.setArray(3, c.createArrayOf("text", times.toArray()));
                ps.setString(4, tenantId);
                ps.executeUpdate();
            }
        }
        if (!visits.unresolved().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(LOOK_UP)) {
                ps.setString(1, tenantId);
                ps.setArray(2, c.createArrayOf("bigint", visits.unresolved().toArray()));
                ps.executeUpdate();
            }
        }
    }
}
