package io.tracker.application.audit;

import io.tracker.application.conversion.ConversionActionService;
import io.tracker.application.reporting.ReportPeriod;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.audit.AccuracyAudit;
import io.tracker.domain.audit.AccuracyAuditor;
import io.tracker.domain.audit.AdPlatform;
import io.tracker.domain.audit.DateBasis;
import io.tracker.domain.audit.OrderStatus;
import io.tracker.domain.audit.PlatformRow;
import io.tracker.domain.audit.StoreOrder;
import io.tracker.domain.audit.TrackerPurchase;
import io.tracker.domain.conversion.ConversionAction;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The data-accuracy audit of the current tenant ({@link AccuracyAuditor} states the rules): the shop's imported
 * orders, Tracker's purchases and the platforms' imported reports over whole days in the tenant's time zone.
 *
 * <p>Tracker's purchases are the counted conversions of the purchase action: the tenant's default action unless
 * one is named. A purchase's last click per platform is the latest click touchpoint of the same visitor id at or
 * before the purchase carrying the platform's click id ({@link AdPlatform#clickIds()}); its campaign is the
 * touchpoint's campaign ("" when it has none).
 *
 * <p>The shop is compared on the days its order uploads cover ({@code accuracy_import}'s first to last day of
 * each store orders upload).
 *
 * <p>The threshold is per tenant ({@value #DEFAULT_THRESHOLD} % until set).
 */
@Stateless
@RequiresPermission(Permission.READ_REPORTS)
public class AccuracyAuditService {

    /** The threshold, in percent, of a tenant that has not set one. */
    public static final String DEFAULT_THRESHOLD = "20";
    /** The largest threshold that can be set, in percent. */
    public static final BigDecimal MAX_THRESHOLD = new BigDecimal("10000");

    private static final String LAST_CLICK = "left join lateral (select coalesce(t.campaign, '') as campaign, "
            + "t.occurred_at from touchpoint t where t.tenant_id = c.tenant_id and t.visitor_id = c.visitor_id "
            + "and t.occurred_at <= c.occurred_at and t.interaction = 'CLICK' and (%s) "
            + "order by t.occurred_at desc, t.id desc limit 1) %s on true ";
    private static final String PURCHASES = "select c.id, c.visitor_id, c.occurred_at, c.value, c.currency, c.order_id, "
            + "g.campaign, g.occurred_at, m.campaign, m.occurred_at, f.campaign, f.occurred_at from conversion c "
            + lastClick(AdPlatform.GOOGLE_ADS, "g") + lastClick(AdPlatform.MICROSOFT_ADS, "m")
            + lastClick(AdPlatform.META, "f")
            + "where c.tenant_id = ? and c.action_id = any(?) and c.counted and c.occurred_at >= ? and c.occurred_at < ?";
    private static final String PURCHASES_OF_ORDERS = "select distinct on (c.order_id) c.id, c.visitor_id, "
            + "c.occurred_at, c.value, c.currency, c.order_id from conversion c where c.tenant_id = ? "
            + "and c.action_id = any(?) and c.counted and c.order_id = any(?::text[]) order by c.order_id, c.occurred_at";
    private static final String ORDER_COLUMNS = "order_id, placed_at, value, currency, status, source_status";
    private static final String ORDERS_IN_PERIOD = "select " + ORDER_COLUMNS + " from store_order where tenant_id = ? "
            + "and placed_at >= ? and placed_at < ?";
    private static final String ORDERS_BY_ID = "select " + ORDER_COLUMNS + " from store_order where tenant_id = ? "
            + "and order_id = any(?::text[])";
    private static final String PLATFORM_ROWS = "select platform, day, campaign, conversions, value, currency, basis "
            + "from platform_conversion where tenant_id = ? and day >= ? and day <= ?";
    // The days the shop's order uploads cover: from the first to the last order day of each (tenant's zone).
    private static final String SHOP_DAYS = "select first_day, last_day from accuracy_import where tenant_id = ? "
            + "and kind = '" + AccuracyImports.STORE_ORDERS + "' and first_day <= ? and last_day >= ?";
    private static final String THRESHOLD = "select threshold_percent from accuracy_setting where tenant_id = ?";
    private static final String SET_THRESHOLD = "insert into accuracy_setting (tenant_id, threshold_percent, updated_by) "
            + "values (?, ?, ?) on conflict (tenant_id) do update set threshold_percent = excluded.threshold_percent, "
            + "updated_at = now(), updated_by = excluded.updated_by";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    @EJB
    private ConversionActionService conversionActions;

    /** The audit of days {@code from}–{@code to} (tenant's time zone, both included) of the default purchase action. */
    public AccuracyAudit audit(LocalDate from, LocalDate to) {
        return audit(new ReportPeriod(from, to, tenants.current().getTimeZone()), null);
    }

    /**
     * The audit of a period.
     *
     * @param actionKey the purchase action's key, or null/blank for the tenant's default action
     * @throws InvalidInputException for an unknown action
     */
    public AccuracyAudit audit(ReportPeriod period, String actionKey) {
        Tenant tenant = tenants.current();
        String key = actionKey == null || actionKey.isBlank() ? tenant.getDefaultActionKey() : actionKey;
        Object[] actions = conversionActions.reported(key).stream().map(ConversionAction::getId).toArray();
        String tenantId = currentTenant.require();
        try (Connection c = connections.forCurrentTenant()) {
            Array actionIds = c.createArrayOf("bigint", actions);
            List<TrackerPurchase> purchases = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PURCHASES)) {
                ps.setString(1, tenantId);
                ps.setArray(2, actionIds);
                ps.setObject(3, period.start().atOffset(ZoneOffset.UTC));
                ps.setObject(4, period.end().atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<AdPlatform, TrackerPurchase.Click> clicks = new EnumMap<>(AdPlatform.class);
                        click(rs, 7, AdPlatform.GOOGLE_ADS, clicks);
                        click(rs, 9, AdPlatform.MICROSOFT_ADS, clicks);
                        click(rs, 11, AdPlatform.META, clicks);
                        purchases.add(purchase(rs, clicks));
                    }
                }
            }
            List<StoreOrder> shopOrders = orders(c, ORDERS_IN_PERIOD, ps -> {
                ps.setString(1, tenantId);
                ps.setObject(2, period.start().atOffset(ZoneOffset.UTC));
                ps.setObject(3, period.end().atOffset(ZoneOffset.UTC));
            });
            Object[] purchaseOrderIds = purchases.stream().map(TrackerPurchase::orderId).filter(Objects::nonNull)
                    .distinct().toArray();
            Map<String, StoreOrder> ordersById = new HashMap<>();
            orders(c, ORDERS_BY_ID, ps -> {
                ps.setString(1, tenantId);
                ps.setArray(2, c.createArrayOf("text", purchaseOrderIds));
            }).forEach(o -> ordersById.put(o.orderId(), o));
            Map<String, TrackerPurchase> purchasesByOrder = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PURCHASES_OF_ORDERS)) {
                ps.setString(1, tenantId);
                ps.setArray(2, actionIds);
                ps.setArray(3, c.createArrayOf("text", shopOrders.stream().map(StoreOrder::orderId).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TrackerPurchase p = purchase(rs, Map.of());
                        purchasesByOrder.put(p.orderId(), p);
                    }
                }
            }
            List<PlatformRow> platformRows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PLATFORM_ROWS)) {
                ps.setString(1, tenantId);
                ps.setObject(2, period.from());
                ps.setObject(3, period.to());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        platformRows.add(new PlatformRow(AdPlatform.parse(rs.getString(1)).orElseThrow(),
                                rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBigDecimal(4),
                                rs.getBigDecimal(5), rs.getString(6).strip(), DateBasis.valueOf(rs.getString(7))));
                    }
                }
            }
            Set<LocalDate> shopDays = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(SHOP_DAYS)) {
                ps.setString(1, tenantId);
                ps.setObject(2, period.to());
                ps.setObject(3, period.from());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate last = min(rs.getObject(2, LocalDate.class), period.to());
                        for (LocalDate d = max(rs.getObject(1, LocalDate.class), period.from()); !d.isAfter(last);
                             d = d.plusDays(1)) {
                            shopDays.add(d);
                        }
                    }
                }
            }
            return new AccuracyAuditor(period.from(), period.to(), period.zone(), threshold(c, tenantId))
                    .audit(shopOrders, purchases, ordersById, purchasesByOrder, platformRows, shopDays);
        } catch (SQLException e) {
            throw new IllegalStateException("the accuracy audit failed: " + e.getMessage(), e);
        }
    }

    /** The tenant's threshold, in percent: a gap whose size exceeds it is flagged. */
    public BigDecimal threshold() {
        try (Connection c = connections.forCurrentTenant()) {
            return threshold(c, currentTenant.require());
        } catch (SQLException e) {
            throw new IllegalStateException("reading the threshold failed: " + e.getMessage(), e);
        }
    }

    /**
     * Sets the tenant's threshold.
     *
     * @param percent above 0, at most {@link #MAX_THRESHOLD}, at most 2 decimals
     * @throws InvalidInputException otherwise
     */
    @RequiresPermission(Permission.EDIT_SETUP)
    public BigDecimal setThreshold(BigDecimal percent) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(MAX_THRESHOLD) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("threshold_percent must be a number above 0 and at most "
                    + MAX_THRESHOLD.toPlainString() + ", with at most 2 decimals");
        }
        try (Connection c = connections.forCurrentTenant();
             PreparedStatement ps = c.prepareStatement(SET_THRESHOLD)) {
            ps.setString(1, currentTenant.require());
            ps.setBigDecimal(2, percent);
            ps.setString(3, currentTenant.actor());
            ps.executeUpdate();
            return percent.stripTrailingZeros();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the threshold failed: " + e.getMessage(), e);
        }
    }

    private static BigDecimal threshold(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(THRESHOLD)) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1).stripTrailingZeros() : new BigDecimal(DEFAULT_THRESHOLD);
            }
        }
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    private static List<StoreOrder> orders(Connection c, String sql, Parameters parameters) throws SQLException {
        List<StoreOrder> orders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(new StoreOrder(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3),
                            rs.getString(4).strip(), OrderStatus.valueOf(rs.getString(5)), rs.getString(6)));
                }
            }
        }
        return orders;
    }

    private static TrackerPurchase purchase(ResultSet rs, Map<AdPlatform, TrackerPurchase.Click> clicks)
            throws SQLException {
        return new TrackerPurchase(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4),
                rs.getString(5).strip(), rs.getString(6), clicks);
    }

    private static void click(ResultSet rs, int column, AdPlatform platform, Map<AdPlatform, TrackerPurchase.Click> to)
            throws SQLException {
        if (rs.getTimestamp(column + 1) != null) {
            to.put(platform, new TrackerPurchase.Click(rs.getString(column), rs.getTimestamp(column + 1).toInstant()));
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String lastClick(AdPlatform platform, String alias) {
        return String.format(LAST_CLICK, String.join(" or ", platform.clickIds().stream()
                .map(id -> "t." + id + " is not null").toList()), alias);
    }
}
