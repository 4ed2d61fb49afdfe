package io.tracker.domain.attribution;

/**
 * The share of one conversion that a model gives to one channel and campaign.
 *
 * @param channel  channel name
 * @param campaign campaign name, {@code ""} for none
 * @param share    fraction of the conversion, in (0, 1]; the shares of one conversion add up to 1
 */
public record Credit(String channel, String campaign, double share) {
}
