package io.tracker.application.attribution;

import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.Journey;
import io.tracker.domain.shared.NotFoundException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains one conversion's credit split ({@link ConversionAttribution}): the journey rebuilt by the
 * same code that credited it ({@link PersonJourneys}, {@code JourneyBuilder}) and the credits stored
 * for it. Reads only; another tenant's conversion is not found.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class AttributionExplanationService {

    private static final String CONVERSION = "select c.visitor_id, a.action_key, c.occurred_at, c.value, c.currency, "
            + "c.counted from conversion c join conversion_action a on a.tenant_id = c.tenant_id and a.id = c.action_id "
            + "where c.tenant_id = ? and c.id = ?";
    private static final String CREDITS = "select model, channel, campaign, source_medium, credit, revenue "
            + "from attribution_credit where tenant_id = ? and conversion_id = ? "
            + "order by model, credit desc, channel, campaign, source_medium";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    /**
     * @throws NotFoundException when the current tenant has no conversion with this id
     */
    public ConversionAttribution explain(long conversionId) {
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant()) {
            ConversionAttribution.Converted converted;
            String visitorId;
            try (PreparedStatement ps = c.prepareStatement(CONVERSION)) {
                ps.setString(1, tenantId);
                ps.setLong(2, conversionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no conversion " + conversionId);
                    }
                    visitorId = rs.getString(1);
                    converted = new ConversionAttribution.Converted(conversionId, rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBigDecimal(4),
                            rs.getString(5).trim(), rs.getBoolean(6));
                }
            }
            Journey journey = PersonJourneys.load(c, tenantId, List.of(visitorId), false).journeys().stream()
                    .filter(j -> j.conversion().conversionId() == conversionId).findFirst()
                    .orElseThrow(() -> new IllegalStateException("conversion " + conversionId + " has no journey"));
            return new ConversionAttribution(converted, journey.touches(), credits(c, tenantId, conversionId));
        } catch (SQLException e) {
            throw new IllegalStateException("explaining conversion " + conversionId + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<ConversionAttribution.StoredCredit>> credits(Connection c, String tenantId,
                                                                             long conversionId) throws SQLException {
        Map<String, List<ConversionAttribution.StoredCredit>> byModel = new LinkedHashMap<>();
        for (AttributionModel model : AttributionModel.values()) {
            byModel.put(model.apiName(), new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement(CREDITS)) {
            ps.setString(1, tenantId);
            ps.setLong(2, conversionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byModel.computeIfAbsent(rs.getString(1), m -> new ArrayList<>()).add(
                            new ConversionAttribution.StoredCredit(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getDouble(5), rs.getBigDecimal(6)));
                }
            }
        }
        byModel.values().removeIf(List::isEmpty);
        return byModel;
    }
}
