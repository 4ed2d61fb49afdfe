package io.tracker.interfaces.attribution.web;

import io.tracker.domain.attribution.ChannelComparison;
import io.tracker.domain.attribution.ChannelTotal;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** One channel of a path analysis on the page: each model's conversions and value, and the Markov removal effect. */
public final class PathChannelLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final double removalEffect;
    private final HashMap<String, double[]> byModel = new HashMap<>();

    PathChannelLine(ChannelComparison c) {
        channel = c.channel();
        removalEffect = c.removalEffect();
        Map<String, ChannelTotal> models = Map.of("first_touch", c.firstTouch(), "last_touch", c.lastTouch(),
                "linear", c.linear(), "position_based", c.positionBased(), "markov", c.markov(), "shapley", c.shapley());
        models.forEach((m, t) -> byModel.put(m, new double[] {t.conversions(), t.value()}));
    }

    public String getChannel() {
        return channel;
    }

    /** RE(c), in [0, 1]. */
    public double getRemovalEffect() {
        return removalEffect;
    }

    /** Conversions the model (API name, such as {@code markov}) credits to the channel. */
    public double conversions(String model) {
        return byModel.getOrDefault(model, new double[2])[0];
    }

    /** Value the model credits to the channel. */
    public double value(String model) {
        return byModel.getOrDefault(model, new double[2])[1];
    }
}
