package io.tracker.interfaces.reporting.web;

import io.tracker.domain.attribution.AttributionModel;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** One channel's credited conversions under each attribution model, side by side. */
public final class ModelComparisonLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final EnumMap<AttributionModel, Double> conversions;

    ModelComparisonLine(String channel, Map<AttributionModel, Double> conversions) {
        this.channel = channel;
        this.conversions = new EnumMap<>(AttributionModel.class);
        this.conversions.putAll(conversions);
    }

    public String getChannel() {
        return channel;
    }

    /** Conversions credited to this channel by the model; 0 when the model credits it nothing. */
    public double conversions(AttributionModel model) {
        return conversions.getOrDefault(model, 0.0);
    }
}
