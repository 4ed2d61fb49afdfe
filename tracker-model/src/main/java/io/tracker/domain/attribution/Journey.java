package io.tracker.domain.attribution;

import io.tracker.domain.campaign.Channels;
import java.time.Instant;
import java.util.List;

/**
 * One conversion with its journey, as {@link JourneyBuilder} cuts it.
 *
 * @param conversion the conversion
 * @param touches    its touches in {@link JourneyBuilder}'s order (oldest first; the conversion's own
 *                   touch last among touches at its instant); may be empty
 * @param counted    false for a repeat of a counting-ONE action's earlier conversion in the same
 *                   journey: it is kept but neither counted nor credited
 */
public record Journey(ConversionPoint conversion, List<JourneyTouch> touches, boolean counted) {

    public Journey {
        touches = List.copyOf(touches);
    }

    /**
     * The channels of the touches, oldest first; a journey without touches is {@code Direct}, as the models credit
     * it ({@link AttributionModel}).
     */
    public ChannelPath path() {
        return new ChannelPath(touches.isEmpty() ? List.of(Channels.DIRECT)
                : touches.stream().map(JourneyTouch::channel).toList());
    }

    /** When the first touch happened; for a journey without touches, when the conversion did (a lag of 0). */
    public Instant firstTouchAt() {
        return touches.isEmpty() ? conversion.at() : touches.get(0).at();
    }
}
