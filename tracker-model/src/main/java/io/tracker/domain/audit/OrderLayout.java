package io.tracker.domain.audit;

import java.util.List;
import java.util.Optional;

/**
 * The column layouts of a store orders file, recognised by the header line (names compared ignoring case and
 * surrounding blanks, except the plain layout's, which are exactly these lower-case names). Each role lists the
 * names that fill it; the first found wins.
 *
 * <table>
 *   <caption>Header names per layout</caption>
 *   <tr><th>role</th><th>shopify (Orders → Export)</th><th>woocommerce (order export)</th><th>plain</th></tr>
 *   <tr><td>order id</td><td>Name ({@code #1001})</td><td>Order Number, Order ID, Order #, Order No</td>
 *       <td>order_id</td></tr>
 *   <tr><td>time</td><td>Created at, else Paid at</td><td>Order Date, Date</td><td>time</td></tr>
 *   <tr><td>value</td><td>Total</td><td>Order Total, Order Total Amount, Total</td><td>value</td></tr>
 *   <tr><td>currency</td><td>Currency</td><td>Order Currency, Currency</td><td>currency</td></tr>
 *   <tr><td>status</td><td>Financial Status; Cancelled at; Tags; Test</td><td>Order Status, Status</td>
 *       <td>status</td></tr>
 * </table>
 *
 * Required: the order id, time and value columns, and the status column for Shopify and WooCommerce. A Shopify
 * export has one row per line item: the order's own fields are on its first row, the following rows of the same
 * Name are line items (the importer skips every later row of an order id already read in the file).
 */
public enum OrderLayout {
    SHOPIFY("shopify", false, List.of("Name"), List.of("Created at", "Paid at"), List.of("Total"),
            List.of("Currency"), List.of("Financial Status")),
    WOOCOMMERCE("woocommerce", false, List.of("Order Number", "Order ID", "Order #", "Order No"),
            List.of("Order Date", "Date"), List.of("Order Total", "Order Total Amount", "Total"),
            List.of("Order Currency", "Currency"), List.of("Order Status", "Status")),
    PLAIN("plain", true, List.of("order_id"), List.of("time"), List.of("value"), List.of("currency"),
            List.of("status"));

    private final String apiName;
    private final boolean exactNames;
    private final List<String> orderId;
    private final List<String> time;
    private final List<String> value;
    private final List<String> currency;
    private final List<String> status;

    OrderLayout(String apiName, boolean exactNames, List<String> orderId, List<String> time, List<String> value,
                List<String> currency, List<String> status) {
        this.apiName = apiName;
        this.exactNames = exactNames;
        this.orderId = orderId;
        this.time = time;
        this.value = value;
        this.currency = currency;
        this.status = status;
    }

    /** {@code shopify}, {@code woocommerce} or {@code plain}. */
    public String apiName() {
        return apiName;
    }

    /** The header of a line, if it is one: plain, Shopify or WooCommerce (their required names do not overlap). */
    public static Optional<OrderHeader> header(List<String> cells) {
        for (OrderLayout l : List.of(PLAIN, SHOPIFY, WOOCOMMERCE)) {
            Optional<OrderHeader> h = l.headerOf(cells);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    private Optional<OrderHeader> headerOf(List<String> cells) {
        int id = find(cells, orderId);
        int at = find(cells, time.subList(0, 1));
        int fallback = time.size() > 1 ? find(cells, time.subList(1, time.size())) : -1;
        int total = find(cells, value);
        int state = find(cells, status);
        if (id < 0 || (at < 0 && fallback < 0) || total < 0 || (state < 0 && this != PLAIN)) {
            return Optional.empty();
        }
        return Optional.of(new OrderHeader(this, cells.stream().map(c -> c == null ? "" : c.strip()).toList(), id,
                at >= 0 ? at : fallback, at >= 0 ? fallback : -1, total, find(cells, currency), state,
                this == SHOPIFY ? find(cells, List.of("Cancelled at")) : -1,
                this == SHOPIFY ? find(cells, List.of("Tags")) : -1,
                this == SHOPIFY ? find(cells, List.of("Test")) : -1));
    }

    private int find(List<String> cells, List<String> names) {
        for (String name : names) {
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i) == null ? "" : cells.get(i).strip();
                if (exactNames ? c.equals(name) : c.equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
