package io.tracker.domain.conversion.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The platforms' documented limits (sources on {@link Platform}). */
class PlatformTest {

    @Test
    void rowsPerRequest() {
        assertThat(Platform.GOOGLE_ADS.maxRowsPerRequest()).isEqualTo(2_000);
        assertThat(Platform.MICROSOFT_ADS.maxRowsPerRequest()).isEqualTo(1_000);
        assertThat(Platform.META.maxRowsPerRequest()).isEqualTo(1_000);
    }

    @Test
    void clickWindows() {
        assertThat(Platform.GOOGLE_ADS.clickWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(Platform.MICROSOFT_ADS.clickWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(Platform.META.clickWindow()).isEqualTo(Duration.ofDays(7));
    }
}
