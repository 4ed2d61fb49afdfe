package io.tracker.domain.campaign.cost;

import io.tracker.domain.campaign.Channels;
import io.tracker.domain.shared.CurrencyCodes;
import io.tracker.domain.shared.ExportCells;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the rows under a {@link CostHeader}.
 * <ul>
 *   <li>day: {@code 2026-03-01}, {@code 3/1/2026} (month first, as the platforms' US-English exports),
 *       {@code 2026/03/01}, {@code Mar 1, 2026} or {@code Sun, Mar 1, 2026}; not before 2000-01-01, not after
 *       tomorrow; Meta's {@code Reporting ends}, when present, must be the same day (export with a breakdown by
 *       day);</li>
 *   <li>campaign: required, at most 200 characters, kept as written (trimmed);</li>
 *   <li>cost, clicks, impressions: plain decimals with a point, thousands may be separated by commas
 *       ({@code 1,234.56}); cost not negative, at most 6 decimals, below 10<sup>12</sup>; clicks and impressions
 *       whole numbers, {@code --} or blank for none;</li>
 *   <li>currency: the row's currency column, else the cost column's bracketed code, else the reporting currency;
 *       any other currency than the reporting one is refused ("convert them first");</li>
 *   <li>channel: Google Ads {@code Paid Search}, or {@code Display} / {@code Video} when the campaign type says
 *       so (Shopping and Performance Max stay Paid Search: their clicks carry a gclid, which the channel
 *       classifier makes Paid Search); Microsoft Advertising {@code Paid Search}; Meta {@code Paid Social};
 *       plain the {@code channel} column, else null (resolved from touchpoints by the importer).</li>
 * </ul>
 * Lines that are not data are {@linkplain #isNote skipped}: blank lines, totals ({@code Total…} in the first
 * cell, or a cost without a campaign: Google's {@code --}, Meta's summary row) and one-cell notes
 * ({@code ©2026 Microsoft Corporation…}); the plain layout has none of these and reads every line.
 */
public final class CostRowReader {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final BigDecimal MAX_COST = new BigDecimal("1000000000000");
    private static final int MAX_TEXT = 200;

    private final CostHeader header;
    private final String reportingCurrency;
    private final LocalDate today;

    /**
     * @param reportingCurrency the tenant's reporting currency (ISO 4217)
     * @param today             today in the tenant's time zone (a day after tomorrow is refused)
     */
    public CostRowReader(CostHeader header, String reportingCurrency, LocalDate today) {
        this.header = header;
        this.reportingCurrency = reportingCurrency;
        this.today = today;
    }

    public CostHeader header() {
        return header;
    }

    /** Whether the line is a blank line, a total or a note of the export rather than a cost row (never for plain). */
    public boolean isNote(List<String> cells) {
        if (header.layout() == CostLayout.PLAIN) {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
        return ExportCells.isNote(cells, header.names().size(), header.campaign());
    }

    /**
     * The row's cost.
     *
     * @throws CostRowException naming the column (as the header names it) at fault
     */
    public CostRow read(List<String> cells) throws CostRowException {
        if (cells.size() != header.names().size()) {
            throw new CostRowException(null, "expected " + header.names().size() + " fields, found " + cells.size());
        }
        LocalDate day = day(cells, header.day());
        if (header.reportingEnds() >= 0 && cell(cells, header.reportingEnds()) != null
                && !day(cells, header.reportingEnds()).equals(day)) {
            throw new CostRowException(header.name(header.reportingEnds()), "the row covers " + day + " to "
                    + day(cells, header.reportingEnds()) + "; export the report with a breakdown by day");
        }
        String campaign = text(cells, header.campaign());
        if (campaign == null) {
            throw new CostRowException(header.name(header.campaign()), "is required: the campaign's name");
        }
        BigDecimal cost = cost(cells);
        String currency = currency(cells);
        Long clicks = count(cells, header.clicks());
        Long impressions = count(cells, header.impressions());
        return new CostRow(day, campaign, channel(cells), text(cells, header.sourceMedium()), cost, currency, clicks,
                impressions);
    }

    private String channel(List<String> cells) throws CostRowException {
        if (header.layout() == CostLayout.PLAIN) {
            return text(cells, header.channel());
        }
        if (header.layout() == CostLayout.GOOGLE_ADS) {
            String type = Optional.ofNullable(cell(cells, header.campaignType())).orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("display")) {
                return Channels.DISPLAY;
            }
            if (type.startsWith("video")) {
                return Channels.VIDEO;
            }
        }
        return header.layout().channel();
    }

