package io.tracker.domain.attribution;

import io.tracker.domain.campaign.Channels;
import io.tracker.domain.tracking.Interaction;
import java.time.Instant;
import java.util.Objects;

/**
 * A touchpoint as attribution sees it.
 *
 * @param touchpointId the stored touchpoint's id (identity only: never used to order touches)
 * @param at           when the touch happened (UTC instant)
 * @param channel      resolved channel, such as {@code Paid Search}
 * @param campaign     campaign name, or {@code ""} when the touch has none
 * @param sourceMedium "source / medium" ({@link SourceMedium}), such as {@code google / cpc}
 * @param interaction  a click (any visit) or an ad impression, which has a shorter window
 * @param eventId      the event id the touch was stored under; orders touches at the same instant
 *                     and tells a conversion's own touch ({@link JourneyBuilder})
 */
public record JourneyTouch(long touchpointId, Instant at, String channel, String campaign, String sourceMedium,
                           Interaction interaction, String eventId) {

    public JourneyTouch {
        Objects.requireNonNull(at);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(campaign);
        Objects.requireNonNull(sourceMedium);
        Objects.requireNonNull(interaction);
        Objects.requireNonNull(eventId);
    }

    /** A click known only by channel and campaign: source / medium from the channel, event id {@code ""}. */
    public JourneyTouch(long touchpointId, Instant at, String channel, String campaign) {
        this(touchpointId, at, channel, campaign, SourceMedium.ofChannel(channel), Interaction.CLICK, "");
    }

    public boolean isDirect() {
        return Channels.DIRECT.equalsIgnoreCase(channel);
    }

    public boolean isImpression() {
        return interaction == Interaction.IMPRESSION;
    }
}
