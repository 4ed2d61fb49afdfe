package io.tracker.domain.attribution;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Path data for the model tests, written as ChannelAttribution's layout names it. */
final class TestPaths {

    private TestPaths() {
    }

    /** One path row: channels joined by {@code " > "}, its conversions, their value and its nulls. */
    static PathCount path(String channels, long conversions, String value, long nulls) {
        return new PathCount(Arrays.asList(channels.split(" > ")), conversions, new BigDecimal(value), nulls);
    }

    /** Rows {@code "A > B;conversions;value;nulls"}, as in a path file. */
    static List<PathCount> paths(String... rows) {
        return Arrays.stream(rows).map(row -> {
            String[] f = row.split(";");
            return path(f[0], Long.parseLong(f[1]), f[2], Long.parseLong(f[3]));
        }).toList();
    }
}