    private LocalDate day(List<String> cells, int column) throws CostRowException {
        String text = cell(cells, column);
        String name = header.name(column);
        if (text == null) {
            throw new CostRowException(name, "is required: the day, as 2026-03-01");
        }
        LocalDate day = ExportCells.day(text).orElse(null);
        if (day == null) {
            throw new CostRowException(name, "'" + shown(text) + "' is not a day: write 2026-03-01 (or 3/1/2026, "
                    + "Mar 1, 2026)");
        }
        if (day.isBefore(EARLIEST) || day.isAfter(today.plusDays(1))) {
            throw new CostRowException(name, day + " is before " + EARLIEST + " or after tomorrow");
        }
        return day;
    }

    private BigDecimal cost(List<String> cells) throws CostRowException {
        String name = header.name(header.cost());
        String text = cell(cells, header.cost());
        if (text == null) {
            throw new CostRowException(name, "is required: the amount spent, as 1234.56");
        }
        BigDecimal cost = ExportCells.amount(text).orElseThrow(() -> new CostRowException(name, "'" + shown(text)
                + "' is not an amount: digits with a point, thousands optionally separated by commas (1,234.56), "
                + "not negative"));
        if (cost.scale() > 6) {
            throw new CostRowException(name, "has more than 6 decimals");
        }
        if (cost.compareTo(MAX_COST) >= 0) {
            throw new CostRowException(name, "must be below " + MAX_COST.toPlainString());
        }
        return cost;
    }

    private String currency(List<String> cells) throws CostRowException {
        String text = cell(cells, header.currency());
        String column = header.name(header.currency());
        if (text == null) {
            text = header.headerCurrency();
            column = header.name(header.cost());
        }
        if (text == null) {
            return reportingCurrency;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (CurrencyCodes.current(code).isEmpty()) {
            throw new CostRowException(column, "'" + shown(text) + "' is not a current ISO 4217 currency code");
        }
        if (!code.equals(reportingCurrency)) {
            throw new CostRowException(column, "costs in " + code + " cannot be used while the reporting currency is "
                    + reportingCurrency + "; convert them first");
        }
        return code;
    }

    private Long count(List<String> cells, int column) throws CostRowException {
        String text = cell(cells, column);
        if (text == null || text.equals("--")) {
            return null;
        }
        if (ExportCells.amount(text).isEmpty() || text.contains(".")) {
            throw new CostRowException(header.name(column), "'" + shown(text) + "' is not a whole number (1,234)");
        }
        String digits = text.replace(",", "");
        if (digits.length() > 15) {
            throw new CostRowException(header.name(column), "is too large");
        }
        return Long.parseLong(digits);
    }

    private String text(List<String> cells, int column) throws CostRowException {
        String t = cell(cells, column);
        if (t == null) {
            return null;
        }
        if (t.length() > MAX_TEXT) {
            throw new CostRowException(header.name(column), "is longer than " + MAX_TEXT + " characters");
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new CostRowException(header.name(column), "contains control characters");
        }
        return t;
    }

    private static String cell(List<String> cells, int column) {
        return ExportCells.cell(cells, column);
    }

    private static String shown(String t) {
        return ExportCells.shown(t);
    }
}
