package io.tracker.interfaces.attribution.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PathAnalysesResourceTest {

    @Test
    void separatorsAreSemicolonByDefaultCommaOrTab() {
        assertThat(PathAnalysesResource.separator(null)).isEqualTo(';');
        assertThat(PathAnalysesResource.separator("")).isEqualTo(';');
        assertThat(PathAnalysesResource.separator(";")).isEqualTo(';');
        assertThat(PathAnalysesResource.separator(",")).isEqualTo(',');
        assertThat(PathAnalysesResource.separator("\t")).isEqualTo('\t');
        assertThat(PathAnalysesResource.separator("TAB")).isEqualTo('\t');
        assertThatThrownBy(() -> PathAnalysesResource.separator("|")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sep must be");
        assertThatThrownBy(() -> PathAnalysesResource.separator(";;")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void numbersArePlainDecimals() {
        assertThat(PathAnalysesResource.round(2.0000000000000004, 6).toString()).isEqualTo("2");
        assertThat(PathAnalysesResource.round(60.0, 2).toString()).isEqualTo("60");
        assertThat(PathAnalysesResource.round(1.0 / 3, 6).toString()).isEqualTo("0.333333");
        assertThat(PathAnalysesResource.round(0.0, 2).toString()).isEqualTo("0");
    }
}
