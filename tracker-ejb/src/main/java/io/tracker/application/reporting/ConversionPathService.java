package io.tracker.application.reporting;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.attribution.ChannelPath;
import io.tracker.domain.attribution.PathHistogram;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversion paths: which sequences of channels lead to conversions, how long after the first touch they come and
 * after how many touches. Read from the paths the attribution worker stores with each conversion's credits
 * ({@code conversion_credit.path} and {@code first_touch_at}, V26): the journey the credits were split over, so a
 * conversion without a touch in its lookback windows, or not counted, has none; the conversions of a period are
 * those of its days in the tenant's time zone, of the tenant's macro actions unless one action is named, as in
 * the attribution report. Two statements over the conversions of the period (through the index on their time).
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class ConversionPathService {

    public static final int DEFAULT_PATHS = 10;
    public static final int MAX_PATHS = 100;

    /**
     * The top paths. A path's revenue is its conversions' credited revenue under last touch, whose one credit per
     * conversion carries the whole value (RevenueSplit): what the attribution report's totals add up; picked by
     * index, not by a subquery per row. A period can have nearly as many distinct paths as conversions (32,225 of
     * 50,000 on the benchmark tenant), so they are grouped by hashing in memory ({@link #HASH_MEMORY}): with the
     * default work_mem PostgreSQL sorted them by path and spilled the sort to disk.
     */
    private static final String TOP_PATHS = "select k.path, count(*), "
            + "coalesce(sum(k.revenue[array_position(k.model, ?)]), 0) "
            + "from conversion_credit k where k.tenant_id = ? and k.action_id = any(?::bigint[]) "
            + "and k.converted_at >= ? and k.converted_at < ? and k.path is not null "
            + "group by k.path order by 2 desc, 3 desc, k.path limit ?";

    /** Room to hash the period's distinct paths (about 22 MB for 32,225 paths); ends with the transaction. */
    private static final String HASH_MEMORY = "select set_config('work_mem', '32MB', true)";

    /** Conversions per whole days of lag and per path length (a few hundred rows at most), bucketed here. */
    private static final String LAG_AND_LENGTH = "select floor(extract(epoch from k.converted_at - k.first_touch_at) "
            + "/ 86400)::int, cardinality(k.path), count(*) from conversion_credit k "
            + "where k.tenant_id = ? and k.action_id = any(?::bigint[]) and k.converted_at >= ? and k.converted_at < ? "
            + "and k.path is not null group by 1, 2";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private ConversionActionService conversionActions;

    /**
     * @param actionKey a conversion action's key (macro or micro), or null/blank for the tenant's macro actions
     * @param limit     how many top paths, 1 to {@value #MAX_PATHS}
     * @throws InvalidInputException for an unknown action key or a limit out of range
     */
    public ConversionPaths paths(ReportPeriod period, String actionKey, int limit) {
        if (limit < 1 || limit > MAX_PATHS) {
            throw new InvalidInputException("limit must be 1 to " + MAX_PATHS + ", not " + limit);
        }
        Object[] actions = conversionActions.reported(actionKey).stream().map(ConversionAction::getId).toArray();
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant()) {
            Array actionIds = c.createArrayOf("bigint", actions);
            Map<Integer, Long> byLag = new HashMap<>();
            Map<Integer, Long> byLength = new HashMap<>();
            long conversions = 0;
            try (PreparedStatement ps = c.prepareStatement(LAG_AND_LENGTH)) {
                ps.setString(1, tenantId);
                ps.setArray(2, actionIds);
                ps.setObject(3, period.start().atOffset(ZoneOffset.UTC));
                ps.setObject(4, period.end().atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(3);
                        byLag.merge(rs.getInt(1), n, Long::sum);
                        byLength.merge(rs.getInt(2), n, Long::sum);
                        conversions += n;
                    }
                }
            }
            List<ConversionPaths.Row> rows = new ArrayList<>();
            if (conversions > 0) {
                try (PreparedStatement memory = c.prepareStatement(HASH_MEMORY)) {
                    memory.executeQuery().close();
                }
                try (PreparedStatement ps = c.prepareStatement(TOP_PATHS)) {
                    ps.setString(1, AttributionModel.LAST_TOUCH.apiName());
                    ps.setString(2, tenantId);
                    ps.setArray(3, actionIds);
                    ps.setObject(4, period.start().atOffset(ZoneOffset.UTC));
                    ps.setObject(5, period.end().atOffset(ZoneOffset.UTC));
                    ps.setInt(6, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long n = rs.getLong(2);
                            rows.add(new ConversionPaths.Row(
                                    new ChannelPath(Arrays.asList((String[]) rs.getArray(1).getArray())), n,
                                    (double) n / conversions, rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_EVEN)));
                        }
                    }
                }
            }
            return new ConversionPaths(conversions, rows, PathHistogram.TIME_LAG.buckets(byLag),
                    PathHistogram.PATH_LENGTH.buckets(byLength));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the conversion paths failed: " + e.getMessage(), e);
        }
    }
}
