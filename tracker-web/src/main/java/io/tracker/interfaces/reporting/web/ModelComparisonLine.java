package io.tracker.interfaces.reporting.web;

import io.tracker.domain.attribution.AttributionModel;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** One line's credited conversions and revenue under each attribution model, side by side. */
public final class ModelComparisonLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final EnumMap<AttributionModel, Double> conversions = new EnumMap<>(AttributionModel.class);
    private final EnumMap<AttributionModel, Double> revenue = new EnumMap<>(AttributionModel.class);

    ModelComparisonLine(String name, Map<AttributionModel, Double> conversions, Map<AttributionModel, Double> revenue) {
        this.name = name;
        this.conversions.putAll(conversions);
        this.revenue.putAll(revenue);
    }

    /** The channel, campaign, "source / medium" or action the line is about. */
    public String getName() {
        return name;
    }

    /** Conversions credited to this line by the model; 0 when the model credits it nothing. */
    public double conversions(AttributionModel model) {
        return conversions.getOrDefault(model, 0.0);
    }

    /** Revenue credited to this line by the model, in the tenant's currency; 0 when none. */
    public double revenue(AttributionModel model) {
        return revenue.getOrDefault(model, 0.0);
    }

    /**
     * What the comparison table shows for a model: its conversions or revenue ({@code revenue}), or (with
     * {@code difference}) that figure minus last touch's, positive where the model credits the line more.
     */
    public double figure(AttributionModel model, boolean ofRevenue, boolean difference) {
        double value = ofRevenue ? revenue(model) : conversions(model);
        if (!difference) {
            return value;
        }
        return value - (ofRevenue ? revenue(AttributionModel.LAST_TOUCH) : conversions(AttributionModel.LAST_TOUCH));
    }
}
