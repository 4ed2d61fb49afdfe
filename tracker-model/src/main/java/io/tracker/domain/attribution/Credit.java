package io.tracker.domain.attribution;

/**
 * The share of one conversion that a model gives to one channel, campaign and source / medium.
 *
 * @param channel      channel name
 * @param campaign     campaign name, {@code ""} for none
 * @param sourceMedium "source / medium" of the credited touches ({@link SourceMedium}); {@code (direct) / (none)}
 *                     for a conversion without touches
 * @param share        fraction of the conversion, in (0, 1]; the shares of one conversion add up to 1
 */
public record Credit(String channel, String campaign, String sourceMedium, double share) {

    /** A credit whose source / medium is what the channel alone tells ({@link SourceMedium#ofChannel}). */
    public Credit(String channel, String campaign, double share) {
        this(channel, campaign, SourceMedium.ofChannel(channel), share);
    }
}
