package io.tracker.domain.audit;

import io.tracker.domain.shared.CurrencyCodes;
import io.tracker.domain.shared.ExportCells;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the rows under an {@link OrderHeader}.
 * <ul>
 *   <li>order id: required, at most 200 characters, kept as written (trimmed);</li>
 *   <li>time: an instant with an offset ({@code 2026-03-01T10:00:00Z}, {@code 2026-03-01T10:00:00+01:00}, Shopify's
 *       {@code 2026-03-01 10:00:00 +0100}), or a local time ({@code 2026-03-01 10:00[:00]}, {@code T} or blank
 *       between) read in the tenant's time zone; not before 2000, not more than a day ahead;</li>
 *   <li>value: the order total, an amount with a point ({@code 1,234.56}); blank is 0 for an order that is not
 *       paid, required for a paid one;</li>
 *   <li>currency: an ISO 4217 code, blank for the reporting currency;</li>
 *   <li>status: see {@link OrderStatus}; a Shopify order is TEST when its {@code Test} column is true/yes or one of
 *       its {@code Tags} is {@code test}, CANCELLED when {@code Cancelled at} is filled; a plain row without status
 *       is PAID.</li>
 * </ul>
 */
public final class OrderRowReader {

    private static final int MAX_ID = 200;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final DateTimeFormatter SHOPIFY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss] xx",
            Locale.ROOT);
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]", Locale.ROOT));

    private final OrderHeader header;
    private final String reportingCurrency;
    private final ZoneId zone;
    private final Instant latest;

    /**
     * @param zone the tenant's time zone, for local times
     * @param now  the current instant (an order more than a day after it is refused)
     */
    public OrderRowReader(OrderHeader header, String reportingCurrency, ZoneId zone, Instant now) {
        this.header = header;
        this.reportingCurrency = reportingCurrency;
        this.zone = zone;
        this.latest = now.plusSeconds(86_400);
    }

    public OrderHeader header() {
        return header;
    }

    /** The row's order id, null when blank (a line-item row of an order read already has the same one). */
    public String orderId(List<String> cells) {
        return ExportCells.cell(cells, header.orderId());
    }

    /** Whether the line is blank. */
    public boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** The row's order. @throws RowException naming the column at fault */
    public StoreOrder read(List<String> cells) throws RowException {
        if (cells.size() != header.names().size()) {
            throw new RowException(null, "expected " + header.names().size() + " fields, found " + cells.size());
        }
        String id = orderId(cells);
        if (id == null) {
            throw new RowException(header.name(header.orderId()), "is required: the order's id");
        }
        if (id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw new RowException(header.name(header.orderId()), "must be at most " + MAX_ID
                    + " characters without control characters");
        }
        OrderStatus status = status(cells);
        String sourceStatus = ExportCells.cell(cells, header.status());
        return new StoreOrder(id, time(cells), value(cells, status), currency(cells), status,
                sourceStatus == null ? status.name().toLowerCase(Locale.ROOT) : sourceStatus);
    }

    private OrderStatus status(List<String> cells) throws RowException {
        if (header.layout() == OrderLayout.SHOPIFY) {
            String test = ExportCells.cell(cells, header.test());
            String tags = ExportCells.cell(cells, header.tags());
            if (test != null && List.of("true", "yes", "1").contains(test.toLowerCase(Locale.ROOT))
                    || tags != null && Arrays.stream(tags.split(",")).anyMatch(t -> t.strip().equalsIgnoreCase("test"))) {
                return OrderStatus.TEST;
            }
            if (ExportCells.cell(cells, header.cancelledAt()) != null) {
                return OrderStatus.CANCELLED;
            }
        }
        String word = ExportCells.cell(cells, header.status());
        if (word == null) {
            if (header.layout() == OrderLayout.PLAIN) {
                return OrderStatus.PAID;
            }
            throw new RowException(header.name(header.status()), "is required: the order's status");
        }
        return OrderStatus.of(word).orElseThrow(() -> new RowException(header.name(header.status()), "'"
                + ExportCells.shown(word) + "' is not a known order status (paid, pending, cancelled, refunded, "
                + "test, or the shop's own words such as wc-completed)"));
    }

    private Instant time(List<String> cells) throws RowException {
        int column = header.time();
        String text = ExportCells.cell(cells, column);
        if (text == null && header.fallbackTime() >= 0) {
            column = header.fallbackTime();
            text = ExportCells.cell(cells, column);
        }
        String name = header.name(column);
        if (text == null) {
            throw new RowException(name, "is required: when the order was placed, as 2026-03-01T10:00:00Z");
        }
        Instant at = instant(text);
        if (at == null) {
            throw new RowException(name, "'" + ExportCells.shown(text) + "' is not a time: write "
                    + "2026-03-01T10:00:00Z, 2026-03-01 10:00:00 +0100, or 2026-03-01 10:00 in " + zone.getId());
        }
        if (at.isBefore(EARLIEST) || at.isAfter(latest)) {
            throw new RowException(name, "is before 2000 or more than a day ahead");
        }
        return at;
    }

    private Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        try {
            return OffsetDateTime.parse(text, SHOPIFY_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // not Shopify's form
        }
        for (DateTimeFormatter f : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(text, f).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return ExportCells.day(text).map(d -> d.atStartOfDay(zone).toInstant()).orElse(null);
    }

    private BigDecimal value(List<String> cells, OrderStatus status) throws RowException {
        String name = header.name(header.value());
        String text = ExportCells.cell(cells, header.value());
        if (text == null) {
            if (status.sale()) {
                throw new RowException(name, "is required for a paid order: its total, as 59.90");
            }
            return BigDecimal.ZERO;
        }
        BigDecimal value = ExportCells.amount(text).orElseThrow(() -> new RowException(name, "'"
                + ExportCells.shown(text) + "' is not an amount: digits with a point (1,234.56), not negative"));
        if (value.scale() > 2 || value.compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw new RowException(name, "must have at most 2 decimals and be below 10^12");
        }
        return value;
    }

    private String currency(List<String> cells) throws RowException {
        String text = ExportCells.cell(cells, header.currency());
        if (text == null) {
            return reportingCurrency;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (CurrencyCodes.current(code).isEmpty()) {
            throw new RowException(header.name(header.currency()), "'" + ExportCells.shown(text)
                    + "' is not a current ISO 4217 currency code");
        }
        return code;
    }
}
