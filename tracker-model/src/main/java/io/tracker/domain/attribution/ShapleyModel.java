package io.tracker.domain.attribution;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** TODO(#8, paths helper): the Shapley data-driven model; see the issue for its definition. */
public final class ShapleyModel implements ChannelShares {

    private ShapleyModel() {
    }

    /** Fits the model on path data, converting and not. */
    public static ShapleyModel fit(Collection<PathCount> paths) {
        throw new UnsupportedOperationException("not yet built");
    }

    @Override
    public Map<String, Double> sharesOf(List<String> path) {
        throw new UnsupportedOperationException("not yet built");
    }
}
