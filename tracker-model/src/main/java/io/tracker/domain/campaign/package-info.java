/**
 * Campaigns and channels: how a touch is named in reports. {@link io.tracker.domain.campaign.DefaultChannelGrouping}
 * holds the documented rules that turn click ids, UTM values and referrers into a channel.
 */
package io.tracker.domain.campaign;
