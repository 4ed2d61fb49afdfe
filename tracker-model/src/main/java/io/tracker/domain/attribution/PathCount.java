package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Journeys that followed one path, aggregated as path data is exchanged (ChannelAttribution's
 * {@code path;total_conversions;total_conversion_value;total_null}).
 *
 * @param channels    the path's channels, oldest first, repeats kept; non-empty
 * @param conversions how many journeys with this path converted (≥ 0)
 * @param value       their total conversion value (≥ 0)
 * @param nulls       how many journeys with this path did not convert (≥ 0)
 */
public record PathCount(List<String> channels, long conversions, BigDecimal value, long nulls) {

    public PathCount {
        channels = List.copyOf(channels);
        Objects.requireNonNull(value);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one channel");
        }
        if (conversions < 0 || nulls < 0 || value.signum() < 0) {
            throw new IllegalArgumentException("conversions, value and nulls must not be negative");
        }
    }
}
