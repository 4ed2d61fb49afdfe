package io.tracker.domain.conversion.offline;

import io.tracker.domain.conversion.export.OutgoingConversion;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One offline row, read and checked, its identifiers hashed: ready to match and store.
 *
 * @param value    in {@code currency}, two decimals at most, not negative
 * @param orderId  the order id (what makes a re-upload a duplicate), or null
 * @param clicks   the row's click ids, as sent (case kept)
 * @param storeId  the till's store, or null
 */
public record OfflineConversion(OfflineAction action, Instant at, BigDecimal value, String currency, String orderId,
                                OutgoingConversion.Clicks clicks, OfflineIdentifiers identifiers, String storeId) {

    /** The row's click ids, most specific first: gclid, gbraid, wbraid, msclkid, fbclid; nulls left out. */
    public java.util.List<String> clickIds() {
        java.util.List<String> ids = new java.util.ArrayList<>(5);
        for (String id : new String[] {clicks.gclid(), clicks.gbraid(), clicks.wbraid(), clicks.msclkid(),
                clicks.fbclid()}) {
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
