package io.tracker.domain.attribution;

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
}
