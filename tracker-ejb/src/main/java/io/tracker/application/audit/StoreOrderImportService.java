package io.tracker.application.audit;

import io.tracker.application.shared.ExportCsv;
import io.tracker.application.tenant.CurrentTenant;
import io.tracker.application.tenant.RequiresPermission;
import io.tracker.application.tenant.TenantConnections;
import io.tracker.application.tenant.TenantService;
import io.tracker.domain.audit.OrderLayout;
import io.tracker.domain.audit.OrderRowReader;
import io.tracker.domain.audit.RowException;
import io.tracker.domain.audit.StoreOrder;
import io.tracker.domain.tenant.Permission;
import io.tracker.domain.tenant.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Imports a shop's orders for the current tenant from a Shopify or WooCommerce orders export or a plain
 * {@code order_id,time,value,currency,status} file ({@link OrderLayout} and {@link OrderRowReader} say how the
 * columns and cells read; local times are in the tenant's time zone).
 *
 * <p>Orders are keyed by order id: a re-imported order id updates the stored order (time, value, currency, status),
 * so importing the same file twice stores nothing new and an order cancelled since is updated. Within one file only
 * the first row of an order id is read; its later rows (Shopify's line items, a WooCommerce export with one row per
 * product) are skipped. A rejected row stores nothing.
 */
@Stateless
@RequiresPermission(Permission.INGEST)
public class StoreOrderImportService {

    private static final String UPSERT = "insert into store_order as s (tenant_id, order_id, placed_at, value, currency, "
            + "status, source_status, import_id) "
            + "select ?, u.order_id, u.placed_at::timestamptz, u.value, u.currency, u.status, u.source_status, ? "
            + "from unnest(?::text[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::text[]) "
            + "as u(order_id, placed_at, value, currency, status, source_status) "
            + "on conflict (tenant_id, order_id) do update set placed_at = excluded.placed_at, value = excluded.value, "
            + "currency = excluded.currency, status = excluded.status, source_status = excluded.source_status, "
            + "imported_at = now(), import_id = excluded.import_id returning (xmax <> 0)";

    @Inject
    private TenantConnections connections;

    @Inject
    private CurrentTenant currentTenant;

    @EJB
    private TenantService tenants;

    /**
     * Imports an orders file.
     *
     * @throws io.tracker.domain.shared.InvalidInputException for a file that is not CSV or has no known header
     */
    public AccuracyImportReport importCsv(InputStream csv, Charset charset) {
        Tenant tenant = tenants.current();
        ExportCsv.Tally tally = new ExportCsv.Tally();
        Map<String, StoreOrder> orders = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        OrderRowReader reader = ExportCsv.read(csv, charset, tally, cells -> OrderLayout.header(cells)
                        .map(h -> new OrderRowReader(h, tenant.getCurrency().getCurrencyCode(), tenant.getTimeZone(),
                                now)),
                (r, line, cells) -> {
                    String id = r.orderId(cells);
                    if (r.isBlank(cells) || id != null && !seen.add(id)) {
                        tally.skip();
                        return;
                    }
                    tally.row();
                    if (tally.rejectInvalidBytes(line, cells, charset)) {
                        return;
                    }
                    try {
                        StoreOrder o = r.read(cells);
                        orders.put(o.orderId(), o);
                    } catch (RowException e) {
                        tally.reject(line, e.column(), e.getMessage());
                    }
                }, "the columns of a Shopify (Name, Financial Status, Total, Created at) or WooCommerce (Order Number, "
                        + "Order Date, Order Status, Order Total) orders export, or order_id,time,value,currency,status");
        return store(reader.header().layout(), tally, List.copyOf(orders.values()), tenant);
    }

    /** An earlier upload's report. */
    public AccuracyImportReport report(long id) {
        return AccuracyImports.one(connections, AccuracyImports.STORE_ORDERS, id);
    }

    private AccuracyImportReport store(OrderLayout layout, ExportCsv.Tally tally, List<StoreOrder> orders,
                                       Tenant tenant) {
        try (Connection c = connections.forCurrentTenant()) {
            long id = AccuracyImports.start(c, AccuracyImports.STORE_ORDERS, layout.apiName(), currentTenant.actor());
            int replaced = 0;
            if (!orders.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                    ps.setString(1, currentTenant.require());
                    ps.setLong(2, id);
                    ps.setArray(3, c.createArrayOf("text", orders.stream().map(StoreOrder::orderId).toArray()));
                    ps.setArray(4, c.createArrayOf("text", orders.stream().map(o -> o.placedAt().toString()).toArray()));
                    ps.setArray(5, c.createArrayOf("numeric", orders.stream().map(StoreOrder::value).toArray()));
                    ps.setArray(6, c.createArrayOf("text", orders.stream().map(StoreOrder::currency).toArray()));
                    ps.setArray(7, c.createArrayOf("text", orders.stream().map(o -> o.status().name()).toArray()));
                    ps.setArray(8, c.createArrayOf("text", orders.stream().map(StoreOrder::sourceStatus).toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            replaced += rs.getBoolean(1) ? 1 : 0;
                        }
                    }
                }
            }
            LocalDate first = orders.stream().map(o -> LocalDate.ofInstant(o.placedAt(), tenant.getTimeZone()))
                    .min(LocalDate::compareTo).orElse(null);
            LocalDate last = orders.stream().map(o -> LocalDate.ofInstant(o.placedAt(), tenant.getTimeZone()))
                    .max(LocalDate::compareTo).orElse(null);
            return AccuracyImports.finish(c, id, tally, orders.size(), replaced, first, last);
        } catch (SQLException e) {
            throw new IllegalStateException("storing the orders failed: " + e.getMessage(), e);
        }
    }
}
