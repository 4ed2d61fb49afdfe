package io.tracker.application.reporting;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trends: visits, counted macro conversions, their value and the imported ad cost ({@code ad_cost}) per day, week or
 * month of the tenant's days, from the
 * daily roll-ups and their deltas not yet folded ({@code visit_daily}, {@code conversion_daily}; see
 * {@link ReportService#kpis}), in one statement, so a trend's buckets add up to the headline figures of the same
 * period. Every bucket of the period is present, empty ones with zeros.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class TrendService {

    /** Per tenant-local day: visits, conversions, value. Deltas carry UTC minutes: their day is worked out here. */
    private static final String DAYS = "select day, sum(visits), sum(conversions), sum(value), sum(cost) from ("
            + "select d.day, d.visits, 0::bigint as conversions, 0::numeric as value, null::numeric as cost "
            + "from visit_daily d "
            + "where d.tenant_id = ? and d.day >= ? and d.day <= ? "
            + "union all select tenant_local_date(d.minute_start, ?), d.visits, 0, 0, null from visit_daily_delta d "
            + "where d.tenant_id = ? and d.minute_start >= ? and d.minute_start < ? "
            + "union all select d.day, 0, d.conversions, d.value, null from conversion_daily d "
            + "where d.tenant_id = ? and d.action_id = any(?::bigint[]) and d.day >= ? and d.day <= ? "
            + "union all select tenant_local_date(d.minute_start, ?), 0, d.conversions, d.value, null "
            + "from conversion_daily_delta d where d.tenant_id = ? and d.action_id = any(?::bigint[]) "
            + "and d.minute_start >= ? and d.minute_start < ? "
            + "union all select c.day, 0, 0, 0, c.cost from ad_cost c where c.tenant_id = ? and c.day >= ? and c.day <= ?"
            + ") x group by day";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private ConversionActionService conversionActions;

    /** The period's buckets, oldest first. */
    public List<TrendPoint> trend(ReportPeriod period, TrendInterval interval) {
        String tenantId = currentTenant.require();
        Object[] macro = conversionActions.reported(null).stream().map(ConversionAction::getId).toArray();
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
        Map<LocalDate, long[]> counts = new TreeMap<>();
        Map<LocalDate, BigDecimal> values = new TreeMap<>();
        Map<LocalDate, BigDecimal> costs = new TreeMap<>();
        for (LocalDate b = interval.bucketOf(period.from()); !b.isAfter(period.to()); b = interval.next(b)) {
            counts.put(b, new long[2]);
            values.put(b, BigDecimal.ZERO);
        }
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(DAYS)) {
            int p = 1;
            ps.setString(p++, tenantId);
            ps.setObject(p++, period.from());
            ps.setObject(p++, period.to());
            ps.setString(p++, period.zone().getId());
            ps.setString(p++, tenantId);
            ps.setObject(p++, start);
            ps.setObject(p++, end);
            ps.setString(p++, tenantId);
            ps.setArray(p++, c.createArrayOf("bigint", macro));
            ps.setObject(p++, period.from());
            ps.setObject(p++, period.to());
            ps.setString(p++, period.zone().getId());
            ps.setString(p++, tenantId);
            ps.setArray(p++, c.createArrayOf("bigint", macro));
            ps.setObject(p++, start);
            ps.setObject(p++, end);
            ps.setString(p++, tenantId);
            ps.setObject(p++, period.from());
            ps.setObject(p, period.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate bucket = interval.bucketOf(rs.getObject(1, LocalDate.class));
                    long[] n = counts.get(bucket);
                    if (n == null) {
                        continue; // a delta of a fixed offset with seconds may fall a minute outside (see V14)
                    }
                    n[0] += rs.getLong(2);
                    n[1] += rs.getLong(3);
                    values.merge(bucket, rs.getBigDecimal(4), BigDecimal::add);
                    if (rs.getBigDecimal(5) != null) {
                        costs.merge(bucket, rs.getBigDecimal(5), BigDecimal::add);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the trend failed: " + e.getMessage(), e);
        }
        // Cost only where the period has any: a period without imported cost has none to show, not zeros.
        boolean costKnown = !costs.isEmpty();
        List<TrendPoint> points = new ArrayList<>();
        counts.forEach((bucket, n) -> points.add(new TrendPoint(bucket, n[0], n[1],
                values.get(bucket).setScale(2, RoundingMode.HALF_EVEN).doubleValue(),
                costKnown ? costs.getOrDefault(bucket, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN).doubleValue()
                        : null)));
        return List.copyOf(points);
    }
}
