package io.tracker.interfaces.calltracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.application.calltracking.PoolUsage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolUsageChartTest {

    @Test
    void heldAndFreeStackedPerHourInTheTenantsZoneExhaustionsAsALineOnTheRightAxis() {
        List<PoolUsage> hours = List.of(
                new PoolUsage(Instant.parse("2026-03-10T13:00:00Z"), 3, 1, 0),
                new PoolUsage(Instant.parse("2026-03-10T14:00:00Z"), 4, 0, 2));

        JsonObject chart = Json.createReader(new StringReader(PoolUsageChart.config(hours, ZoneId.of("America/Chicago"))))
                .readObject();

        // Chicago is UTC-5 on 10 March 2026 (daylight saving time starts on the 8th): 13:00Z is 08:00.
        assertThat(chart.getJsonObject("data").getJsonArray("labels").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("08:00", "09:00");
        JsonArray datasets = chart.getJsonObject("data").getJsonArray("datasets");
        assertThat(datasets.getJsonObject(0).getString("label")).isEqualTo("Held");
        assertThat(datasets.getJsonObject(0).getJsonArray("data").toString()).isEqualTo("[3,4]");
        assertThat(datasets.getJsonObject(0).getString("stack")).isEqualTo("numbers");
        assertThat(datasets.getJsonObject(1).getString("label")).isEqualTo("Free");
        assertThat(datasets.getJsonObject(1).getJsonArray("data").toString()).isEqualTo("[1,0]");
        assertThat(datasets.getJsonObject(1).getString("stack")).isEqualTo("numbers");
        assertThat(datasets.getJsonObject(2).getString("label")).isEqualTo("Exhaustions");
        assertThat(datasets.getJsonObject(2).getString("type")).isEqualTo("line");
        assertThat(datasets.getJsonObject(2).getString("yAxisID")).isEqualTo("y1");
        assertThat(datasets.getJsonObject(2).getJsonArray("data").toString()).isEqualTo("[0,2]");
        JsonObject scales = chart.getJsonObject("options").getJsonObject("scales");
        assertThat(scales.getJsonObject("x").getBoolean("stacked")).isTrue();
        assertThat(scales.getJsonObject("y").getBoolean("stacked")).isTrue();
        assertThat(scales.getJsonObject("y1").getString("position")).isEqualTo("right");
    }

    @Test
    void durationsAsMinutesAndSeconds() {
        assertThat(CallLogBacking.minutesAndSeconds(0)).isEqualTo("0:00");
        assertThat(CallLogBacking.minutesAndSeconds(70)).isEqualTo("1:10");
        assertThat(CallLogBacking.minutesAndSeconds(3725)).isEqualTo("62:05");
    }
}
