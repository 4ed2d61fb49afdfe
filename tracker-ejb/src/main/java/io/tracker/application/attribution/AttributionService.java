package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.ConversionPoint;
import io.tracker.domain.attribution.Credit;
import io.tracker.domain.attribution.JourneyBuilder;
import io.tracker.domain.attribution.JourneyTouch;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the stored attribution credits in step with the events: for each visitor whose history
 * changed, rebuilds the journey of every conversion ({@link JourneyBuilder}, 30-day lookback)
 * and stores each {@link AttributionModel}'s credits, replacing the old ones. Recomputing whole
 * visitors makes late and out-of-order events (offline imports) come out the same as live ones.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class AttributionService {

    /** Visitors per round trip; keeps the {@code = any(?)} arrays and the memory bounded. */
    private static final int VISITORS_PER_CHUNK = 5_000;

    private static final JourneyBuilder JOURNEYS = new JourneyBuilder(JourneyBuilder.DEFAULT_LOOKBACK);

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /** Recomputes the credits of every conversion of these visitors of the current tenant. */
    public void reattribute(Collection<String> visitorIds) {
        String tenantId = currentTenant.require();
        List<String> all = List.copyOf(visitorIds);
        try (Connection c = connections.forCurrentTenant()) {
            for (int from = 0; from < all.size(); from += VISITORS_PER_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + VISITORS_PER_CHUNK));
                reattributeChunk(c, tenantId, chunk);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("attribution failed: " + e.getMessage(), e);
        }
    }

    private void reattributeChunk(Connection c, String tenantId, List<String> visitorIds) throws SQLException {
        Array visitors = c.createArrayOf("text", visitorIds.toArray());
        Map<String, List<ConversionPoint>> conversions = loadConversions(c, tenantId, visitors);
        if (conversions.isEmpty()) {
            return;
        }
        Array converting = c.createArrayOf("text", conversions.keySet().toArray());
        Map<String, List<JourneyTouch>> touches = loadTouches(c, tenantId, converting);
        try (PreparedStatement delete = c.prepareStatement("delete from attribution_credit where tenant_id = ? "
                + "and conversion_id in (select id from conversion where tenant_id = ? and visitor_id = any(?))");
             PreparedStatement insert = c.prepareStatement("insert into attribution_credit (tenant_id, conversion_id, "
                     + "model, channel, campaign, action_id, converted_at, credit, revenue) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            delete.setString(1, tenantId);
            delete.setString(2, tenantId);
            delete.setArray(3, converting);
            delete.executeUpdate();
            for (var visitor : conversions.entrySet()) {
                var journeys = JOURNEYS.journeys(touches.getOrDefault(visitor.getKey(), List.of()), visitor.getValue());
                for (var journey : journeys.entrySet()) {
                    addCredits(insert, tenantId, journey.getKey(), journey.getValue());
                }
            }
            insert.executeBatch();
        }
    }

    private static void addCredits(PreparedStatement insert, String tenantId, ConversionPoint conversion,
                                   List<JourneyTouch> journey) throws SQLException {
        for (AttributionModel model : AttributionModel.values()) {
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

    private static Map<String, List<ConversionPoint>> loadConversions(Connection c, String tenantId, Array visitors)
            throws SQLException {
        Map<String, List<ConversionPoint>> byVisitor = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select visitor_id, id, action_id, occurred_at, value "
                + "from conversion where tenant_id = ? and visitor_id = any(?)")) {
            ps.setString(1, tenantId);
            ps.setArray(2, visitors);
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

    private static Map<String, List<JourneyTouch>> loadTouches(Connection c, String tenantId, Array visitors)
            throws SQLException {
        Map<String, List<JourneyTouch>> byVisitor = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select visitor_id, id, occurred_at, channel, coalesce(campaign, '') "
                + "from touchpoint where tenant_id = ? and visitor_id = any(?)")) {
            ps.setString(1, tenantId);
            ps.setArray(2, visitors);
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
