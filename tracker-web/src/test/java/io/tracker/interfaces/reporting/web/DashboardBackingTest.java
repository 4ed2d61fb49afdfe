package io.tracker.interfaces.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.attribution.AttributionModel;
import org.junit.jupiter.api.Test;

class DashboardBackingTest {

    @Test
    void everyModelIsOfferedWithALabelAndADescription() {
        assertThat(new DashboardBacking().getModels()).containsExactly(AttributionModel.values());
        assertThat(DashboardBacking.LABELS).containsOnlyKeys(AttributionModel.values());
        assertThat(DashboardBacking.DESCRIPTIONS).containsOnlyKeys(AttributionModel.values());
        assertThat(DashboardBacking.LABELS.values()).doesNotHaveDuplicates().allSatisfy(l -> assertThat(l).isNotBlank());
    }
}
