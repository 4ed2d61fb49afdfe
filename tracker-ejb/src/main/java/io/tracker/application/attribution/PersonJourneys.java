package io.tracker.application.attribution;

import io.tracker.application.shared.SqlArrays;
import io.tracker.domain.attribution.ConversionPoint;
import io.tracker.domain.attribution.Journey;
import io.tracker.domain.attribution.JourneyBuilder;
import io.tracker.domain.attribution.JourneyRules;
import io.tracker.domain.attribution.JourneyTouch;
import io.tracker.domain.attribution.Persons;
import io.tracker.domain.attribution.SourceMedium;
import io.tracker.domain.conversion.CountingMode;
import io.tracker.domain.conversion.JourneyStart;
import io.tracker.domain.tracking.Interaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the journeys of some visitors' persons need, in the connection's transaction, and
 * cuts them with {@link JourneyBuilder}: the persons ({@link PersonGraph}), all their conversions,
 * the settings of the tenant's conversion actions ({@link JourneyRules} from
 * {@code conversion_action}) and their touches, read per person only from the earliest instant
 * any of its conversions can reach (the conversion's time minus its action's longer window, at
 * most 90 days) to its last conversion.
 *
 * <p>The attribution worker ({@link AttributionService}) and the explanation of one conversion
 * ({@link AttributionExplanationService}) both use it, so a conversion's explained journey is the
 * journey it was credited with.
 */
final class PersonJourneys {

    /**
     * The journeys, and what they were cut from.
     *
     * @param journeys    one per conversion
     * @param conversions the persons' conversions, by visitor id
     * @param touches     the touches read, by visitor id: for each visitor of a person with conversions,
     *                    every touch from the person's earliest window start to its last conversion
     * @param stored      what re-attribution keeps on each conversion, as it was read, by conversion id
     *                    ({@link ConversionStateWriter})
     */
    record Loaded(List<Journey> journeys, Map<String, List<ConversionPoint>> conversions,
                  Map<String, List<JourneyTouch>> touches, Map<Long, Stored> stored) {
    }

    /**
     * A conversion's columns that re-attribution decides.
     *
     * @param counted      {@code counted}
     * @param visit        {@code visit_touchpoint_id}, or null
     * @param firstOfVisit {@code first_of_visit} (V16)
     */
    record Stored(boolean counted, Long visit, boolean firstOfVisit) {
    }

    private static final String ACTIONS = "select id, lookback_days, view_through_days, journey_start, counting "
            + "from conversion_action where tenant_id = ?";
    private static final String CONVERSIONS = "select visitor_id, id, action_id, occurred_at, value, event_id, counted, "
            + "visit_touchpoint_id, first_of_visit "
            + "from conversion where tenant_id = ? and visitor_id = any(?::text[]) order by id";
    private static final String TOUCHES = "select t.visitor_id, t.id, t.occurred_at, t.channel, coalesce(t.campaign, ''), "
            + "t.utm_source, t.utm_medium, t.referrer, t.gclid, t.interaction, t.event_id "
            + "from (select u.visitor_id, timestamptz 'epoch' + u.first_at * interval '1 microsecond' as first_at, "
            + "timestamptz 'epoch' + u.last_at * interval '1 microsecond' as last_at "
            + "from unnest(?::text[], ?::bigint[], ?::bigint[]) as u(visitor_id, first_at, last_at)) w "
            + "join touchpoint t on t.tenant_id = ? "
            + "and t.visitor_id = w.visitor_id and t.occurred_at >= w.first_at and t.occurred_at <= w.last_at";

    private PersonJourneys() {
    }

