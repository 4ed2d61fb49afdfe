package io.tracker.interfaces.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.interfaces.shared.rest.StrictJson;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static JsonObject event(String value) {
        return StrictJson.PROVIDER.createObjectBuilder().add("event_id", "e1").add("value", value).build();
    }

    @Test
    void aNumericStringIsRead() {
        assertThat(EventJson.read(event(" 12.50 ")).value()).isEqualByComparingTo("12.5");
    }

    @Test
    void aValueOfNineHundredThousandDigitsIsRefusedQuicklyAndNotEchoedWhole() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> EventJson.read(event("9".repeat(900_000))))
                .hasMessageContaining("longer than 40 characters")
                .hasMessageContaining("(900000 characters)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds (the quadratic parse took 13-14 s)").isLessThan(1_000);
    }

    @Test
    void interactionIsReadAsTextAndMustBeAString() {
        JsonObject impression = StrictJson.PROVIDER.createObjectBuilder().add("event_id", "e1")
                .add("interaction", "impression").build();
        JsonObject number = StrictJson.PROVIDER.createObjectBuilder().add("event_id", "e1").add("interaction", 1).build();

        assertThat(EventJson.read(impression).interaction()).isEqualTo("impression");
        assertThat(EventJson.read(event("1")).interaction()).isNull();
        assertThatThrownBy(() -> EventJson.read(number)).hasMessage("interaction must be a string");
    }

    @Test
    void aLongNonNumberIsEchoedShort() {
        assertThatThrownBy(() -> EventJson.read(event("x".repeat(30))))
                .hasMessage("value must be a number, not '" + "x".repeat(30) + "'");
    }
}
