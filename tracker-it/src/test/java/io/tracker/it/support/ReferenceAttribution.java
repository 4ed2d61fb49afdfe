package io.tracker.it.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An independent, deliberately naive implementation of the attribution rules as the API contract
 * states them, used to compute expected report numbers from journeys that a test wrote down by
 * hand. It shares no code with the product:
 *
 * <ul>
 *   <li>an empty journey gives the whole conversion to {@code Direct} (campaign {@code ""});</li>
 *   <li>last_touch: the last touch whose channel is not Direct, or the last touch when all are Direct;</li>
 *   <li>first_touch: the first touch; linear: 1/n to each of n touches;</li>
 *   <li>position_based: one touch 1; two touches 0.5 each; otherwise 0.4 first, 0.4 last and 0.2
 *       shared evenly by the touches between.</li>
 * </ul>
 *
 * <p>Journeys ({@link #journey}): a conversion's touches at or before it and no older than the
 * lookback window, whatever converted before (issue #8: each conversion looks back over its own
 * window, as Google Ads, GA4 and Matomo count), by time, then channel, then campaign.
 */
public final class ReferenceAttribution {

    private ReferenceAttribution() {
    }

    /** One touch of a journey. {@code campaign} is {@code ""} for none. */
    public record Touch(String channel, String campaign) {

        public static Touch of(String channel) {
            return new Touch(channel, "");
        }
    }

    /** A conversion worth {@code value} (tenant currency) and its journey, oldest touch first. */
    public record Converted(BigDecimal value, List<Touch> journey) {

        public static Converted of(String value, Touch... journey) {
            return new Converted(new BigDecimal(value), List.of(journey));
        }
    }

    /** A touch with its time, to build journeys from. */
    public record TimedTouch(Instant at, String channel, String campaign) {
    }

    /**
     * The journey of a conversion at {@code convertedAt}: every touch with
     * {@code convertedAt - lookback <= at <= convertedAt}, oldest first (ties by channel, then campaign).
     */
    public static List<Touch> journey(List<TimedTouch> touches, Instant convertedAt, Duration lookback) {
        List<TimedTouch> in = new ArrayList<>();
        for (TimedTouch t : touches) {
            if (!t.at().isAfter(convertedAt) && !t.at().isBefore(convertedAt.minus(lookback))) {
                in.add(t);
            }
        }
        in.sort(Comparator.comparing(TimedTouch::at).thenComparing(TimedTouch::channel).thenComparing(TimedTouch::campaign));
        return in.stream().map(t -> new Touch(t.channel(), t.campaign())).toList();
    }

    /** What a report row should say. */
    public record Expected(double conversions, double revenue) {

        Expected plus(double share, BigDecimal value) {
            return new Expected(conversions + share, revenue + value.doubleValue() * share);
        }
    }

    /** Expected rows by channel. */
    public static Map<String, Expected> byChannel(String model, List<Converted> conversions) {
        return credits(model, conversions, Touch::channel);
    }

    /** Expected rows by campaign ({@code ""} for touches without one). */
    public static Map<String, Expected> byCampaign(String model, List<Converted> conversions) {
        return credits(model, conversions, Touch::campaign);
    }

    /** Expected rows keyed by {@code dimension} of each credited touch. */
    public static Map<String, Expected> credits(String model, List<Converted> conversions,
                                                Function<Touch, String> dimension) {
        Map<String, Expected> rows = new LinkedHashMap<>();
        for (Converted c : conversions) {
            List<Touch> journey = c.journey().isEmpty() ? List.of(new Touch("Direct", "")) : c.journey();
            double[] w = weights(model, journey);
            for (int i = 0; i < journey.size(); i++) {
                if (w[i] > 0) {
                    double share = w[i];
                    rows.merge(dimension.apply(journey.get(i)), new Expected(0, 0).plus(share, c.value()),
                            (a, b) -> new Expected(a.conversions() + b.conversions(), a.revenue() + b.revenue()));
                }
            }
        }
        return rows;
    }

    static double[] weights(String model, List<Touch> journey) {
        int n = journey.size();
        double[] w = new double[n];
        switch (model) {
            case "last_touch" -> {
                int chosen = n - 1;
                while (chosen > 0 && journey.get(chosen).channel().equals("Direct")) {
                    chosen--;
                }
                if (journey.get(chosen).channel().equals("Direct")) {
                    chosen = n - 1;
                }
                w[chosen] = 1;
            }
            case "first_touch" -> w[0] = 1;
            case "linear" -> java.util.Arrays.fill(w, 1.0 / n);
            case "position_based" -> {
                if (n == 1) {
                    w[0] = 1;
                } else if (n == 2) {
                    w[0] = 0.5;
                    w[1] = 0.5;
                } else {
                    w[0] = 0.4;
                    w[n - 1] = 0.4;
                    for (int i = 1; i < n - 1; i++) {
                        w[i] = 0.2 / (n - 2);
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown model " + model);
        }
        return w;
    }
}
