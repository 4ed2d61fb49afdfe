package io.tracker.domain.audit;

import java.util.List;

/**
 * A recognised store orders header: the layout and where each role's column is (0-based, -1 when absent).
 *
 * @param names        the header's cells, trimmed, to name columns in row errors
 * @param time         the order time column (Shopify: Created at, or Paid at when the file has no Created at)
 * @param fallbackTime a time used when {@code time} is blank (Shopify: Paid at), else -1
 */
public record OrderHeader(OrderLayout layout, List<String> names, int orderId, int time, int fallbackTime, int value,
                          int currency, int status, int cancelledAt, int tags, int test) {

    /** The header's name of column {@code index}. */
    public String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : null;
    }
}
