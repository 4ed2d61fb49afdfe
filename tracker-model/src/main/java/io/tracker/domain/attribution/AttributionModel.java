package io.tracker.domain.attribution;

import io.tracker.domain.campaign.Channels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rule-based attribution models. Each gives every touch of a journey a weight; the weights of a
 * journey add up to 1. A journey with no touch gives the whole conversion to {@code Direct}.
 *
 * <ul>
 *   <li>{@link #LAST_TOUCH}: 1 to the last non-direct click; a journey without one gives it to its
 *       last (non-direct) ad impression, and a direct touch gets the credit only when the journey has
 *       nothing else. That is Google Analytics' "last non-direct click" together with the industry's
 *       "last click, last impression" rule, as Campaign Manager 360's Floodlight reports and Google Ad
 *       Exchange's view-through reporting describe it: the last click gets the conversion, and only
 *       without a click does the last impression; so a click takes precedence over an impression,
 *       even a later one;</li>
 *   <li>{@link #FIRST_TOUCH}: 1 to the first touch;</li>
 *   <li>{@link #LINEAR}: 1/n to each of the n touches, so a channel touched k times gets k/n;</li>
 *   <li>{@link #POSITION_BASED}: 0.4 to the first, 0.4 to the last and 0.2 spread evenly over the
 *       touches between (the "U-shaped" model); two touches get 0.5 each, one touch gets 1.</li>
 *   <li>{@link #TIME_DECAY}: touch i gets 2^(−Δt_i / H), normalised over the journey, where Δt_i is
 *       the conversion's time minus the touch's time and H the half-life (the tenant's, 7 days by
 *       default); touches at the same instant weigh the same.</li>
 * </ul>
 *
 * <p>The other rule-based models share the conversion over every touch of the journey, ad impressions
 * included (which {@link JourneyBuilder} keeps only within the view-through window).
 *
 * <p>The data-driven models ({@link #MARKOV}, {@link #SHAPLEY}) have no fixed rule: they are fitted
 * on many journeys ({@link MarkovModel}, {@link ShapleyModel}) and then split each conversion with
 * {@link #credits(List, ChannelShares)}.
 *
 * <p>Ties: a journey is in {@link JourneyBuilder}'s order, which is deterministic for touches at
 * the same instant, so every model's answer is independent of the order events arrived in.
 */
public enum AttributionModel {
    LAST_TOUCH {
        @Override
        double[] weights(List<JourneyTouch> journey) {
            double[] w = new double[journey.size()];
            w[lastTouchIndex(journey)] = 1.0;
            return w;
        }
    },
    FIRST_TOUCH {
        @Override
        double[] weights(List<JourneyTouch> journey) {
            double[] w = new double[journey.size()];
            w[0] = 1.0;
            return w;
        }
    },
    LINEAR {
        @Override
        double[] weights(List<JourneyTouch> journey) {
            double[] w = new double[journey.size()];
            Arrays.fill(w, 1.0 / journey.size());
            return w;
        }
    },
    POSITION_BASED {
        @Override
        double[] weights(List<JourneyTouch> journey) {
            int n = journey.size();
            double[] w = new double[n];
            if (n == 1) {
                w[0] = 1.0;
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
            return w;
        }
    },
    TIME_DECAY {
        @Override
        double[] weights(List<JourneyTouch> journey, Instant convertedAt, Duration halfLife) {
            double[] w = new double[journey.size()];
            double halfLifeSeconds = halfLife.toMillis() / 1000.0;
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                double ageSeconds = Math.max(0, Duration.between(journey.get(i).at(), convertedAt).toMillis() / 1000.0);
                w[i] = Math.pow(2, -ageSeconds / halfLifeSeconds);
                sum += w[i];
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= sum;
            }
            return w;
        }
    },
    MARKOV,
    SHAPLEY;

    /** Time decay's half-life unless a tenant sets its own. */
    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);

    /** Weight of each touch of a non-empty journey, in journey order (rule-based models only). */
    double[] weights(List<JourneyTouch> journey) {
        throw new IllegalStateException(apiName() + " is data-driven: fit it first");
    }

    /** Weight of each touch when the model needs the conversion's time (time decay); the others ignore it. */
    double[] weights(List<JourneyTouch> journey, Instant convertedAt, Duration halfLife) {
        return weights(journey);
    }

    /**
     * The touch last touch credits: the last non-direct click, else the last non-direct impression,
     * else the last touch (direct); the journey is not empty and in {@link JourneyBuilder} order.
     */
    static int lastTouchIndex(List<JourneyTouch> journey) {
        int lastImpression = -1;
        for (int i = journey.size() - 1; i >= 0; i--) {
            JourneyTouch t = journey.get(i);
            if (t.isDirect()) {
                continue;
            }
            if (!t.isImpression()) {
                return i;
            }
            if (lastImpression < 0) {
                lastImpression = i;
            }
        }
        return lastImpression >= 0 ? lastImpression : journey.size() - 1;
    }

    /** True for {@link #MARKOV} and {@link #SHAPLEY}: credits need a model fitted on many journeys. */
    public boolean dataDriven() {
        return this == MARKOV || this == SHAPLEY;
    }

    /** The rule-based models, credited per conversion as it is attributed. */
    public static List<AttributionModel> ruleBased() {
        return Arrays.stream(values()).filter(m -> !m.dataDriven()).toList();
    }

    /**
     * The credits of one conversion at the journey's last touch (or for a model that ignores time),
     * with the default half-life; see {@link #credits(List, Instant, Duration)}.
     */
    public List<Credit> credits(List<JourneyTouch> journey) {
        return credits(journey, journey.isEmpty() ? Instant.EPOCH : journey.get(journey.size() - 1).at(),
                DEFAULT_HALF_LIFE);
    }

    /**
     * The credits of one conversion by a rule-based model: the journey's weights added up per
     * channel, campaign and source / medium, in order of first appearance in the journey; an empty
     * journey gives everything to {@code Direct}, {@code (direct) / (none)}.
     *
     * @param journey     the touches, in {@link JourneyBuilder} order (oldest first); may be empty
     * @param convertedAt the conversion's instant (time decay measures ages from it)
     * @param halfLife    time decay's half-life; positive
     * @throws IllegalStateException for a data-driven model (use {@link #credits(List, ChannelShares)})
     */
    public List<Credit> credits(List<JourneyTouch> journey, Instant convertedAt, Duration halfLife) {
        if (journey.isEmpty()) {
            return List.of(new Credit(Channels.DIRECT, "", SourceMedium.DIRECT, 1.0));
        }
        return merge(journey, weights(journey, convertedAt, halfLife));
    }

    /**
     * The credits of one conversion by a fitted data-driven model: the model's share of each channel
     * of the path, each channel's share then split evenly over that channel's touches (so its
     * campaigns get their part).
     *
     * @param journey the touches, in {@link JourneyBuilder} order; may be empty (all to Direct)
     * @param fitted  the model fitted on the tenant's journeys
     */
    public List<Credit> credits(List<JourneyTouch> journey, ChannelShares fitted) {
        if (journey.isEmpty()) {
            return List.of(new Credit(Channels.DIRECT, "", SourceMedium.DIRECT, 1.0));
        }
        List<String> path = journey.stream().map(JourneyTouch::channel).toList();
        Map<String, Double> shares = fitted.sharesOf(path);
        Map<String, Integer> touchesPerChannel = new LinkedHashMap<>();
        path.forEach(ch -> touchesPerChannel.merge(ch, 1, Integer::sum));
        double[] w = new double[journey.size()];
        for (int i = 0; i < w.length; i++) {
            String ch = path.get(i);
            w[i] = shares.getOrDefault(ch, 0.0) / touchesPerChannel.get(ch);
        }
        return merge(journey, w);
    }

    private static List<Credit> merge(List<JourneyTouch> journey, double[] w) {
        Map<List<String>, Double> byChannelCampaignSource = new LinkedHashMap<>();
        for (int i = 0; i < journey.size(); i++) {
            if (w[i] > 0) {
                JourneyTouch t = journey.get(i);
                byChannelCampaignSource.merge(List.of(t.channel(), t.campaign(), t.sourceMedium()), w[i], Double::sum);
            }
        }
        List<Credit> credits = new ArrayList<>(byChannelCampaignSource.size());
        byChannelCampaignSource.forEach((key, share) -> credits.add(new Credit(key.get(0), key.get(1), key.get(2), share)));
        return Collections.unmodifiableList(credits);
    }

    /** The API name, such as {@code last_touch}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The model for an API name such as {@code position_based}; case-insensitive. */
    public static AttributionModel fromApiName(String name) {
        for (AttributionModel m : values()) {
            if (m.apiName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown attribution model '" + name + "'; expected one of "
                + Arrays.stream(values()).map(AttributionModel::apiName).toList());
    }
}
