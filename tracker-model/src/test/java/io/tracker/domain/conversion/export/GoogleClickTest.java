package io.tracker.domain.conversion.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.conversion.export.OutgoingConversion.Clicks;
import org.junit.jupiter.api.Test;

class GoogleClickTest {

    @Test
    void gclidThenGbraidThenWbraid() {
        assertThat(GoogleClick.of(new Clicks("g", "gb", "wb", "fb", "ms"))).contains(new GoogleClick("gclid", "g"));
        assertThat(GoogleClick.of(new Clicks(null, "gb", "wb", null, null)))
                .contains(new GoogleClick("gbraid", "gb"));
        assertThat(GoogleClick.of(new Clicks(" ", null, "wb", null, null)))
                .contains(new GoogleClick("wbraid", "wb"));
    }

    @Test
    void noneWithoutAGoogleClickId() {
        assertThat(GoogleClick.of(new Clicks(null, "", null, "fb", "ms"))).isEmpty();
        assertThat(GoogleClick.of(Clicks.NONE)).isEmpty();
        assertThat(GoogleClick.of(null)).isEmpty();
    }
}
