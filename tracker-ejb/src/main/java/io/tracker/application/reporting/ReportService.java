package io.tracker.application.reporting;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.conversion.ConversionCategory;
import io.tracker.domain.shared.InvalidInputException;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.postgresql.PGStatement;

/**
 * Read side: reports as projections over the stored credits. Attribution reports read the daily
 * roll-up {@code credit_daily} (V8: per tenant-local day of the conversion) plus its deltas not yet
 * folded in ({@code credit_daily_delta}, V15: appended by triggers on {@code conversion_credit} and {@code data_driven_credit} in the
 * same transaction as the credits), so a report is exact at every instant and over 90 days reads a few
 * thousand rows whatever the number of conversions; reports are whole days, so nothing else is needed.
 * Conversions are selected by their own time; unless an action is named, reports cover the tenant's
 * macro conversion actions. Everything is read for the current tenant only (row-level security and an
 * explicit {@code tenant_id} condition).
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class ReportService {

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private ConversionActionService conversionActions;

    /**
     * The credits of one model in the period, summed per value of the dimension; rows by credited
     * conversions, most first, then by key. Revenue is rounded to cents per row; totals are the sums of
     * the rows.
     *
     * @param actionKey a conversion action's key, or null/blank for the tenant's macro actions
     * @throws InvalidInputException for an unknown action key
     */
    public AttributionReport attribution(AttributionModel model, ReportPeriod period, ReportDimension dimension,
                                         String actionKey) {
        return attribution(model, period, dimension, actionKey, null);
    }

    /**
     * As {@link #attribution(AttributionModel, ReportPeriod, ReportDimension, String)}, over the credits (and the
     * cost) of one channel only (the dashboard's drill-down: a channel's campaigns); a null channel is every one.
     */
    public AttributionReport attribution(AttributionModel model, ReportPeriod period, ReportDimension dimension,
                                         String actionKey, String channel) {
        return withCost(reports(List.of(model), period, dimension, actionKey, channel), period, dimension, channel)
                .get(model);
    }

    /** Every model's report on the same conversions, in one read of the roll-up, with cost as {@link #attribution}. */
    public Map<AttributionModel, AttributionReport> attributionByModel(ReportPeriod period, ReportDimension dimension,
                                                                      String actionKey) {
        return attributionByModel(period, dimension, actionKey, null);
    }

    /** Every model's report on the same conversions, over the credits (and cost) of one channel (null: all). */
    public Map<AttributionModel, AttributionReport> attributionByModel(ReportPeriod period, ReportDimension dimension,
                                                                      String actionKey, String channel) {
        return withCost(reports(List.of(AttributionModel.values()), period, dimension, actionKey, channel), period,
                dimension, channel);
    }

    /**
     * The reports with the imported ad cost ({@code ad_cost}, V21) of the period's days, keyed like the
     * dimension's rows: by channel, by campaign name, or by source / medium (cost without one under
     * {@value #UNKNOWN_KEY}). A row whose key has cost gets {@link CostFigures}; a key with cost but no credited
     * conversions becomes a row of its own with 0 conversions (after the credited rows, by key). Totals: all cost
     * of the period, CPA and ROAS over the report's totals. The conversion action dimension has no cost; a period
     * without any cost leaves the reports as they are.
     */
    private Map<AttributionModel, AttributionReport> withCost(Map<AttributionModel, AttributionReport> reports,
                                                             ReportPeriod period, ReportDimension dimension,
                                                             String channel) {
        if (dimension == ReportDimension.CONVERSION_ACTION) {
            return reports;
        }
        Map<String, BigDecimal> costs = costs(period, dimension, channel);
        if (costs.isEmpty()) {
            return reports;
        }
        BigDecimal all = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<AttributionModel, AttributionReport> out = new EnumMap<>(AttributionModel.class);
        reports.forEach((model, report) -> {
            List<AttributionRow> rows = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (AttributionRow r : report.rows()) {
                BigDecimal cost = costs.get(r.key());
                seen.add(r.key());
                rows.add(cost == null ? r
                        : new AttributionRow(r.key(), r.name(), r.conversions(), r.revenue(),
                        CostFigures.of(cost, r.conversions(), r.revenue())));
            }
            costs.forEach((key, cost) -> {
                if (!seen.contains(key)) {
                    rows.add(new AttributionRow(key, key, 0, 0, CostFigures.of(cost, 0, 0)));
                }
            });
            out.put(model, new AttributionReport(model, period, dimension, List.copyOf(rows), report.totalConversions(),
                    report.totalRevenue(), CostFigures.of(all, report.totalConversions(), report.totalRevenue())));
        });
        return out;
    }

    /** Key of source / medium cost whose source / medium is not known. */
    public static final String UNKNOWN_KEY = "(unknown)";

    /** The period's ad cost per key of the dimension (of one channel, unless null), keys in order. */
    private Map<String, BigDecimal> costs(ReportPeriod period, ReportDimension dimension, String channel) {
        String key = switch (dimension) {
            case CHANNEL -> "channel";
            case CAMPAIGN -> "campaign";
            case SOURCE_MEDIUM -> "coalesce(source_medium, '" + UNKNOWN_KEY + "')";
            case CONVERSION_ACTION -> throw new IllegalArgumentException("no cost per conversion action");
        };
        Map<String, BigDecimal> costs = new TreeMap<>();
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(
                "select " + key + ", sum(cost) from ad_cost where tenant_id = ? and day >= ? and day <= ? "
                        + "and (?::text is null or channel = ?) group by 1")) {
            ps.setString(1, currentTenant.require());
            ps.setObject(2, period.from());
            ps.setObject(3, period.to());
            ps.setString(4, channel);
            ps.setString(5, channel);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    costs.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ad cost failed: " + e.getMessage(), e);
        }
        return costs;
    }

    /** Every model's report on the same conversions, side by side (see {@link ModelComparison}). */
    public ModelComparison modelComparison(ReportPeriod period, ReportDimension dimension, String actionKey) {
        return ModelComparison.of(period, dimension,
                reports(List.of(AttributionModel.values()), period, dimension, actionKey, null));
    }

    private Map<AttributionModel, AttributionReport> reports(List<AttributionModel> models, ReportPeriod period,
                                                            ReportDimension dimension, String actionKey,
                                                            String channel) {
        List<ConversionAction> actions = actions(actionKey);
        Map<String, String> actionNames = actions.stream()
                .collect(Collectors.toMap(a -> a.getId().toString(), ConversionAction::getName));
        Map<String, String> actionKeys = actions.stream()
                .collect(Collectors.toMap(a -> a.getId().toString(), ConversionAction::getKey));
        Map<AttributionModel, List<AttributionRow>> rows = new EnumMap<>(AttributionModel.class);
        models.forEach(m -> rows.put(m, new ArrayList<>()));
        // Totals are the rounded sums of the unrounded rows: three thirds of 25.00 are 8.33 each in the
        // rows but 25.00 together, not 24.99.
        Map<AttributionModel, BigDecimal> unroundedRevenue = new EnumMap<>(AttributionModel.class);
        // The roll-up plus its deltas not yet folded (V15), in one snapshot; a key whose credits all went
        // sums to 0 credits and is left out.
        String source = "select model, " + dimension.column() + " as value, conversions, revenue, credits from %s "
                + "where tenant_id = ? and model = any(?::text[]) and action_id = any(?::bigint[]) and day >= ? and day <= ? "
                + "and (?::text is null or channel = ?)";
        String sql = "select model, value::text, sum(conversions), sum(revenue) from ("
                + source.formatted("credit_daily") + " union all " + source.formatted("credit_daily_delta")
                + ") r group by model, value having sum(credits) > 0";
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(sql)) {
            planForTheseValues(ps);
            for (int i = 0; i < 2; i++) {
                ps.setString(7 * i + 1, currentTenant.require());
                ps.setArray(7 * i + 2, c.createArrayOf("text", models.stream().map(AttributionModel::apiName).toArray()));
                ps.setArray(7 * i + 3, c.createArrayOf("bigint", actions.stream().map(ConversionAction::getId).toArray()));
                ps.setObject(7 * i + 4, period.from());
                ps.setObject(7 * i + 5, period.to());
                ps.setString(7 * i + 6, channel);
                ps.setString(7 * i + 7, channel);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AttributionModel model = AttributionModel.fromApiName(rs.getString(1));
                    String value = rs.getString(2);
                    String key = dimension == ReportDimension.CONVERSION_ACTION ? actionKeys.get(value) : value;
                    String name = dimension == ReportDimension.CONVERSION_ACTION ? actionNames.get(value) : value;
                    rows.get(model).add(new AttributionRow(key, name, rs.getBigDecimal(3).doubleValue(),
                            cents(rs.getBigDecimal(4))));
                    unroundedRevenue.merge(model, rs.getBigDecimal(4), BigDecimal::add);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the attribution report failed: " + e.getMessage(), e);
        }
        Map<AttributionModel, AttributionReport> reports = new EnumMap<>(AttributionModel.class);
        rows.forEach((model, list) -> {
            list.sort(Comparator.comparingDouble((AttributionRow r) -> -r.conversions()).thenComparing(AttributionRow::key));
            double conversions = list.stream().mapToDouble(AttributionRow::conversions).sum();
            double revenue = cents(unroundedRevenue.getOrDefault(model, BigDecimal.ZERO));
            reports.put(model, new AttributionReport(model, period, dimension, List.copyOf(list), conversions, revenue));
        });
        return reports;
    }

    /**
     * Has PostgreSQL plan the statement for its parameters each time it runs (a custom plan), never with the
     * generic plan that the driver's server-side prepared statement gets from its sixth execution on: for the
     * attribution roll-up that plan sorted the period's rows on their text keys for a group aggregate (40–50 ms for
     * 19,667 rows of 90 days) where the custom plan hashes them (README, "Speed of the dashboard"); planning costs
     * about a millisecond. Without PostgreSQL's driver under the pool's wrapper, the statement stays as it is.
     */
    private static void planForTheseValues(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    /**
     * The headline figures in one statement, so in one snapshot, from roll-ups only, each with the deltas
     * not yet folded into it (so exact at every instant): visits from {@code visit_daily} and
     * {@code visit_daily_delta} (V14); counted conversions of the macro actions, their value and converted
     * visits from {@code conversion_daily} and {@code conversion_daily_delta} (V16). A converted visit is
     * counted once, on the day of its first counted macro conversion, with the day of the visit: it is in
     * the period when that visit is (its conversion is then too). Parameters: tenant, first and last day;
     * tenant, period start and end (instants); first day, tenant, macro action ids, first and last day;
     * period start, tenant, macro action ids, period start and end.
     */
    private static final String KPIS = "select "
            + "(select coalesce(sum(d.visits), 0) from visit_daily d where d.tenant_id = ? and d.day >= ? and d.day <= ?) "
            + "+ (select coalesce(sum(d.visits), 0) from visit_daily_delta d where d.tenant_id = ? "
            + "and d.minute_start >= ? and d.minute_start < ?), "
            + "coalesce(sum(r.conversions), 0), coalesce(sum(r.value), 0), "
            + "coalesce(sum(r.converted_visits) filter (where r.visit_in_period), 0) from ("
            + "select d.conversions, d.value, d.converted_visits, d.visit_day >= ? as visit_in_period "
            + "from conversion_daily d where d.tenant_id = ? and d.action_id = any(?::bigint[]) "
            + "and d.day >= ? and d.day <= ? "
            + "union all select d.conversions, d.value, d.converted_visits, d.visit_minute_start >= ? "
            + "from conversion_daily_delta d where d.tenant_id = ? and d.action_id = any(?::bigint[]) "
            + "and d.minute_start >= ? and d.minute_start < ?) r";

    /**
     * Headline numbers (see {@link Kpis} for the definitions of visits and converted visits): visits,
     * counted macro conversions and their value, converted visits ÷ visits. Read from roll-ups
     * ({@link #KPIS}): a few rows per day, whatever the number of touchpoints and conversions. A conversion
     * stored a moment ago counts at once; its visit, from when the attribution worker has re-attributed its
     * visitor (within seconds, as its credits).
     */
    public Kpis kpis(ReportPeriod period) {
        Object[] macro = actions(null).stream().map(ConversionAction::getId).toArray();
        String tenantId = currentTenant.require();
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement(KPIS)) {
            int p = 1;
            ps.setString(p++, tenantId);
            ps.setObject(p++, period.from());
            ps.setObject(p++, period.to());
            ps.setString(p++, tenantId);
            ps.setObject(p++, start);
            ps.setObject(p++, end);
            ps.setObject(p++, period.from());
            ps.setString(p++, tenantId);
            ps.setArray(p++, c.createArrayOf("bigint", macro));
            ps.setObject(p++, period.from());
            ps.setObject(p++, period.to());
            ps.setObject(p++, start);
            ps.setString(p++, tenantId);
            ps.setArray(p++, c.createArrayOf("bigint", macro));
            ps.setObject(p++, start);
            ps.setObject(p, end);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long visits = rs.getLong(1);
                long conversions = rs.getLong(2);
                BigDecimal revenue = rs.getBigDecimal(3);
                long convertedVisits = rs.getLong(4);
                return new Kpis(visits, conversions, Kpis.rate(conversions, visits), cents(revenue), convertedVisits);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the headline figures failed: " + e.getMessage(), e);
        }
    }

    /**
     * Micro conversions (roll-ups, as {@link #kpis}) and calls of the period. Calls are counted on their table
     * through its index on (tenant, start time): a few thousand rows at most per month, not worth a roll-up.
     */
    public Activity activity(ReportPeriod period) {
        Object[] micro = conversionActions.list().stream().filter(a -> a.getCategory() == ConversionCategory.MICRO)
                .map(ConversionAction::getId).toArray();
        String tenantId = currentTenant.require();
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.end().atOffset(ZoneOffset.UTC);
        try (Connection c = connections.forCurrentTenant(); PreparedStatement ps = c.prepareStatement("select "
                + "(select coalesce(sum(d.conversions), 0) from conversion_daily d where d.tenant_id = ? "
                + "and d.action_id = any(?::bigint[]) and d.day >= ? and d.day <= ?) "
                + "+ (select coalesce(sum(d.conversions), 0) from conversion_daily_delta d where d.tenant_id = ? "
                + "and d.action_id = any(?::bigint[]) and d.minute_start >= ? and d.minute_start < ?), "
                + "(select count(*) from call k where k.tenant_id = ? and k.started_at >= ? and k.started_at < ?)")) {
            int p = 1;
            ps.setString(p++, tenantId);
            ps.setArray(p++, c.createArrayOf("bigint", micro));
            ps.setObject(p++, period.from());
            ps.setObject(p++, period.to());
            ps.setString(p++, tenantId);
            ps.setArray(p++, c.createArrayOf("bigint", micro));
            ps.setObject(p++, start);
            ps.setObject(p++, end);
            ps.setString(p++, tenantId);
            ps.setObject(p++, start);
            ps.setObject(p, end);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Activity(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading micro conversions and calls failed: " + e.getMessage(), e);
        }
    }

    /** The named action, or the tenant's macro actions (possibly none). */
    private List<ConversionAction> actions(String actionKey) {
        return conversionActions.reported(actionKey);
    }

    private static double cents(BigDecimal sum) {
        return sum == null ? 0 : sum.setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
