package io.tracker.interfaces.tracking.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SegmentJsonTest {

    @Test
    void aBatchWithItsEnvelopeAndEachMessagesExactSize() throws Exception {
        String first = "{\"type\":\"page\",\"anonymousId\":\"ä\"}"; // ä is 2 bytes
        String second = "{\"type\":\"track\",\"event\":\"x\",\"properties\":{\"a\":[1,2,{\"b\":null}]}}";
        String body = "{\"sentAt\":\"2026-11-20T12:00:00Z\",\"batch\":[ " + first + " ,\n" + second + ", 7],"
                + "\"context\":{\"library\":{\"name\":\"analytics-java\"}},\"writeKey\":\"trk_x\",\"sequence\":3}";
        SegmentJson.Body b = SegmentJson.batch(body.getBytes(StandardCharsets.UTF_8));
        assertThat(b.writeKey()).isEqualTo("trk_x");
        assertThat(b.sentAt()).isEqualTo("2026-11-20T12:00:00Z");
        assertThat(b.context().get("library").get("name").asText()).isEqualTo("analytics-java");
        assertThat(b.items()).hasSize(3);
        assertThat(b.items().get(0).bytes()).isEqualTo(first.getBytes(StandardCharsets.UTF_8).length);
        assertThat(b.items().get(1).bytes()).isEqualTo(second.length());
        assertThat(b.items().get(1).message().get("event").asText()).isEqualTo("x");
        assertThat(b.items().get(2).message()).as("not an object").isNull();
        assertThat(b.items().get(2).index()).isEqualTo(2);
    }

    @Test
    void malformedBodies() {
        assertMalformed("{\"batch\":[{\"type\":\"page\"}", "not valid JSON");
        assertMalformed("{\"batch\":[]} {}", "more than one JSON value");
        assertMalformed("[]", "must be a JSON object");
        assertMalformed("{\"batch\":{}}", "\"batch\" must be an array");
        assertMalformed("{\"context\":{}}", "no \"batch\" array");
        assertMalformed("{\"batch\":[{\"a\":1,\"a\":2}]}", "Duplicate field");
        assertMalformed("", "empty");
        assertMalformed(" \n", "empty");
        assertThatThrownBy(() -> SegmentJson.batch(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}))
                .isInstanceOf(SegmentJson.Malformed.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SegmentJson.single("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SegmentJson.Malformed.class).hasMessageContaining("one message");
    }

    @Test
    void aSingleCallsWriteKey() throws Exception {
        SegmentJson.Body b = SegmentJson.single("{\"event\":\"x\",\"writeKey\":\"k\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(b.writeKey()).isEqualTo("k");
        assertThat(b.items()).hasSize(1);
    }

    private static void assertMalformed(String body, String message) {
        assertThatThrownBy(() -> SegmentJson.batch(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SegmentJson.Malformed.class).hasMessageContaining(message);
    }
}
