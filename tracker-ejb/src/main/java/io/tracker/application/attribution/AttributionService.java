package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.ConversionPoint;
import io.tracker.domain.attribution.Credit;
import io.tracker.domain.attribution.JourneyBuilder;
import io.tracker.domain.attribution.JourneyTouch;
import io.tracker.domain.attribution.Persons;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the stored attribution credits in step with the events: for each person whose history
 * changed, rebuilds the journey of every conversion ({@link JourneyBuilder}, 30-day lookback) and
 * stores each {@link AttributionModel}'s credits, replacing the old ones. A person is a visitor with
 * every visitor linked to it by identify, transitively ({@link Persons}); a conversion's journey
 * holds the touches of all of them. Recomputing whole persons makes late and out-of-order events
 * (offline imports) and late identifications come out the same as live ones.
 *
 * <p>Called by the {@link AttributionWorker} (through {@link AttributionQueue}), off the request
 * path. Two servers re-attributing overlapping persons at once are serialised: the conversions
 * being re-attributed are locked ({@code for update}) before their credits are replaced.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class AttributionService {

    /** Visitors read at once; keeps the {@code = any(?)} arrays and the memory bounded. */
    private static final int VISITORS_PER_CHUNK = 5_000;

    private static final JourneyBuilder JOURNEYS = new JourneyBuilder(JourneyBuilder.DEFAULT_LOOKBACK);

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /** Recomputes the credits of every conversion of the persons of these visitors of the current tenant. */
    public void reattribute(Collection<String> visitorIds) {
        String tenantId = currentTenant.require();
        List<String> all = List.copyOf(visitorIds);
        try (Connection c = connections.forCurrentTenant()) {
            for (int from = 0; from < all.size(); from += VISITORS_PER_CHUNK) {
                reattributeChunk(c, tenantId, all.subList(from, Math.min(all.size(), from + VISITORS_PER_CHUNK)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("attribution failed: " + e.getMessage(), e);
        }
    }

    private void reattributeChunk(Connection c, String tenantId, List<String> visitorIds) throws SQLException {
        Persons persons = PersonGraph.load(c, tenantId, visitorIds);
        Map<String, List<ConversionPoint>> conversions = lockConversions(c, tenantId, persons.visitors());
        if (conversions.isEmpty()) {
            return;
        }
        Map<String, List<JourneyTouch>> touches = loadTouches(c, tenantId, windows(persons, conversions));
        Map<ConversionPoint, List<JourneyTouch>> journeys = JOURNEYS.journeys(persons, touches, conversions);
        try (PreparedStatement delete = c.prepareStatement("delete from attribution_credit where tenant_id = ? "
                + "and conversion_id = any(?::bigint[])");
             PreparedStatement insert = c.prepareStatement("insert into attribution_credit (tenant_id, conversion_id, "
                     + "model, channel, campaign, action_id, converted_at, credit, revenue) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            delete.setString(1, tenantId);
            delete.setArray(2, c.createArrayOf("bigint",
                    journeys.keySet().stream().map(ConversionPoint::conversionId).toArray()));
            delete.executeUpdate();
            for (var journey : journeys.entrySet()) {
                addCredits(insert, tenantId, journey.getKey(), journey.getValue());
            }
            insert.executeBatch();
        }
    }

    /**
     * For every visitor of a person with conversions: the span of touches its journeys can use, from
     * the lookback before the person's first conversion to its last conversion. Touches outside can
     * belong to no journey, so they are not read (a visitor with years of history costs its window only).
     */
    private static Map<String, Instant[]> windows(Persons persons, Map<String, List<ConversionPoint>> conversions) {
        Map<String, Instant[]> windows = new HashMap<>();
        for (Set<String> person : persons.groups()) {
            Instant first = null;
            Instant last = null;
            for (String v : person) {
                for (ConversionPoint cp : conversions.getOrDefault(v, List.of())) {
                    first = first == null || cp.at().isBefore(first) ? cp.at() : first;
                    last = last == null || cp.at().isAfter(last) ? cp.at() : last;
                }
            }
            if (first != null) {
                Instant[] window = {first.minus(JourneyBuilder.DEFAULT_LOOKBACK), last};
                person.forEach(v -> windows.put(v, window));
            }
        }
        return windows;
    }

    private static void addCredits(PreparedStatement insert, String tenantId, ConversionPoint conversion,
                                   List<JourneyTouch> journey) throws SQLException {
        for (AttributionModel model : AttributionModel.ruleBased()) {
            for (Credit credit : model.credits(journey)) {
                insert.setString(1, tenantId);
                insert.setLong(2, conversion.conversionId());
                insert.setString(3, model.apiName());
                insert.setString(4, credit.channel());
                insert.setString(5, credit.campaign());
                insert.setLong(6, conversion.actionId());
                insert.setObject(7, conversion.at().atOffset(ZoneOffset.UTC));
                insert.setDouble(8, credit.share());
                insert.setBigDecimal(9, conversion.value().multiply(BigDecimal.valueOf(credit.share()))
                        .setScale(6, RoundingMode.HALF_EVEN));
                insert.addBatch();
            }
        }
    }

    /**
     * The visitors' conversions, locked in id order until the transaction ends: another transaction
     * re-attributing any of them waits, and then sees (and replaces) the credits written here.
     */
    private static Map<String, List<ConversionPoint>> lockConversions(Connection c, String tenantId,
                                                                      Collection<String> visitors) throws SQLException {
        Map<String, List<ConversionPoint>> byVisitor = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select visitor_id, id, action_id, occurred_at, value "
                + "from conversion where tenant_id = ? and visitor_id = any(?::text[]) order by id for update")) {
            ps.setString(1, tenantId);
            ps.setArray(2, c.createArrayOf("text", visitors.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byVisitor.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(new ConversionPoint(
                            rs.getLong(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getBigDecimal(5)));
                }
            }
        }
        return byVisitor;
    }

    private static Map<String, List<JourneyTouch>> loadTouches(Connection c, String tenantId,
                                                               Map<String, Instant[]> windows) throws SQLException {
        List<String> visitors = new ArrayList<>(windows.keySet());
        Map<String, List<JourneyTouch>> byVisitor = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select t.visitor_id, t.id, t.occurred_at, t.channel, "
                + "coalesce(t.campaign, '') from unnest(?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[]) "
                + "as w(visitor_id, first_at, last_at) join touchpoint t on t.tenant_id = ? "
                + "and t.visitor_id = w.visitor_id and t.occurred_at >= w.first_at and t.occurred_at <= w.last_at")) {
            ps.setArray(1, c.createArrayOf("text", visitors.toArray()));
            ps.setArray(2, c.createArrayOf("text", visitors.stream().map(v -> windows.get(v)[0].toString()).toArray()));
            ps.setArray(3, c.createArrayOf("text", visitors.stream().map(v -> windows.get(v)[1].toString()).toArray()));
            ps.setString(4, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byVisitor.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(new JourneyTouch(
                            rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return byVisitor;
    }
}
