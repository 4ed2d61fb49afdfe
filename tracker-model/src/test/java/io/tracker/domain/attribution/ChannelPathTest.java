package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPathTest {

    @Test
    void touchesInARowOnOneChannelAreOneStepWithTheirCount() {
        ChannelPath path = new ChannelPath(List.of("Paid Search", "Paid Search", "Email", "Paid Search"));
        assertThat(path.label()).isEqualTo("Paid Search \u00d72 \u2192 Email \u2192 Paid Search");
        assertThat(path.length()).isEqualTo(4);
    }

    @Test
    void aSingleTouchIsItsChannel() {
        assertThat(new ChannelPath(List.of("Direct")).label()).isEqualTo("Direct");
        assertThat(new ChannelPath(List.of("Email", "Email", "Email")).label()).isEqualTo("Email \u00d73");
    }

    @Test
    void aJourneyWithoutTouchesIsDirectAtTheConversionsTime() {
        Instant at = Instant.parse("2026-11-03T10:00:00Z");
        Journey empty = new Journey(new ConversionPoint(1, 2, at, BigDecimal.TEN), List.of(), true);
        assertThat(empty.path().channels()).containsExactly("Direct");
        assertThat(empty.firstTouchAt()).isEqualTo(at);

        Instant first = at.minusSeconds(86_400 * 3);
        Journey two = new Journey(new ConversionPoint(1, 2, at, BigDecimal.TEN),
                List.of(new JourneyTouch(7, first, "Email", "jan"), new JourneyTouch(8, at, "Paid Search", "")), true);
        assertThat(two.path().channels()).containsExactly("Email", "Paid Search");
        assertThat(two.firstTouchAt()).isEqualTo(first);
    }

    @Test
    void aPathHasATouch() {
        assertThatThrownBy(() -> new ChannelPath(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
