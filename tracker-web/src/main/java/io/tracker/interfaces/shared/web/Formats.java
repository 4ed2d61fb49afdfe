package io.tracker.interfaces.shared.web;

import io.tracker.application.reporting.NumberFormats;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write numbers, as the PDF summary does ({@link NumberFormats}): always in the en-US
 * format, whatever the browser's language, so that a figure reads the same for every user of a
 * tenant and can be parsed back by tests and by people pasting into spreadsheets. Grouping is {@code ,} every three digits, the decimal mark is
 * {@code .}; rounding is half-even (as in {@link java.math.RoundingMode#HALF_EVEN}).
 *
 * <p>Exposed to Facelets as EL functions of the {@code t:} tag library
 * ({@code #{t:money(value, currency)}} …), see {@code WEB-INF/tracker.taglib.xml}.
 */
public final class Formats {

    /** The one locale figures are written in. */
    public static final Locale LOCALE = NumberFormats.LOCALE;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", LOCALE);

    private Formats() {
    }

    /** A count: {@code 12345} → {@code "12,345"}. */
    public static String count(long value) {
        return NumberFormats.count(value);
    }

    /** Two decimals, grouped: {@code 1234.5} → {@code "1,234.50"} (credited conversions are fractional). */
    public static String decimal(double value) {
        return NumberFormats.decimal(value);
    }

    /**
     * Credited conversions: whole ones as counts, fractional ones (multi-touch models) with two decimals:
     * {@code 170} → {@code "170"}, {@code 1234.5} → {@code "1,234.50"}, {@code 1.0/3} → {@code "0.33"}.
     */
    public static String credits(double value) {
        return NumberFormats.credits(value);
    }

    /** A fraction as a percentage with two decimals: {@code 0.079407} → {@code "7.94%"}. */
    public static String percent(double fraction) {
        return NumberFormats.percent(fraction);
    }

    /**
     * A change against an earlier period, a fraction (see {@code PortfolioFigures.change}), with one
     * decimal and an arrow: {@code 0.5} → {@code "▲ 50.0%"}, {@code -0.25} → {@code "▼ 25.0%"},
     * {@code 0} → {@code "= 0.0%"}; null (not computable: nothing before) → {@code "—"}.
     */
    public static String change(Double fraction) {
        return NumberFormats.change(fraction);
    }

    /**
     * An amount in an ISO 4217 currency, with the en-US symbol and the currency's own number of
     * decimals: {@code (74077.11, "EUR")} → {@code "€74,077.11"}, {@code (5, "USD")} → {@code "$5.00"},
     * {@code (1200, "JPY")} → {@code "¥1,200"}, {@code (10, "CHF")} → {@code "CHF10.00"}.
     */
    public static String money(double value, String currencyCode) {
        return NumberFormats.money(value, currencyCode);
    }

    /**
     * A moment as the tenant's clock showed it, to the second, with the zone's abbreviation:
     * {@code (2025-03-10T14:05:09Z, Europe/Berlin)} → {@code "2025-03-10 15:05:09 CET"}; null → {@code "—"}.
     */
    public static String timestamp(Instant instant, ZoneId zone) {
        return instant == null ? "—" : TIMESTAMP.format(instant.atZone(zone));
    }

    /** The day of a moment in the tenant's time zone: {@code "2025-03-10"}; null → {@code "—"}. */
    public static String day(Instant instant, ZoneId zone) {
        return instant == null ? "—" : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(zone));
    }
}
