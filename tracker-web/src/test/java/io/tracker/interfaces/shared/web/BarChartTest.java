package io.tracker.interfaces.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelChartTest {

    @Test
    void scriptSafeJsonCannotEndTheScriptElement() {
        String json = "{\"labels\":[\"</script><script>alert(1)</script>\",\"A & B > C\"]}";

        String safe = ChannelChart.scriptSafe(json);

        assertThat(safe).doesNotContain("<", ">", "&");
        assertThat(safe).isEqualTo("{\"labels\":[\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"
                + "\\u003c/script\\u003e\",\"A \\u0026 B \\u003e C\"]}");
    }

    @Test
    void lineAndParagraphSeparatorsAreEscaped() {
        assertThat(ChannelChart.scriptSafe("[\"a\u2028b\u2029c\"]")).isEqualTo("[\"a\\u2028b\\u2029c\"]");
    }

    @Test
    void everythingElseIsLeftAlone() {
        String json = "{\"type\":\"bar\",\"data\":{\"labels\":[\"Paid Search\",\"Café \\\"Nord\\\"\"]}}";
        assertThat(ChannelChart.scriptSafe(json)).isEqualTo(json);
    }
}
