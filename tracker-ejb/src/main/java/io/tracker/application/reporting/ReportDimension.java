package io.tracker.application.reporting;

import io.tracker.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an attribution report is broken down by. The API name is also the name of the row's key field
 * in report JSON ({@code {"channel":"Email",…}}).
 *
 * <ul>
 *   <li>{@code channel}: the touch's channel ({@code Paid Search}, {@code Direct}, …);</li>
 *   <li>{@code campaign}: the touch's campaign name, {@code ""} for touches without one;</li>
 *   <li>{@code source_medium}: the touch's {@code source / medium} ({@code google / cpc},
 *       {@code (direct) / (none)}); {@code ""} for credits stored before it was recorded;</li>
 *   <li>{@code conversion_action}: the conversion action's <em>key</em> ({@code purchase}), which is
 *       stable and unique per tenant; report rows also carry the action's display name.</li>
 * </ul>
 */
public enum ReportDimension {
    CHANNEL("channel", "channel"),
    CAMPAIGN("campaign", "campaign"),
    SOURCE_MEDIUM("source_medium", "source_medium"),
    CONVERSION_ACTION("conversion_action", "action_id");

    private final String apiName;
    private final String column;

    ReportDimension(String apiName, String column) {
        this.apiName = apiName;
        this.column = column;
    }

    /** The API name, such as {@code source_medium}; also the row's key field in report JSON. */
    public String field() {
        return apiName;
    }

    /** The column of {@code credit_daily} the report groups by (a constant, safe in SQL text). */
    String column() {
        return column;
    }

    /**
     * The dimension for an API name, case-insensitive, surrounding blanks ignored; {@code channel}
     * when absent or blank.
     *
     * @throws InvalidInputException (400) for any other value, naming the accepted ones
     */
    public static ReportDimension parse(String text) {
        if (text == null || text.isBlank()) {
            return CHANNEL;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (ReportDimension d : values()) {
            if (d.apiName.equals(wanted)) {
                return d;
            }
        }
        throw new InvalidInputException("dimension must be one of " + names() + ", not '" + text + "'");
    }

    /** {@code channel, campaign, source_medium or conversion_action}. */
    public static String names() {
        String all = Arrays.stream(values()).map(ReportDimension::field).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
