package io.tracker.domain.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the cells of the platforms' and shops' CSV exports read, shared by the imports that take them (cost,
 * platform-reported conversions, store orders): days as the exports write them, amounts with a decimal point and
 * optional thousands commas, and the lines that are not data (blank lines, totals, notes).
 */
public final class ExportCells {

    /** Digits with a point, thousands optionally separated by commas ({@code 1,234.56}); no sign. */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, MMM d, uuuu", Locale.ENGLISH));

    private ExportCells() {
    }

    /** The trimmed cell, null when absent or blank. */
    public static String cell(List<String> cells, int column) {
        if (column < 0 || column >= cells.size() || cells.get(column) == null || cells.get(column).isBlank()) {
            return null;
        }
        return cells.get(column).strip();
    }

    /**
     * A day as the exports write it: {@code 2026-03-01}, {@code 3/1/2026} (month first, as the platforms' US-English
     * exports), {@code 2026/03/01}, {@code Mar 1, 2026} or {@code Sun, Mar 1, 2026}; empty when it is none of these.
     */
    public static Optional<LocalDate> day(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, f));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** A non-negative amount ({@code 1,234.56}); empty when the text is not one. */
    public static Optional<BigDecimal> amount(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.replace(",", "")));
    }

    /**
     * Whether a line under a platform export's header is a blank line, a total ({@code Total…} in the first cell, or
     * no campaign: Google's {@code --}, Meta's summary row) or a one-cell note ({@code ©2026 Microsoft Corporation…})
     * rather than a data row.
     *
     * @param headerSize how many columns the header names
     * @param campaign   where the campaign column is
     */
    public static boolean isNote(List<String> cells, int headerSize, int campaign) {
        long filled = cells.stream().filter(c -> c != null && !c.isBlank()).count();
        if (filled == 0) {
            return true;
        }
        if (filled == 1 && cells.size() < headerSize) {
            return true;
        }
        String first = cells.get(0) == null ? "" : cells.get(0).strip().toLowerCase(Locale.ROOT);
        if (first.startsWith("total")) {
            return true;
        }
        String name = cell(cells, campaign);
        return name == null || name.equals("--");
    }

    /** At most 40 characters of a cell, for messages. */
    public static String shown(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
