package io.tracker.application.reporting;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * How Tracker writes figures for people, on the pages and in the PDF summary alike: always in the en-US format,
 * whatever the reader's language, so that a figure reads the same for every user of a tenant and can be parsed back
 * by tests and by people pasting into spreadsheets. Grouping is {@code ,} every three digits, the decimal mark is
 * {@code .}; rounding is half-even (as in {@link java.math.RoundingMode#HALF_EVEN}).
 */
public final class NumberFormats {

    /** The one locale figures are written in. */
    public static final Locale LOCALE = Locale.US;

    private NumberFormats() {
    }

    /** A count: {@code 12345} → {@code "12,345"}. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(LOCALE).format(value);
    }

    /** Two decimals, grouped: {@code 1234.5} → {@code "1,234.50"} (credited conversions are fractional). */
    public static String decimal(double value) {
        return pattern("#,##0.00").format(value);
    }

    /**
     * Credited conversions: whole ones as counts, fractional ones (multi-touch models) with two decimals:
     * {@code 170} → {@code "170"}, {@code 1234.5} → {@code "1,234.50"}, {@code 1.0/3} → {@code "0.33"}.
     */
    public static String credits(double value) {
        double whole = Math.rint(value);
        return Math.abs(value - whole) < 1e-9 ? count((long) whole) : decimal(value);
    }

    /** A fraction as a percentage with two decimals: {@code 0.079407} → {@code "7.94%"}. */
    public static String percent(double fraction) {
        return pattern("#,##0.00").format(fraction * 100) + "%";
    }

    /**
     * A change against an earlier period, a fraction, with one decimal and an arrow: {@code 0.5} → {@code "▲ 50.0%"},
     * {@code -0.25} → {@code "▼ 25.0%"}, {@code 0} → {@code "= 0.0%"}; null (not computable: nothing before) →
     * {@code "—"}.
     */
    public static String change(Double fraction) {
        if (fraction == null) {
            return "—";
        }
        String arrow = fraction > 0 ? "▲ " : fraction < 0 ? "▼ " : "= ";
        return arrow + pattern("#,##0.0").format(Math.abs(fraction) * 100) + "%";
    }

    /**
     * An amount in an ISO 4217 currency, with the en-US symbol and the currency's own number of decimals:
     * {@code (74077.11, "EUR")} → {@code "€74,077.11"}, {@code (5, "USD")} → {@code "$5.00"}, {@code (1200, "JPY")}
     * → {@code "¥1,200"}, {@code (10, "CHF")} → {@code "CHF10.00"}.
     */
    public static String money(double value, String currencyCode) {
        NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(Currency.getInstance(currencyCode));
        int digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(LOCALE));
    }
}
