package io.tracker.domain.audit;

import io.tracker.domain.shared.CurrencyCodes;
import io.tracker.domain.shared.ExportCells;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rows under a {@link PlatformHeader}: day as {@link ExportCells#day} reads it (not before 2000, not after
 * tomorrow); campaign required, at most 200 characters; conversions and value amounts with a point ({@code 1,234.5},
 * fractions allowed, at most 6 decimals; {@code --} or blank: 0 conversions, no value); currency the row's column,
 * else the value header's brackets, else the reporting currency. Title, total and note lines are
 * {@linkplain #isNote skipped}.
 */
public final class PlatformRowReader {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final int MAX_TEXT = 200;

    private final PlatformHeader header;
    private final String reportingCurrency;
    private final LocalDate today;

    /** @param today today in the tenant's time zone (a day after tomorrow is refused) */
    public PlatformRowReader(PlatformHeader header, String reportingCurrency, LocalDate today) {
        this.header = header;
        this.reportingCurrency = reportingCurrency;
        this.today = today;
    }

    public PlatformHeader header() {
        return header;
    }

    /** Whether the line is a blank line, a total or a note rather than a data row. */
    public boolean isNote(List<String> cells) {
        return ExportCells.isNote(cells, header.names().size(), header.campaign());
    }

    /** The row. @throws RowException naming the column at fault */
    public PlatformRow read(List<String> cells) throws RowException {
        if (cells.size() != header.names().size()) {
            throw new RowException(null, "expected " + header.names().size() + " fields, found " + cells.size());
        }
        LocalDate day = day(cells, header.day());
        if (header.reportingEnds() >= 0 && ExportCells.cell(cells, header.reportingEnds()) != null
                && !day(cells, header.reportingEnds()).equals(day)) {
            throw new RowException(header.name(header.reportingEnds()), "the row covers more than one day; export "
                    + "the report with a breakdown by day");
        }
        String campaign = ExportCells.cell(cells, header.campaign());
        if (campaign == null) {
            throw new RowException(header.name(header.campaign()), "is required: the campaign's name");
        }
        if (campaign.length() > MAX_TEXT || campaign.chars().anyMatch(Character::isISOControl)) {
            throw new RowException(header.name(header.campaign()), "must be at most " + MAX_TEXT
                    + " characters without control characters");
        }
        BigDecimal conversions = amount(cells, header.conversions());
        BigDecimal value = amount(cells, header.value());
        return new PlatformRow(header.layout().platform(), day, campaign,
                conversions == null ? BigDecimal.ZERO : conversions, value, currency(cells), header.basis());
    }

    private LocalDate day(List<String> cells, int column) throws RowException {
        String text = ExportCells.cell(cells, column);
        String name = header.name(column);
        if (text == null) {
            throw new RowException(name, "is required: the day, as 2026-03-01");
        }
        LocalDate day = ExportCells.day(text).orElseThrow(() -> new RowException(name, "'" + ExportCells.shown(text)
                + "' is not a day: write 2026-03-01 (or 3/1/2026, Mar 1, 2026)"));
        if (day.isBefore(EARLIEST) || day.isAfter(today.plusDays(1))) {
            throw new RowException(name, day + " is before " + EARLIEST + " or after tomorrow");
        }
        return day;
    }

    private BigDecimal amount(List<String> cells, int column) throws RowException {
        String text = ExportCells.cell(cells, column);
        if (text == null || text.equals("--")) {
            return null;
        }
        BigDecimal n = ExportCells.amount(text).orElseThrow(() -> new RowException(header.name(column), "'"
                + ExportCells.shown(text) + "' is not a number: digits with a point (1,234.5), not negative"));
        if (n.scale() > 6 || n.compareTo(PlatformRow.LIMIT) >= 0) {
            throw new RowException(header.name(column), "must have at most 6 decimals and be below 10^12");
        }
        return n;
    }

    private String currency(List<String> cells) throws RowException {
        String text = ExportCells.cell(cells, header.currency());
        if (text == null) {
            return header.headerCurrency() != null ? header.headerCurrency() : reportingCurrency;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (CurrencyCodes.current(code).isEmpty()) {
            throw new RowException(header.name(header.currency()), "'" + ExportCells.shown(text)
                    + "' is not a current ISO 4217 currency code");
        }
        return code;
    }
}
