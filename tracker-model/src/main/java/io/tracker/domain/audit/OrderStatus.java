package io.tracker.domain.audit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A shop order's status, normalised from the shops' own words. Only {@link #PAID} orders are the shop's sales (its
 * figures in the audit); the others are stored so a Tracker purchase of such an order can be explained.
 *
 * <table>
 *   <caption>What each export's status becomes</caption>
 *   <tr><th>status</th><th>Shopify Financial Status</th><th>WooCommerce Order Status</th><th>plain</th></tr>
 *   <tr><td>PAID</td><td>paid, partially_paid, partially_refunded, authorized</td>
 *       <td>completed, processing (wc- prefix optional)</td><td>paid, completed</td></tr>
 *   <tr><td>PENDING</td><td>pending, expired</td><td>pending, on-hold, checkout-draft, draft</td><td>pending</td></tr>
 *   <tr><td>CANCELLED</td><td>voided (or any order with Cancelled at)</td><td>cancelled, failed, trash</td>
 *       <td>cancelled, failed, voided</td></tr>
 *   <tr><td>REFUNDED</td><td>refunded</td><td>refunded</td><td>refunded</td></tr>
 *   <tr><td>TEST</td><td>(Test column true, or tag "test")</td><td>test</td><td>test</td></tr>
 * </table>
 */
public enum OrderStatus {
    PAID, PENDING, CANCELLED, REFUNDED, TEST;

    private static final Map<String, OrderStatus> WORDS = Map.ofEntries(
            Map.entry("paid", PAID), Map.entry("partially_paid", PAID), Map.entry("partially_refunded", PAID),
            Map.entry("authorized", PAID), Map.entry("completed", PAID), Map.entry("processing", PAID),
            Map.entry("pending", PENDING), Map.entry("pending payment", PENDING), Map.entry("expired", PENDING),
            Map.entry("on-hold", PENDING), Map.entry("on hold", PENDING), Map.entry("checkout-draft", PENDING),
            Map.entry("draft", PENDING), Map.entry("voided", CANCELLED), Map.entry("cancelled", CANCELLED),
            Map.entry("canceled", CANCELLED), Map.entry("failed", CANCELLED), Map.entry("trash", CANCELLED),
            Map.entry("refunded", REFUNDED), Map.entry("test", TEST));

    /** The status a shop's word stands for (case-insensitive, WooCommerce's {@code wc-} prefix dropped). */
    public static Optional<OrderStatus> of(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.startsWith("wc-")) {
            w = w.substring(3);
        }
        return Optional.ofNullable(WORDS.get(w));
    }

    /** Whether the order is one of the shop's sales. */
    public boolean sale() {
        return this == PAID;
    }
}
