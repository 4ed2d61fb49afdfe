package io.tracker.domain.attribution;

import java.time.Instant;

/**
 * A touchpoint as attribution sees it.
 *
 * @param touchpointId the stored touchpoint's id (ties at the same instant are ordered by it)
 * @param at           when the touch happened (UTC instant)
 * @param channel      resolved channel, such as {@code Paid Search}
 * @param campaign     campaign name, or {@code ""} when the touch has none
 */
public record JourneyTouch(long touchpointId, Instant at, String channel, String campaign) {

    public boolean isDirect() {
        return "direct".equalsIgnoreCase(channel);
    }
}
