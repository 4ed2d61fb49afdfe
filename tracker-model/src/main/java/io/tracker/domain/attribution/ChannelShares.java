package io.tracker.domain.attribution;

import java.util.List;
import java.util.Map;

/** A fitted data-driven model, as one conversion sees it: the share of the conversion each channel of its path gets. */
public interface ChannelShares {

    /**
     * @param path the channels of one journey, oldest first, repeats kept (non-empty)
     * @return a share for each distinct channel of the path, each in [0, 1], adding up to 1
     */
    Map<String, Double> sharesOf(List<String> path);
}
