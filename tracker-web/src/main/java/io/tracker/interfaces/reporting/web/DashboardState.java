package io.tracker.interfaces.reporting.web;

import io.tracker.application.reporting.DateRange;
import io.tracker.application.reporting.ReportDimension;
import io.tracker.application.reporting.TrendInterval;
import io.tracker.domain.attribution.AttributionModel;
import io.tracker.domain.shared.DomainException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the dashboard shows, as its address carries it: {@code range} (a {@link DateRange}'s URL name; with
 * {@code custom}, {@code from} and {@code to} as YYYY-MM-DD), {@code compare} ({@code none}, {@code previous_period},
 * {@code previous_year}), {@code model} (the API's model names), {@code dimension} (the API's), {@code interval}
 * ({@code day}, {@code week}, {@code month}) and the drill-down's {@code channel} and {@code campaign}. A preset is
 * kept as a preset, so a shared "last 7 days" shows the last 7 days on the day it is opened.
 *
 * @param channel  the channel drilled into (its campaigns are shown), or null
 * @param campaign the campaign drilled into (its conversions are listed), or null; {@code ""} for touches without one
 */
public record DashboardState(DateRange range, LocalDate from, LocalDate to, Comparison comparison,
                             AttributionModel model, ReportDimension dimension, TrendInterval interval, String channel,
                             String campaign) implements Serializable {

    /** The address's parameters. */
    static final List<String> PARAMETERS = List.of("range", "from", "to", "compare", "model", "dimension", "interval",
            "channel", "campaign");

    /** The last 30 days compared with the 30 before, last touch, by channel, per day. */
    static DashboardState defaults(LocalDate today) {
        LocalDate[] days = DateRange.LAST_30_DAYS.days(today);
        return new DashboardState(DateRange.LAST_30_DAYS, days[0], days[1], Comparison.PREVIOUS_PERIOD,
                AttributionModel.LAST_TOUCH, ReportDimension.CHANNEL, TrendInterval.DAY, null, null);
    }

    /**
     * The state an address asks for; a value that cannot be read keeps its default and is described in
     * {@code problems}. Dates without a range are a custom range.
     */
    static DashboardState fromUrl(Map<String, String> parameters, LocalDate today, List<String> problems) {
        DashboardState s = defaults(today);
        String rangeText = parameters.get("range");
        LocalDate from = date(parameters.get("from"), "from", problems);
        LocalDate to = date(parameters.get("to"), "to", problems);
        DateRange range = blank(rangeText) ? (from != null || to != null ? DateRange.CUSTOM : DateRange.LAST_30_DAYS)
                : DateRange.fromUrl(rangeText).orElseGet(() -> {
                    problems.add("The address's range '" + rangeText.strip() + "' is unknown: showing the last 30 days.");
                    return DateRange.LAST_30_DAYS;
                });
        if (range == DateRange.CUSTOM) {
            if (from == null || to == null) {
                if (!blank(rangeText)) {
                    problems.add("A custom range needs both 'from' and 'to': showing the last 30 days.");
                }
                range = DateRange.LAST_30_DAYS;
            } else {
                s = s.withDates(from, to);
            }
        }
        if (range != DateRange.CUSTOM) {
            s = s.withRange(range, today);
        }
        String compare = parameters.get("compare");
        if (!blank(compare)) {
            s = s.withComparison(Comparison.fromUrl(compare).orElseGet(() -> {
                problems.add("The address's comparison '" + compare.strip() + "' is unknown: comparing with the "
                        + "previous period.");
                return Comparison.PREVIOUS_PERIOD;
            }));
        }
        String model = parameters.get("model");
        if (!blank(model)) {
            try {
                s = s.withModel(AttributionModel.fromApiName(model.strip()));
            } catch (IllegalArgumentException e) {
                problems.add("The address's model '" + model.strip() + "' is unknown: showing last touch.");
            }
        }
        String dimension = parameters.get("dimension");
        if (!blank(dimension)) {
            try {
                s = s.withDimension(ReportDimension.parse(dimension));
            } catch (DomainException e) {
                problems.add("The address's dimension '" + dimension.strip() + "' is unknown: showing channels.");
            }
        }
        String interval = parameters.get("interval");
        if (!blank(interval)) {
            try {
                s = s.withInterval(TrendInterval.parse(interval));
            } catch (DomainException e) {
                problems.add("The address's interval '" + interval.strip() + "' is unknown: showing days.");
            }
        }
        String channel = parameters.get("channel");
        String campaign = parameters.get("campaign");
        if (channel != null && !channel.isEmpty()) {
            s = new DashboardState(s.range, s.from, s.to, s.comparison, s.model, ReportDimension.CHANNEL, s.interval,
                    channel, campaign);
        } else if (campaign != null) {
            s = new DashboardState(s.range, s.from, s.to, s.comparison, s.model, ReportDimension.CAMPAIGN, s.interval,
                    null, campaign);
        }
        return s;
    }

    /** The address's query string of this state, without the leading {@code ?}. */
    String query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("range", range.urlName());
        if (range == DateRange.CUSTOM) {
            q.put("from", from.toString());
            q.put("to", to.toString());
        }
        q.put("compare", comparison.urlName());
        q.put("model", model.apiName());
        q.put("dimension", dimension.field());
        q.put("interval", interval.apiName());
        if (channel != null) {
            q.put("channel", channel);
        }
        if (campaign != null) {
            q.put("campaign", campaign);
        }
        return q.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** What the attribution table is broken down by: the chosen dimension, or campaigns once drilled into. */
    ReportDimension tableDimension() {
        return channel != null || campaign != null ? ReportDimension.CAMPAIGN : dimension;
    }

    DashboardState withRange(DateRange range, LocalDate today) {
        LocalDate[] days = range.days(today);
        return days == null ? withRangeOnly(range)
                : new DashboardState(range, days[0], days[1], comparison, model, dimension, interval, channel, campaign);
    }

    DashboardState withRangeOnly(DateRange range) {
        return new DashboardState(range, from, to, comparison, model, dimension, interval, channel, campaign);
    }

    DashboardState withDates(LocalDate from, LocalDate to) {
        return new DashboardState(range, from, to, comparison, model, dimension, interval, channel, campaign);
    }

    DashboardState withCustomDates() {
        return withRangeOnly(DateRange.CUSTOM);
    }

    DashboardState withComparison(Comparison comparison) {
        return new DashboardState(range, from, to, comparison, model, dimension, interval, channel, campaign);
    }

    DashboardState withModel(AttributionModel model) {
        return new DashboardState(range, from, to, comparison, model, dimension, interval, channel, campaign);
    }

    /** Another dimension starts again from the top of the drill-down. */
    DashboardState withDimension(ReportDimension dimension) {
        return new DashboardState(range, from, to, comparison, model, dimension, interval, null, null);
    }

    DashboardState withInterval(TrendInterval interval) {
        return new DashboardState(range, from, to, comparison, model, dimension, interval, channel, campaign);
    }

    /** A line opened: a channel (its campaigns), or a campaign (its conversions). */
    DashboardState drillDown(String key) {
        if (campaign != null) {
            return this;
        }
        if (channel == null && dimension == ReportDimension.CHANNEL) {
            return new DashboardState(range, from, to, comparison, model, dimension, interval, key, null);
        }
        if (channel != null || dimension == ReportDimension.CAMPAIGN) {
            return new DashboardState(range, from, to, comparison, model, dimension, interval, channel, key);
        }
        return this;
    }

    /** Back to the top ({@code all}) or to the channel's campaigns ({@code channel}). */
    DashboardState drillUp(String level) {
        return "channel".equals(level)
                ? new DashboardState(range, from, to, comparison, model, dimension, interval, channel, null)
                : new DashboardState(range, from, to, comparison, model, dimension, interval, null, null);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static LocalDate date(String text, String name, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add("The address's '" + name + "' is not a date as YYYY-MM-DD: '" + text.strip() + "'.");
            return null;
        }
    }
}
