package io.tracker.interfaces.shared.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneDocumentWithSurroundingWhiteSpaceIsRead() {
        JsonObject root = (JsonObject) StrictJson.read(utf8(" \n{\"events\":[{\"visitor_id\":\"Zoë 🚀\"}]}\r\n "));
        assertThat(root.getJsonArray("events").getJsonObject(0).getString("visitor_id")).isEqualTo("Zoë 🚀");
    }

    @Test
    void textAfterTheDocumentOrASecondDocumentIsMalformed() {
        assertThatThrownBy(() -> StrictJson.read(utf8("{\"events\":[]} xyz")))
                .isInstanceOf(StrictJson.MalformedJsonException.class);
        assertThatThrownBy(() -> StrictJson.read(utf8("{\"events\":[]}{\"events\":[]}")))
                .isInstanceOf(StrictJson.MalformedJsonException.class)
                .hasMessageContaining("more than one JSON value");
        assertThatThrownBy(() -> StrictJson.read(utf8("[1] 2"))).isInstanceOf(StrictJson.MalformedJsonException.class);
        assertThatThrownBy(() -> StrictJson.read(utf8(""))).isInstanceOf(StrictJson.MalformedJsonException.class);
    }

    @Test
    void invalidUtf8IsMalformedNotReplaced() {
        byte[] latin1 = "{\"events\":[{\"visitor_id\":\"Zoë\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StrictJson.read(latin1)).hasMessage("the body is not valid UTF-8");
        // An encoded surrogate (CESU-style ED A0 80) is not UTF-8 either.
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertThatThrownBy(() -> StrictJson.read(surrogate)).hasMessage("the body is not valid UTF-8");
    }

    @Test
    void aNumberOfNineHundredThousandDigitsIsRefusedQuickly() {
        byte[] body = utf8("{\"events\":[{\"value\":" + "9".repeat(900_000) + "}]}");
        long start = System.nanoTime();
        assertThatThrownBy(() -> StrictJson.read(body)).hasMessageContaining("number in the body is too long");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1_000);
    }

    @Test
    void deepNestingIsMalformed() {
        assertThatThrownBy(() -> StrictJson.read(utf8("[".repeat(100_000))))
                .isInstanceOf(StrictJson.MalformedJsonException.class);
    }
}
