package io.tracker.domain.conversion.ledger;

import io.tracker.domain.conversion.offline.OfflineRowException;
import io.tracker.domain.conversion.offline.OfflineTime;
import io.tracker.domain.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one adjustment from text fields, as a CSV row or a JSON item brings them (a JSON number as its plain
 * text), strictly: any field that is wrong refuses the adjustment with an {@link AdjustmentException} naming it.
 *
 * <table>
 *   <caption>The fields</caption>
 *   <tr><th>field</th><th>rule</th></tr>
 *   <tr><td>{@code order_id}</td><td>required; trimmed, at most 200 characters</td></tr>
 *   <tr><td>{@code action}</td><td>the conversion action's key; blank: the tenant's default action</td></tr>
 *   <tr><td>{@code type}</td><td>required: {@code RESTATE} or {@code RETRACT} (any case; Google's
 *       {@code RESTATEMENT} and {@code RETRACTION} too)</td></tr>
 *   <tr><td>{@code value}</td><td>RESTATE: required, a plain decimal number ≥ 0 and below 10^12 (a dot for the
 *       decimals, no thousands separator), kept to cents (half-even); RETRACT: ignored (a file may carry the
 *       value the order had)</td></tr>
 *   <tr><td>{@code currency}</td><td>optional ISO 4217 code (any case); when given it must be the conversion's
 *       (checked when applied)</td></tr>
 *   <tr><td>{@code time}</td><td>required: ISO-8601 with an offset ({@code 2026-12-01T10:00:00Z}) or local
 *       {@code yyyy-MM-dd HH:mm:ss} in the tenant's zone, every field two digits ({@link OfflineTime}); not
 *       before 2000 and at most one day after the server's clock</td></tr>
 * </table>
 */
public final class AdjustmentReader {

    /** The CSV columns: all of them must be in the header (a column may be empty in a row). */
    public static final Set<String> COLUMNS = Set.of("order_id", "action", "type", "value", "currency", "time");
    /** Earliest adjustment time accepted. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far after the server's clock an adjustment may be dated (clock skew). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    /** Longest text read as a number: parsing decimal text costs time growing with its length squared. */
    private static final int MAX_NUMBER_LENGTH = 40;

    private final ZoneId zone;
    private final String defaultActionKey;
    private final Clock clock;

    /**
     * @param zone             the tenant's time zone, for local times
     * @param defaultActionKey the action of an adjustment that names none
     * @param clock            the server's clock, for the future bound
     */
    public AdjustmentReader(ZoneId zone, String defaultActionKey, Clock clock) {
        this.zone = Objects.requireNonNull(zone);
        this.defaultActionKey = Objects.requireNonNull(defaultActionKey);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param field the value of a field by name; null or blank when absent
     * @throws AdjustmentException naming the first field that is wrong
     */
    public Adjustment read(Function<String, String> field) throws AdjustmentException {
        String orderId = text(field, "order_id");
        if (orderId == null) {
            throw new AdjustmentException("order_id", "is required: the order id the conversion was recorded with");
        }
        if (orderId.length() > Adjustment.MAX_ORDER_ID) {
            throw new AdjustmentException("order_id", "is " + orderId.length() + " characters long; at most "
                    + Adjustment.MAX_ORDER_ID);
        }
        String action = text(field, "action");
        String typeText = text(field, "type");
        if (typeText == null) {
            throw new AdjustmentException("type", "is required: RESTATE (a new value) or RETRACT (take it out)");
        }
        AdjustmentKind kind = AdjustmentKind.parse(typeText).orElseThrow(() -> new AdjustmentException("type",
                Text.echo(typeText) + " is neither RESTATE nor RETRACT"));
        Change change;
        if (kind == AdjustmentKind.RESTATE) {
            String valueText = text(field, "value");
            if (valueText == null) {
                throw new AdjustmentException("value", "is required for RESTATE: the conversion's new value");
            }
            change = new Change.Restate(value("value", valueText));
        } else {
            change = new Change.Retract();
        }
        String currency = currency(text(field, "currency"));
        Instant at = time("time", text(field, "time"));
        return new Adjustment(orderId, action == null ? defaultActionKey : action, change, currency, at);
    }

    /**
     * A non-negative amount below 10^12 in plain decimal notation ({@code 40}, {@code 40.5}, {@code 1e3} too).
     *
     * @throws AdjustmentException naming {@code name}
     */
    public static BigDecimal value(String name, String text) throws AdjustmentException {
        String t = text.strip();
        if (t.length() > MAX_NUMBER_LENGTH) {
            throw new AdjustmentException(name, Text.echo(t) + " is not an amount below 10^12");
        }
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new AdjustmentException(name, Text.echo(t) + " is not a number (write 40.50: a dot for the "
                    + "decimals, no thousands separator)");
        }
        if (v.signum() < 0) {
            throw new AdjustmentException(name, Text.echo(t) + " is negative; a value is 0 or more (a refund is a "
                    + "RESTATE to what is left, or a RETRACT)");
        }
        if (v.compareTo(Change.MAX_VALUE) >= 0) {
            throw new AdjustmentException(name, Text.echo(t) + " is too large; a value is below 10^12");
        }
        return v;
    }

    /** An ISO 4217 code in upper case, or null. */
    public static String currency(String text) throws AdjustmentException {
        if (text == null) {
            return null;
        }
        String c = text.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z]{3}")) {
            throw new AdjustmentException("currency", Text.echo(text) + " is not an ISO 4217 code such as USD");
        }
        return c;
    }

    /**
     * The time of the field, in range.
     *
     * @throws AdjustmentException naming {@code name} when missing, malformed or out of range
     */
    public Instant time(String name, String text) throws AdjustmentException {
        Instant at;
        try {
            at = OfflineTime.parse(name, text, zone);
        } catch (OfflineRowException e) {
            String prefix = "column " + name + ": ";
            String message = e.getMessage();
            throw new AdjustmentException(name, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
        return inRange(name, at, clock.instant());
    }

    /**
     * The instant when it is neither before {@link #EARLIEST} nor more than {@link #MAX_CLOCK_SKEW} after
     * {@code now}.
     *
     * @throws AdjustmentException naming {@code name}
     */
    public static Instant inRange(String name, Instant at, Instant now) throws AdjustmentException {
        if (at.isBefore(EARLIEST)) {
            throw new AdjustmentException(name, at + " is before " + EARLIEST);
        }
        if (at.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new AdjustmentException(name, at + " is more than a day in the future");
        }
        return at;
    }

    /** The field's text, stripped; null when absent or blank. Refuses NUL and unpaired surrogates. */
    private static String text(Function<String, String> field, String name) throws AdjustmentException {
        String v = field.apply(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.indexOf('\0') >= 0) {
            throw new AdjustmentException(name, "contains a NUL character (U+0000)");
        }
        if (Text.hasLoneSurrogate(v)) {
            throw new AdjustmentException(name, "contains an unpaired UTF-16 surrogate: it is not Unicode text");
        }
        return v.strip();
    }
}
