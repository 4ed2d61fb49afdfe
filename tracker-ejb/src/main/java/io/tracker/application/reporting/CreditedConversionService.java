package io.tracker.application.reporting;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The drill-down's last list: the conversions of a period (macro actions, as the reports) that one model credited
 * to a channel, to a campaign, or to one campaign of a channel, newest first, with the credit each gave the selection. Read from
 * the stored credits ({@code attribution_credit}: rule-based and data-driven), through the index on the
 * conversion time, at most {@value #MAX_ROWS} rows.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class CreditedConversionService {

    public static final int MAX_ROWS = 500;

    private static final String LIST = "select k.conversion_id, a.action_key, a.name, c.occurred_at, c.value, "
            + "sum(k.credit), sum(k.revenue) from attribution_credit k "
            + "join conversion c on c.tenant_id = k.tenant_id and c.id = k.conversion_id "
            + "join conversion_action a on a.tenant_id = c.tenant_id and a.id = c.action_id "
            + "where k.tenant_id = ? and k.model = ? and k.action_id = any(?::bigint[]) "
            + "and k.converted_at >= ? and k.converted_at < ? and (?::text is null or k.channel = ?) and (?::text is null or k.campaign = ?) "
            + "group by k.conversion_id, a.action_key, a.name, c.occurred_at, c.value having sum(k.credit) > 0 "
            + "order by c.occurred_at desc, k.conversion_id desc limit ?";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private ConversionActionService conversionActions;

    /**
     * @param channel  the channel, as report rows name it, or null for any
     * @param campaign a campaign ({@code ""} for touches without one), or null for any
     * @param limit    1 to {@value #MAX_ROWS}
     */
    public List<CreditedConversion> list(AttributionModel model, ReportPeriod period, String channel, String campaign,
                                         int limit) {
        Object[] macro = conversionActions.reported(null).stream().map(ConversionAction::getId).toArray();
        List<CreditedConversion> rows = new ArrayList<>();
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(LIST)) {
            ps.setString(1, currentTenant.require());
            ps.setString(2, model.apiName());
            ps.setArray(3, c.createArrayOf("bigint", macro));
            ps.setObject(4, period.start().atOffset(ZoneOffset.UTC));
            ps.setObject(5, period.end().atOffset(ZoneOffset.UTC));
            ps.setString(6, channel);
            ps.setString(7, channel);
            ps.setString(8, campaign);
            ps.setString(9, campaign);
            ps.setInt(10, Math.max(1, Math.min(limit, MAX_ROWS)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CreditedConversion(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBigDecimal(5), rs.getDouble(6),
                            rs.getBigDecimal(7).setScale(2, RoundingMode.HALF_EVEN)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the credited conversions failed: " + e.getMessage(), e);
        }
        return List.copyOf(rows);
    }
}
