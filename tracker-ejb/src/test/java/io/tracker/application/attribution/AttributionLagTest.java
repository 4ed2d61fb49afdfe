package io.tracker.application.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributionLagTest {

    @Test
    void summaryForPeople() {
        assertThat(new AttributionLag(0, 0).summary()).isEqualTo("Attribution up to date");
        assertThat(new AttributionLag(1, 0.4).summary()).isEqualTo("Attribution catching up: 1 visitor, oldest 0 s");
        assertThat(new AttributionLag(12, 12.9).summary()).isEqualTo("Attribution catching up: 12 visitors, oldest 12 s");
        assertThat(new AttributionLag(3, 119.5).summary()).isEqualTo("Attribution catching up: 3 visitors, oldest 119 s");
        assertThat(new AttributionLag(3, 120).summary()).isEqualTo("Attribution catching up: 3 visitors, oldest 2 min");
        assertThat(new AttributionLag(3, 7_200).summary()).isEqualTo("Attribution catching up: 3 visitors, oldest 2 h");
    }
}
