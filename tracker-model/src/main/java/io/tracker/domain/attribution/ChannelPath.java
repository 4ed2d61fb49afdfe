package io.tracker.domain.attribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The channels of a conversion's journey, one per touch, oldest first: the touches attribution split the
 * conversion's credit over (those within its action's lookback windows, from its journey start), as
 * {@code Paid Search, Paid Search, Email}.
 *
 * @param channels one channel per touch, oldest first; at least one
 */
public record ChannelPath(List<String> channels) implements Serializable {

    /** What {@link #label()} puts between two steps. */
    public static final String ARROW = " \u2192 ";

    public ChannelPath {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one touch");
        }
    }

    /** The number of touches. */
    public int length() {
        return channels.size();
    }

    /**
     * The path as marketers read it (as Google Analytics shows conversion paths): touches in a row on the same
     * channel as one step with their count, {@code Paid Search ×2 → Email}.
     */
    public String label() {
        List<String> steps = new ArrayList<>();
        int i = 0;
        while (i < channels.size()) {
            String channel = channels.get(i);
            int run = 1;
            while (i + run < channels.size() && Objects.equals(channels.get(i + run), channel)) {
                run++;
            }
            steps.add(run == 1 ? channel : channel + " \u00d7" + run);
            i += run;
        }
        return String.join(ARROW, steps);
    }
}
