package io.tracker.domain.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as the shop reports it.
 *
 * @param orderId      the id the shop gives the order and the tag sends as {@code order_id} (Shopify: the order
 *                     Name such as {@code #1001}; WooCommerce: the order number), kept as written (trimmed)
 * @param placedAt     when the order was placed (the instant the thank-you page is shown)
 * @param value        the order total, in {@code currency}
 * @param currency     ISO 4217 code
 * @param status       the normalised status
 * @param sourceStatus the shop's own word, for people
 */
public record StoreOrder(String orderId, Instant placedAt, BigDecimal value, String currency, OrderStatus status,
                         String sourceStatus) {
}
