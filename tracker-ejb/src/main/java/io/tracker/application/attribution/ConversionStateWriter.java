package io.tracker.application.attribution;

import io.tracker.application.shared.SqlArrays;
import io.tracker.domain.attribution.ConversionPoint;
import io.tracker.domain.attribution.ConversionVisits;
import io.tracker.domain.attribution.FirstConversionsOfVisits;
import io.tracker.domain.attribution.Journey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps what re-attribution decides about each conversion of the persons being re-attributed in step,
 * in one statement that writes only the conversions where something changed:
 *
 * <ul>
 *   <li>{@code counted}: false for a repeat that its action's counting "one" does not count;</li>
 *   <li>its visit ({@code visit_touchpoint_id}, {@code visit_at}, V14): its visitor's latest touchpoint at
 *       or before it ({@link ConversionVisits}), worked out from the touches re-attribution has just read
 *       ({@link PersonJourneys.Loaded}); a conversion with no touch of its visitor at or before it among
 *       those (its visit lies before the person's windows, or it has none) is looked up in the database;</li>
 *   <li>{@code first_of_visit} (V16): whether it is the first counted macro conversion of its visit
 *       ({@link FirstConversionsOfVisits}), which the summary's converted visits count.</li>
 * </ul>
 *
 * Every stored touchpoint and conversion with a visitor id marks that visitor for re-attribution, so a
 * touchpoint arriving late, before a conversion already stored, moves that conversion's visit here too.
 * Runs in re-attribution's transaction, on conversions it has locked ({@code for update}).
 */
final class ConversionStateWriter {

    private static final String UPDATE = "update conversion c set counted = u.counted, visit_touchpoint_id = u.touchpoint_id, "
            + "visit_at = timestamptz 'epoch' + u.at * interval '1 microsecond', first_of_visit = u.first "
            + "from unnest(?::bigint[], ?::boolean[], ?::bigint[], ?::bigint[], ?::boolean[]) "
            + "as u(id, counted, touchpoint_id, at, first) where c.tenant_id = ? and c.id = u.id";

    /** The visit of each listed conversion by the definition itself (none: no row). */
    private static final String LOOK_UP = "select k.id, v.id, v.occurred_at from conversion k "
            + "join lateral (select t.id, t.occurred_at from touchpoint t "
            + "where t.tenant_id = k.tenant_id and t.visitor_id = k.visitor_id and t.occurred_at <= k.occurred_at "
            + "order by t.occurred_at desc, t.id desc limit 1) v on true "
            + "where k.tenant_id = ? and k.id = any(?::bigint[])";

    private static final String MACRO_ACTIONS = "select id from conversion_action where tenant_id = ? and category = 'MACRO'";

    private ConversionStateWriter() {
    }

    /**
     * Stores counting, visit and first-of-visit of every conversion loaded, where they changed.
     *
     * @param macro the ids of the tenant's macro conversion actions ({@link #macroActions})
     */
    static void write(Connection c, String tenantId, PersonJourneys.Loaded loaded, Set<Long> macro)
            throws SQLException {
        Map<Long, Boolean> counted = new HashMap<>();
        for (Journey j : loaded.journeys()) {
            counted.put(j.conversion().conversionId(), j.counted());
        }
        ConversionVisits.Result found = ConversionVisits.of(loaded.conversions(), loaded.touches());
        Map<Long, ConversionVisits.Visit> visits = new HashMap<>(found.found());
        if (!found.unresolved().isEmpty()) {
            visits.putAll(lookUp(c, tenantId, found.unresolved()));
        }
        Map<Long, Long> visitIds = new HashMap<>();
        visits.forEach((id, v) -> visitIds.put(id, v.touchpointId()));
        List<ConversionPoint> all = loaded.conversions().values().stream().flatMap(List::stream).toList();
        Set<Long> first = FirstConversionsOfVisits.of(all, visitIds,
                cp -> macro.contains(cp.actionId()) && isCounted(cp, counted, loaded));

        Changes changes = new Changes();
        for (ConversionPoint cp : all) {
            long id = cp.conversionId();
            PersonJourneys.Stored before = loaded.stored().get(id);
            ConversionVisits.Visit visit = visits.get(id);
            Long visitId = visit == null ? null : visit.touchpointId();
            boolean isCounted = isCounted(cp, counted, loaded);
            boolean isFirst = first.contains(id);
            if (before == null || before.counted() != isCounted || !Objects.equals(before.visit(), visitId)
                    || before.firstOfVisit() != isFirst) {
                changes.add(id, isCounted, visit, isFirst);
            }
        }
        if (!changes.ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                ps.setArray(1, SqlArrays.bigints(c, changes.ids));
                ps.setArray(2, SqlArrays.booleans(c, changes.counted));
                ps.setArray(3, SqlArrays.bigints(c, changes.touchpoints));
                ps.setArray(4, SqlArrays.bigints(c, changes.times));
                ps.setArray(5, SqlArrays.booleans(c, changes.first));
                ps.setString(6, tenantId);
                ps.executeUpdate();
            }
        }
    }

    /** As attribution decided; a conversion without a journey keeps its stored flag. */
    private static boolean isCounted(ConversionPoint cp, Map<Long, Boolean> counted, PersonJourneys.Loaded loaded) {
        Boolean decided = counted.get(cp.conversionId());
        if (decided != null) {
            return decided;
        }
        PersonJourneys.Stored stored = loaded.stored().get(cp.conversionId());
        return stored == null || stored.counted();
    }

    private static Map<Long, ConversionVisits.Visit> lookUp(Connection c, String tenantId, Set<Long> ids)
            throws SQLException {
        Map<Long, ConversionVisits.Visit> visits = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOOK_UP)) {
            ps.setString(1, tenantId);
            ps.setArray(2, SqlArrays.bigints(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visits.put(rs.getLong(1), new ConversionVisits.Visit(rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return visits;
    }

    /** The ids of the tenant's macro conversion actions. */
    static Set<Long> macroActions(Connection c, String tenantId) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(MACRO_ACTIONS)) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The changed conversions, column by column, for {@link #UPDATE}. */
    private static final class Changes {
        final List<Long> ids = new ArrayList<>();
        final List<Boolean> counted = new ArrayList<>();
        final List<Long> touchpoints = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        final List<Boolean> first = new ArrayList<>();

        void add(long id, boolean isCounted, ConversionVisits.Visit visit, boolean isFirst) {
            ids.add(id);
            counted.add(isCounted);
            touchpoints.add(visit == null ? null : visit.touchpointId());
            times.add(visit == null ? null : SqlArrays.micros(visit.at()));
            first.add(isFirst);
        }
    }
}
