package io.tracker.application.reporting;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's funnel: visits → the chosen micro conversion actions, in the order given → the macro
 * conversions, each step the period's count from the daily roll-ups (as the KPI cards), with the share that went
 * on from the step before. It compares volumes per step, as GA4's "open" funnels and Matomo's goal overviews do; it
 * does not follow each visitor through the steps in order.
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class FunnelService {

    private static final String COUNTS = "select action_id, sum(conversions) from ("
            + "select d.action_id, d.conversions from conversion_daily d where d.tenant_id = ? and d.day >= ? and d.day <= ? "
            + "union all select d.action_id, d.conversions from conversion_daily_delta d where d.tenant_id = ? "
            + "and d.minute_start >= ? and d.minute_start < ?) x group by action_id";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private ConversionActionService conversionActions;

    @EJB
    private ReportService reports;

    /**
     * @param microKeys the micro conversion actions' keys, in the funnel's order; unknown keys and macro actions are
     *                  left out
     */
    public List<FunnelStep> funnel(ReportPeriod period, List<String> microKeys) {
        return funnel(period, microKeys, reports.kpis(period).touchpoints());
    }

    /**
     * As {@link #funnel(ReportPeriod, List)}, with the period's visits already read by the caller
     * ({@link ReportService#kpis}{@code .touchpoints()} of the same period, as the dashboard's KPI card has them):
     * one read of the roll-ups less per view.
     */
    public List<FunnelStep> funnel(ReportPeriod period, List<String> microKeys, long visits) {
        List<ConversionAction> actions = conversionActions.list();
        Map<Long, Long> counts = counts(period);
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        names.add("Visits");
        values.add(visits);
        for (String key : microKeys) {
            actions.stream().filter(a -> a.getKey().equals(key) && a.getCategory() == ConversionCategory.MICRO)
                    .findFirst().ifPresent(a -> {
                        names.add(a.getName());
                        values.add(counts.getOrDefault(a.getId(), 0L));
                    });
        }
        names.add("Macro conversions");
        values.add(actions.stream().filter(a -> a.getCategory() == ConversionCategory.MACRO)
                .mapToLong(a -> counts.getOrDefault(a.getId(), 0L)).sum());
        List<FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Double fromPrevious = i == 0 || values.get(i - 1) == 0 ? null : (double) values.get(i) / values.get(i - 1);
            steps.add(new FunnelStep(names.get(i), values.get(i), fromPrevious));
        }
        return List.copyOf(steps);
    }

    /** Counted conversions per action id in the period. */
    private Map<Long, Long> counts(ReportPeriod period) {
        String tenantId = currentTenant.require();
        Map<Long, Long> counts = new HashMap<>();
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(COUNTS)) {
            ps.setString(1, tenantId);
            ps.setObject(2, period.from());
            ps.setObject(3, period.to());
            ps.setString(4, tenantId);
            ps.setObject(5, period.start().atOffset(ZoneOffset.UTC));
            ps.setObject(6, period.end().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the funnel failed: " + e.getMessage(), e);
        }
        return counts;
    }
}
