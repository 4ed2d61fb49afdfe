package io.tracker.domain.attribution;

/**
 * Every model's credit for one channel of a path analysis (conversions and value each).
 *
 * @param channel       the channel's name as in the path data
 * @param firstTouch    {@link AttributionModel#FIRST_TOUCH}
 * @param lastTouch     {@link AttributionModel#LAST_TOUCH} (last non-direct)
 * @param linear        {@link AttributionModel#LINEAR}
 * @param positionBased {@link AttributionModel#POSITION_BASED}
 * @param markov        {@link MarkovModel}'s global attribution
 * @param removalEffect the Markov removal effect RE, in [0, 1]
 * @param shapley       {@link ShapleyModel}'s global attribution
 */
public record ChannelComparison(String channel, ChannelTotal firstTouch, ChannelTotal lastTouch, ChannelTotal linear,
                                ChannelTotal positionBased, ChannelTotal markov, double removalEffect,
                                ChannelTotal shapley) {
}
