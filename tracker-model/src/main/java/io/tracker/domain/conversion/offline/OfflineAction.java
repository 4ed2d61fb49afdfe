package io.tracker.domain.conversion.offline;

import java.math.BigDecimal;

/**
 * What an offline row needs of the conversion action it names.
 *
 * @param defaultValue the value of a row without one, and of every row when {@code fixedValue}
 * @param currency     the action's currency, or null for the tenant's reporting currency
 * @param lookbackDays how far back (days) a click or a person's visit may lie and still take the conversion
 */
public record OfflineAction(long id, String key, boolean active, BigDecimal defaultValue, boolean fixedValue,
                            String currency, int lookbackDays) {
}
