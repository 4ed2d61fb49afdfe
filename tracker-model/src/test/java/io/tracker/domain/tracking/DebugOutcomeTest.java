package io.tracker.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DebugOutcomeTest {

    @Test
    void codesAreTheStoredTexts() {
        assertThat(DebugOutcome.NEW.code()).isEqualTo("new");
        assertThat(DebugOutcome.DUPLICATE_ORDER.code()).isEqualTo("duplicate_order");
        assertThat(DebugOutcome.of("duplicate_event")).isEqualTo(DebugOutcome.DUPLICATE_EVENT);
        assertThat(DebugOutcome.of("bot")).isEqualTo(DebugOutcome.BOT);
        assertThatThrownBy(() -> DebugOutcome.of("stored")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectionNamesItsReasonOthersIgnoreTheDetail() {
        assertThat(DebugOutcome.REJECTED.words("currency USD differs")).isEqualTo("Rejected: currency USD differs");
        assertThat(DebugOutcome.REJECTED.words(null)).isEqualTo("Rejected");
        assertThat(DebugOutcome.DUPLICATE_ORDER.words("a note"))
                .isEqualTo("Duplicate: this order was already counted, not counted again");
        assertThat(DebugOutcome.NEW.words(null)).startsWith("New");
    }
}
