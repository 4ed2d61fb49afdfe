package io.tracker.application.reporting;

import io.tracker.domain.attribution.ChannelPath;
import io.tracker.domain.attribution.PathHistogram;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The conversion path report of a period ({@link ConversionPathService}).
 *
 * @param conversions the conversions with a path in the period (counted, with at least one touch in their
 *                    lookback windows)
 * @param paths       the most frequent paths, most conversions first, then most revenue, then by path
 * @param timeLag     conversions per {@link PathHistogram#TIME_LAG} bucket (whole days from the first touch)
 * @param pathLength  conversions per {@link PathHistogram#PATH_LENGTH} bucket (touches)
 */
public record ConversionPaths(long conversions, List<Row> paths,
                              List<PathHistogram.Bucket> timeLag, List<PathHistogram.Bucket> pathLength)
        implements Serializable {

    public ConversionPaths {
        paths = List.copyOf(paths);
        timeLag = List.copyOf(timeLag);
        pathLength = List.copyOf(pathLength);
    }

    /**
     * One path with its conversions.
     *
     * @param path        the channels, one per touch, oldest first
     * @param conversions conversions with exactly this path
     * @param share       conversions ÷ all conversions with a path in the period
     * @param revenue     their value in the tenant's currency (as credited: the attribution report's revenue),
     *                    rounded to cents
     */
    public record Row(ChannelPath path, long conversions, double share, BigDecimal revenue) implements Serializable {
    }
}
