package io.tracker.domain.conversion.offline;

import io.tracker.domain.conversion.export.OutgoingConversion;
import io.tracker.domain.shared.CurrencyCodes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads offline rows: the columns {@value #COLUMN_LIST} ({@code time} and {@code action} required, the others
 * optional; a blank cell is an absent value).
 * <ul>
 *   <li>{@code time}: see {@link OfflineTime}; not before 2000-01-01, not more than a day in the future;</li>
 *   <li>{@code action}: the key of one of the tenant's conversion actions, active;</li>
 *   <li>{@code value}: a decimal with a point and at most two decimals, 0 up to 10<sup>12</sup> (exclusive);
 *       blank takes the action's default value, as does every row of an action with a fixed value;</li>
 *   <li>{@code currency}: ISO 4217 (current codes only), blank takes the action's, else the tenant's;</li>
 *   <li>{@code order_id}, click ids, {@code store_id}: text of at most 200 characters, kept as sent;</li>
 *   <li>{@code email}, {@code phone}, names, {@code city}, {@code postal_code}, {@code country}: hashed here
 *       ({@link OfflineIdentifiers}); an unusable e-mail or phone is flagged, not a row error (the row may
 *       still match by another identifier, and counts in totals anyway).</li>
 * </ul>
 */
public final class OfflineRowReader {

    /** Every column the reader knows, in the documented order. */
    public static final List<String> COLUMNS = List.of("order_id", "time", "value", "currency", "action", "gclid",
            "gbraid", "wbraid", "fbclid", "msclkid", "email", "phone", "first_name", "last_name", "street", "city",
            "postal_code", "country", "store_id");
    static final String COLUMN_LIST = "order_id, time, value, currency, action, gclid, gbraid, wbraid, fbclid, "
            + "msclkid, email, phone, first_name, last_name, street, city, postal_code, country, store_id";

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    private static final int MAX_TEXT = 200;

    private final ZoneId zone;
    private final String region;
    private final String tenantCurrency;
    private final Map<String, OfflineAction> actions;
    private final Instant now;

    /**
     * @param zone           the tenant's zone, for local times
     * @param region         the tenant's phone region (ISO 3166-1 alpha-2)
     * @param tenantCurrency the tenant's reporting currency
     * @param actions        the tenant's conversion actions by key
     */
    public OfflineRowReader(ZoneId zone, String region, String tenantCurrency, Map<String, OfflineAction> actions,
                            Instant now) {
        this.zone = zone;
        this.region = region;
        this.tenantCurrency = tenantCurrency;
        this.actions = actions;
        this.now = now;
    }

    /**
     * @param field a column's value by name (null or blank when absent)
     * @throws OfflineRowException naming the column at fault
     */
    public OfflineConversion read(Function<String, String> field) throws OfflineRowException {
        String actionKey = text(field, "action");
        if (actionKey == null) {
            throw new OfflineRowException("action", "is required: the key of a conversion action");
        }
        OfflineAction action = actions.get(actionKey);
        if (action == null) {
            throw new OfflineRowException("action", "'" + shown(actionKey) + "' is no conversion action of this "
                    + "client");
        }
        if (!action.active()) {
            throw new OfflineRowException("action", "'" + shown(actionKey) + "' is paused: it records nothing new");
        }
        Instant at = OfflineTime.parse("time", field.apply("time"), zone);
        if (at.isBefore(EARLIEST)) {
            throw new OfflineRowException("time", "is before " + EARLIEST);
        }
        if (at.isAfter(now.plus(Duration.ofDays(1)))) {
            throw new OfflineRowException("time", "is more than a day in the future");
        }
        BigDecimal value = value(field, action);
        String currency = currency(field, action);
        OutgoingConversion.Clicks clicks = new OutgoingConversion.Clicks(text(field, "gclid"), text(field, "gbraid"),
                text(field, "wbraid"), text(field, "fbclid"), text(field, "msclkid"));
        OfflineIdentifiers ids = OfflineIdentifiers.of(raw(field, "email"), raw(field, "phone"),
                raw(field, "first_name"), raw(field, "last_name"), raw(field, "city"), raw(field, "postal_code"),
                raw(field, "country"), region);
        return new OfflineConversion(action, at, value, currency, text(field, "order_id"), clicks, ids,
                text(field, "store_id"));
    }

    private static BigDecimal value(Function<String, String> field, OfflineAction action) throws OfflineRowException {
        String text = text(field, "value");
        if (text == null || action.fixedValue()) {
            return action.defaultValue();
        }
        if (!text.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            throw new OfflineRowException("value", "'" + shown(text) + "' is not an amount: digits with a point "
                    + "and at most two decimals (129.90), not negative");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.compareTo(MAX_VALUE) >= 0) {
            throw new OfflineRowException("value", "must be below " + MAX_VALUE.toPlainString());
        }
        return value;
    }

    private String currency(Function<String, String> field, OfflineAction action) throws OfflineRowException {
        String text = text(field, "currency");
        if (text == null) {
            return action.currency() != null ? action.currency() : tenantCurrency;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (CurrencyCodes.current(code).isEmpty()) {
            throw new OfflineRowException("currency", "'" + shown(text) + "' is not a current ISO 4217 currency code");
        }
        return code;
    }

    private static String text(Function<String, String> field, String column) throws OfflineRowException {
        String value = raw(field, column);
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > MAX_TEXT) {
            throw new OfflineRowException(column, "is longer than " + MAX_TEXT + " characters");
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new OfflineRowException(column, "contains control characters");
        }
        return t;
    }

    private static String raw(Function<String, String> field, String column) throws OfflineRowException {
        String value = field.apply(column);
        if (value != null && value.length() > 1_000) {
            throw new OfflineRowException(column, "is longer than 1000 characters");
        }
        return value;
    }

    private static String shown(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
