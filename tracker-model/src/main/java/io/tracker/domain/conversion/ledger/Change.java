package io.tracker.domain.conversion.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What an adjustment asks for, before it meets its conversion.
 * <ul>
 *   <li>{@link Restate}: the conversion is now worth {@code value} (≥ 0, in the conversion's currency);</li>
 *   <li>{@link Retract}: the conversion no longer counts;</li>
 *   <li>{@link Refund}: {@code amount} of the order was refunded (Segment's {@code Order Refunded}): the value
 *       less the amount when the amount is smaller than the value, else (no amount, or all of it) a retraction.</li>
 * </ul>
 * Amounts are kept with two decimal places (the ledger's {@code numeric(18, 2)}), rounded half-even.
 */
public sealed interface Change {

    /** The largest value or amount accepted: the event API's bound (below 10^12). */
    BigDecimal MAX_VALUE = new BigDecimal("1000000000000");

    /** The kind and the conversion's value after this change, applied to a conversion now worth {@code current}. */
    Resolved resolve(BigDecimal current);

    /** The part of the ledger's de-duplication key that this change contributes (kind and amount). */
    String key();

    /** The new value. */
    record Restate(BigDecimal value) implements Change {
        public Restate {
            value = checked(value);
        }

        @Override
        public Resolved resolve(BigDecimal current) {
            return new Resolved(AdjustmentKind.RESTATE, value);
        }

        @Override
        public String key() {
            return "RESTATE:" + value.toPlainString();
        }
    }

    /** Out altogether. */
    record Retract() implements Change {
        @Override
        public Resolved resolve(BigDecimal current) {
            return new Resolved(AdjustmentKind.RETRACT, BigDecimal.ZERO.setScale(2));
        }

        @Override
        public String key() {
            return "RETRACT";
        }
    }

    /** A refund of {@code amount} (&gt; 0), or of everything when {@code amount} is null. */
    record Refund(BigDecimal amount) implements Change {
        public Refund {
            if (amount != null) {
                amount = checked(amount);
                if (amount.signum() == 0) {
                    throw new IllegalArgumentException("a refund of 0 changes nothing");
                }
            }
        }

        @Override
        public Resolved resolve(BigDecimal current) {
            if (amount == null || amount.compareTo(current) >= 0) {
                return new Resolved(AdjustmentKind.RETRACT, BigDecimal.ZERO.setScale(2));
            }
            return new Resolved(AdjustmentKind.RESTATE, current.subtract(amount).setScale(2, RoundingMode.HALF_EVEN));
        }

        @Override
        public String key() {
            // A refund is keyed by what was sent, not by what it came to: sent again, it must be a duplicate
            // even though the value it would now subtract from has changed.
            return "REFUND:" + (amount == null ? "ALL" : amount.toPlainString());
        }
    }

    /** What a change comes to against a value: the kind stored and the value after it (0 for a retraction). */
    record Resolved(AdjustmentKind kind, BigDecimal valueAfter) {
        public Resolved {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(valueAfter);
        }
    }

    private static BigDecimal checked(BigDecimal v) {
        Objects.requireNonNull(v, "an amount is required");
        if (v.signum() < 0) {
            throw new IllegalArgumentException("an amount cannot be negative");
        }
        if (v.compareTo(MAX_VALUE) >= 0) {
            throw new IllegalArgumentException("an amount must be below 10^12");
        }
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
