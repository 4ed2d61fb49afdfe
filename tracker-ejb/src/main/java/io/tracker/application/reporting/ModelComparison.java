package io.tracker.application.reporting;

import io.tracker.domain.attribution.AttributionModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every attribution model side by side over the same conversions: per dimension value, each model's
 * credited conversions and revenue and its difference from {@link AttributionModel#LAST_TOUCH} (the
 * default model, the one marketers compare against). A model that credits a value nothing has
 * {@link Figures#NONE} for it; data-driven models have figures only after a data-driven run.
 *
 * @param rows   one per dimension value any model credits; most last-touch conversions first, then by
 *               key (so the order does not depend on which model is selected elsewhere)
 * @param totals per model, the sum of its rows
 */
public record ModelComparison(ReportPeriod period, ReportDimension dimension, List<Row> rows,
                              Map<AttributionModel, Figures> totals) {

    /**
     * One dimension value under every model.
     *
     * @param byModel figures per model, every model present
     */
    public record Row(String key, String name, Map<AttributionModel, Figures> byModel) {

        public Figures of(AttributionModel model) {
            return byModel.getOrDefault(model, Figures.NONE);
        }

        /** The model's figures minus last touch's for this value. */
        public Figures differenceFromLastTouch(AttributionModel model) {
            return of(model).minus(of(AttributionModel.LAST_TOUCH));
        }
    }

    /** The difference of the model's totals from last touch's (0 for conversions: every model splits the same ones). */
    public Figures totalDifferenceFromLastTouch(AttributionModel model) {
        return totals.getOrDefault(model, Figures.NONE).minus(totals.getOrDefault(AttributionModel.LAST_TOUCH, Figures.NONE));
    }

    /** Builds the comparison from one report per model (each model's rows keyed by dimension value). */
    static ModelComparison of(ReportPeriod period, ReportDimension dimension, Map<AttributionModel, AttributionReport> reports) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<AttributionModel, Figures>> byKey = new LinkedHashMap<>();
        Map<AttributionModel, Figures> totals = new EnumMap<>(AttributionModel.class);
        for (AttributionModel model : AttributionModel.values()) {
            AttributionReport report = reports.get(model);
            totals.put(model, report == null ? Figures.NONE : new Figures(report.totalConversions(), report.totalRevenue()));
            if (report == null) {
                continue;
            }
            for (AttributionRow row : report.rows()) {
                names.putIfAbsent(row.key(), row.name());
                byKey.computeIfAbsent(row.key(), k -> new EnumMap<>(AttributionModel.class))
                        .put(model, new Figures(row.conversions(), row.revenue()));
            }
        }
        List<Row> rows = new ArrayList<>();
        byKey.forEach((key, figures) -> {
            Map<AttributionModel, Figures> all = new EnumMap<>(AttributionModel.class);
            for (AttributionModel model : AttributionModel.values()) {
                all.put(model, figures.getOrDefault(model, Figures.NONE));
            }
            rows.add(new Row(key, names.get(key), all));
        });
        rows.sort(Comparator.comparingDouble((Row r) -> -r.of(AttributionModel.LAST_TOUCH).conversions())
                .thenComparing(Row::key));
        return new ModelComparison(period, dimension, List.copyOf(rows), totals);
    }
}
