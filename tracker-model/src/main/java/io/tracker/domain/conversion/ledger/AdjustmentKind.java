package io.tracker.domain.conversion.ledger;

import java.util.Locale;
import java.util.Optional;

/**
 * What a stored adjustment did to its conversion (the ledger's {@code kind} column).
 * <ul>
 *   <li>{@link #RESTATE}: the conversion's value was set to a new one (in the conversion's currency);</li>
 *   <li>{@link #RETRACT}: the conversion was taken out (deleted, its credits with it); the ledger row keeps what
 *       it was worth.</li>
 * </ul>
 */
public enum AdjustmentKind {
    RESTATE,
    RETRACT;

    /**
     * The kind a {@code type} field names: {@code RESTATE} or {@code RETRACT}, in any letter case, also as Google
     * Ads' adjustment types {@code RESTATEMENT} and {@code RETRACTION}.
     *
     * @return empty for anything else (null and blank included)
     */
    public static Optional<AdjustmentKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "RESTATE", "RESTATEMENT" -> Optional.of(RESTATE);
            case "RETRACT", "RETRACTION" -> Optional.of(RETRACT);
            default -> Optional.empty();
        };
    }
}
