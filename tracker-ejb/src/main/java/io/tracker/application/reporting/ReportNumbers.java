package io.tracker.application.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How report figures are written wherever a report leaves Tracker (report JSON, CSV export): credited
 * conversions with {@value #CONVERSION_DECIMALS} decimals, revenue in cents, as plain decimals.
 */
public final class ReportNumbers {

    /** Decimals of credited conversions (fractional under multi-touch models). */
    public static final int CONVERSION_DECIMALS = 6;
    /** Decimals of revenue: cents. */
    public static final int REVENUE_DECIMALS = 2;

    private ReportNumbers() {
    }

    /**
     * The value rounded half-even to at most {@code places} decimals, without trailing zeros and never
     * in exponent form: 30.00 is {@code 30}, not {@code 3E+1} (which {@code stripTrailingZeros} makes of it
     * and JSON-P and {@code BigDecimal.toString} would print).
     */
    public static BigDecimal plain(double value, int places) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** Credited conversions as written: {@link #plain} with {@value #CONVERSION_DECIMALS} decimals. */
    public static BigDecimal conversions(double value) {
        return plain(value, CONVERSION_DECIMALS);
    }

    /** Revenue as written: {@link #plain} in cents. */
    public static BigDecimal revenue(double value) {
        return plain(value, REVENUE_DECIMALS);
    }
}