    /**
     * The journey of every conversion of the persons of these visitors.
     *
     * @param lock true to lock the conversions ({@code for update}, in id order) until the
     *             transaction ends, as re-attribution must
     */
    static Loaded load(Connection c, String tenantId, Collection<String> visitorIds, boolean lock) throws SQLException {
        Persons persons = PersonGraph.load(c, tenantId, visitorIds);
        Map<Long, Stored> stored = new HashMap<>();
        Map<String, List<ConversionPoint>> conversions = conversions(c, tenantId, persons.visitors(), lock, stored);
        if (conversions.isEmpty()) {
            return new Loaded(List.of(), Map.of(), Map.of(), Map.of());
        }
        Map<Long, JourneyRules> rules = actionRules(c, tenantId);
        Map<String, List<JourneyTouch>> touches = touches(c, tenantId, windows(persons, conversions, rules));
        return new Loaded(JourneyBuilder.of(rules).build(persons, touches, conversions), conversions, touches, stored);
    }

    /** The journey settings of each of the tenant's conversion actions. */
    static Map<Long, JourneyRules> actionRules(Connection c, String tenantId) throws SQLException {
        Map<Long, JourneyRules> rules = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ACTIONS)) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.put(rs.getLong(1), JourneyRules.ofDays(rs.getInt(2), rs.getInt(3),
                            JourneyStart.valueOf(rs.getString(4)), CountingMode.valueOf(rs.getString(5))));
                }
            }
        }
        return rules;
    }

    /**
     * For every visitor of a person with conversions: the span of touches its journeys can use, from
     * the earliest window start of the person's conversions to its last conversion. Touches outside
     * can belong to no journey, so they are not read (years of history cost the window only).
     */
    private static Map<String, Instant[]> windows(Persons persons, Map<String, List<ConversionPoint>> conversions,
                                                  Map<Long, JourneyRules> rules) {
        Map<String, Instant[]> windows = new HashMap<>();
        for (Set<String> person : persons.groups()) {
            Instant first = null;
            Instant last = null;
            for (String v : person) {
                for (ConversionPoint cp : conversions.getOrDefault(v, List.of())) {
                    Duration reach = rules.getOrDefault(cp.actionId(), JourneyRules.DEFAULT).longestWindow();
                    Instant start = cp.at().minus(reach);
                    first = first == null || start.isBefore(first) ? start : first;
                    last = last == null || cp.at().isAfter(last) ? cp.at() : last;
                }
            }
            if (first != null) {
                Instant[] window = {first, last};
                person.forEach(v -> windows.put(v, window));
            }
        }
        return windows;
    }

    private static Map<String, List<ConversionPoint>> conversions(Connection c, String tenantId,
                                                                  Collection<String> visitors, boolean lock,
                                                                  Map<Long, Stored> stored) throws SQLException {
        Map<String, List<ConversionPoint>> byVisitor = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(lock ? CONVERSIONS + " for update" : CONVERSIONS)) {
            ps.setString(1, tenantId);
            ps.setArray(2, SqlArrays.texts(c, visitors));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    byVisitor.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(new ConversionPoint(
                            id, rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getBigDecimal(5), rs.getString(6)));
                    boolean counted = rs.getBoolean(7);
                    long visit = rs.getLong(8);
                    stored.put(id, new Stored(counted, rs.wasNull() ? null : visit, rs.getBoolean(9)));
                }
            }
        }
        return byVisitor;
    }

    private static Map<String, List<JourneyTouch>> touches(Connection c, String tenantId,
                                                           Map<String, Instant[]> windows) throws SQLException {
        List<String> visitors = new ArrayList<>(windows.keySet());
        Map<String, List<JourneyTouch>> byVisitor = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TOUCHES)) {
            ps.setArray(1, SqlArrays.texts(c, visitors));
            ps.setArray(2, SqlArrays.bigints(c, visitors.stream().map(v -> SqlArrays.micros(windows.get(v)[0])).toList()));
            ps.setArray(3, SqlArrays.bigints(c, visitors.stream().map(v -> SqlArrays.micros(windows.get(v)[1])).toList()));
            ps.setString(4, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(4);
                    byVisitor.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(new JourneyTouch(
                            rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(), channel, rs.getString(5),
                            SourceMedium.of(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), channel),
                            Interaction.valueOf(rs.getString(10)), rs.getString(11)));
                }
            }
        }
        return byVisitor;
    }
}
