package io.tracker.domain.attribution;

import io.tracker.domain.campaign.Channels;
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
 *   <li>{@link #LAST_TOUCH}: 1 to the last non-direct touch; a direct touch gets the credit only
 *       when the journey has nothing else (Google Analytics' "last non-direct click");</li>
 *   <li>{@link #FIRST_TOUCH}: 1 to the first touch;</li>
 *   <li>{@link #LINEAR}: 1/n to each of the n touches, so a channel touched k times gets k/n;</li>
 *   <li>{@link #POSITION_BASED}: 0.4 to the first, 0.4 to the last and 0.2 spread evenly over the
 *       touches between (the "U-shaped" model); two touches get 0.5 each, one touch gets 1.</li>
 * </ul>
 */
public enum AttributionModel {
    LAST_TOUCH {
        @Override
        double[] weights(List<JourneyTouch> journey) {
            double[] w = new double[journey.size()];
            int chosen = journey.size() - 1;
            for (int i = journey.size() - 1; i >= 0; i--) {
                if (!journey.get(i).isDirect()) {
                    chosen = i;
                    break;
                }
            }
            w[chosen] = 1.0;
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
    };

    /** Weight of each touch of a non-empty journey, in journey order. */
    abstract double[] weights(List<JourneyTouch> journey);

    /**
     * The credits of one conversion: the journey's weights added up per channel and campaign,
     * in order of first appearance in the journey.
     *
     * @param journey the touches, oldest first; may be empty
     */
    public List<Credit> credits(List<JourneyTouch> journey) {
        if (journey.isEmpty()) {
            return List.of(new Credit(Channels.DIRECT, "", 1.0));
        }
        double[] w = weights(journey);
        Map<List<String>, Double> byChannelAndCampaign = new LinkedHashMap<>();
        for (int i = 0; i < journey.size(); i++) {
            if (w[i] > 0) {
                JourneyTouch t = journey.get(i);
                byChannelAndCampaign.merge(List.of(t.channel(), t.campaign()), w[i], Double::sum);
            }
        }
        List<Credit> credits = new ArrayList<>(byChannelAndCampaign.size());
        byChannelAndCampaign.forEach((key, share) -> credits.add(new Credit(key.get(0), key.get(1), share)));
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
