package io.tracker.domain.attribution;

/**
 * What one model gives one channel over many journeys.
 *
 * @param conversions conversions credited to the channel (fractional: models split conversions)
 * @param value       conversion value credited to the channel, in the data's currency
 */
public record ChannelTotal(double conversions, double value) {

    public static final ChannelTotal ZERO = new ChannelTotal(0, 0);

    /** This total plus {@code share} of a conversion count and value. */
    public ChannelTotal plus(double shareOfConversions, double shareOfValue) {
        return new ChannelTotal(conversions + shareOfConversions, value + shareOfValue);
    }
}
