package io.tracker.domain.conversion;

import io.tracker.domain.shared.CurrencyCodes;
import io.tracker.domain.shared.InvalidInputException;
import io.tracker.domain.shared.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The value of an action's conversions.
 *
 * @param source       {@link ValueSource#EVENT}: the event's value, else {@code defaultValue};
 *                     {@link ValueSource#FIXED}: always {@code defaultValue}
 * @param defaultValue 0 or more, below 10^12, kept to cents (half up)
 * @param currency     the action's currency (a current ISO 4217 code), or null for the tenant's reporting
 *                     currency. A conversion's currency is the event's, else this, else the tenant's;
 *                     Tracker does not convert, so an event in another currency than this is refused
 */
public record ActionValue(ValueSource source, BigDecimal defaultValue, Currency currency) {

    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    public ActionValue {
        if (source == null) {
            throw new InvalidInputException("value.source is required: event or fixed");
        }
        if (defaultValue == null) {
            defaultValue = BigDecimal.ZERO;
        }
        if (defaultValue.signum() < 0) {
            throw new InvalidInputException("value.default must not be negative");
        }
        if (defaultValue.compareTo(MAX) >= 0) {
            throw new InvalidInputException("value.default must be below " + MAX.toPlainString());
        }
        defaultValue = defaultValue.setScale(2, RoundingMode.HALF_UP);
    }

    /** Value from the event, else this default, in the tenant's currency. */
    public static ActionValue fromEvent(BigDecimal defaultValue) {
        return new ActionValue(ValueSource.EVENT, defaultValue, null);
    }

    /**
     * The currency with this code; null or blank means the tenant's.
     *
     * @throws InvalidInputException naming {@code value.currency} for anything but a current ISO 4217 code
     */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return CurrencyCodes.current(code).orElseThrow(() -> new InvalidInputException("value.currency must be a "
                + "current ISO 4217 code such as EUR, or null for the tenant's currency, not " + Text.echo(code)));
    }
}
