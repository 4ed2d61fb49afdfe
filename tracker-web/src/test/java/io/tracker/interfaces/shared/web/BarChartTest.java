package io.tracker.interfaces.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void labelsDatasetsAndAxesAsChartJsReadsThem() {
        String json = BarChart.of(List.of("Email", "</script>"))
                .axis("y", "Conversions", "left", true)
                .dataset("Credited", List.of(1.0 / 3, 2.005), "#2196f3", "y")
                .toJson();

        assertThat(json).doesNotContain("<", ">");
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertThat(chart.getString("type")).isEqualTo("bar");
        assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(1)).isEqualTo("</script>");
        JsonObject dataset = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertThat(dataset.getString("label")).isEqualTo("Credited");
        assertThat(dataset.getJsonArray("data").getJsonNumber(0).doubleValue()).isEqualTo(0.33);
        assertThat(dataset.getString("yAxisID")).isEqualTo("y");
        JsonObject scales = chart.getJsonObject("options").getJsonObject("scales");
        assertThat(scales.getJsonObject("x").getJsonObject("grid").getBoolean("display")).isFalse();
        assertThat(scales.getJsonObject("y").getString("position")).isEqualTo("left");
        assertThat(scales.getJsonObject("y").getJsonObject("title").getString("text")).isEqualTo("Conversions");
    }

    @Test
    void scriptSafeJsonCannotEndTheScriptElement() {
        String json = "{\"labels\":[\"</script><script>alert(1)</script>\",\"A & B > C\"]}";

        String safe = BarChart.scriptSafe(json);

        assertThat(safe).doesNotContain("<", ">", "&");
        assertThat(safe).isEqualTo("{\"labels\":[\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"
                + "\\u003c/script\\u003e\",\"A \\u0026 B \\u003e C\"]}");
    }

    @Test
    void lineAndParagraphSeparatorsAreEscaped() {
        assertThat(BarChart.scriptSafe("[\"a\u2028b\u2029c\"]")).isEqualTo("[\"a\\u2028b\\u2029c\"]");
    }

    @Test
    void everythingElseIsLeftAlone() {
        String json = "{\"type\":\"bar\",\"data\":{\"labels\":[\"Paid Search\",\"Café \\\"Nord\\\"\"]}}";
        assertThat(BarChart.scriptSafe(json)).isEqualTo(json);
    }
}
