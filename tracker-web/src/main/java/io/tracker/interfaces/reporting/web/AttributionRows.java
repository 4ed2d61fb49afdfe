package io.tracker.interfaces.reporting.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The attribution table's rows for PrimeFaces' lazy {@code DataTable}: the page asks for one page at a time,
 * sorted and filtered here. A report has at most a few thousand rows (it is read from the daily roll-up), so
 * they are held with the view and never read again for a page, a sort or a filter.
 */
public final class AttributionRows extends LazyDataModel<AttributionLine> {

    private static final long serialVersionUID = 1L;

    private final List<AttributionLine> lines;

    AttributionRows(List<AttributionLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Every line, in the report's order (most credited first). */
    public List<AttributionLine> all() {
        return lines;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) lines.stream().filter(matching(filterBy)).count();
    }

    @Override
    public List<AttributionLine> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
        var stream = lines.stream().filter(matching(filterBy));
        Comparator<AttributionLine> order = order(sortBy);
        if (order != null) {
            stream = stream.sorted(order);
        }
        return stream.skip(first).limit(pageSize).toList();
    }

    @Override
    public String getRowKey(AttributionLine line) {
        return line.getKey();
    }

    @Override
    public AttributionLine getRowData(String rowKey) {
        return lines.stream().filter(l -> l.getKey().equals(rowKey)).findFirst().orElse(null);
    }

    /** Lines whose name contains every filter's text, case-insensitive (the table filters by name only). */
    private static Predicate<AttributionLine> matching(Map<String, FilterMeta> filterBy) {
        Predicate<AttributionLine> all = l -> true;
        if (filterBy == null) {
            return all;
        }
        for (FilterMeta f : filterBy.values()) {
            Object value = f.getFilterValue();
            if (value != null && !value.toString().isBlank()) {
                String wanted = value.toString().strip().toLowerCase(Locale.ROOT);
                all = all.and(l -> l.getName().toLowerCase(Locale.ROOT).contains(wanted));
            }
        }
        return all;
    }

    private static Comparator<AttributionLine> order(Map<String, SortMeta> sortBy) {
        Comparator<AttributionLine> order = null;
        if (sortBy == null) {
            return null;
        }
        for (SortMeta s : sortBy.values()) {
            if (s.getOrder() == null || s.getOrder() == SortOrder.UNSORTED) {
                continue;
            }
            Comparator<AttributionLine> by = switch (s.getField()) {
                case "conversions" -> Comparator.comparingDouble(AttributionLine::getConversions);
                case "revenue" -> Comparator.comparingDouble(AttributionLine::getRevenue);
                case "share" -> Comparator.comparingDouble(AttributionLine::getShare);
                default -> Comparator.comparing(AttributionLine::getName, String.CASE_INSENSITIVE_ORDER);
            };
            if (s.getOrder() == SortOrder.DESCENDING) {
                by = by.reversed();
            }
            order = order == null ? by : order.thenComparing(by);
        }
        return order;
    }
}
