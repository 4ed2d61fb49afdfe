package io.tracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.launcher.support.LaunchException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theReadmeDefaultsApplyToAnEmptyEnvironment() {
        Settings s = Settings.from(Map.of());

        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.adminPort()).isEqualTo(4848);
        assertThat(s.keycloakPort()).isEqualTo(8180);
        assertThat(s.embeddedDatabasePort()).isEqualTo(5433);
        assertThat(s.databaseUser()).isEqualTo("postgres");
        assertThat(s.databasePassword()).isEmpty();
        assertThat(s.embeddedDatabaseOsUser()).isEqualTo("nobody");
        assertThat(s.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(s.publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.externalIdentityProvider()).isFalse();
        assertThat(s.databaseUrl()).isNull();
    }

    @Test
    void theVariablesOfTheReadmeAreRead() {
        Settings s = Settings.from(Map.of("TRACKER_HTTP_PORT", "9090", "TRACKER_PORT_BASE", "5000",
                "TRACKER_PUBLIC_URL", "https://tracker.example.com//", "TRACKER_FORCE_EMBEDDED_PG", "1",
                "TRACKER_OIDC_ISSUER", "https://sso.example.com/realms/acme", "TRACKER_START_TIMEOUT", "30",
                "TRACKER_DB_URL", "jdbc:postgresql://db/tracker", "TRACKER_DEMO_API_KEY", " "));

        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.adminPort()).isEqualTo(5048);
        assertThat(s.publicUrl()).isEqualTo("https://tracker.example.com");
        assertThat(s.forceEmbeddedDatabase()).isTrue();
        assertThat(s.externalIdentityProvider()).isTrue();
        assertThat(s.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.databaseUrl()).isEqualTo("jdbc:postgresql://db/tracker");
        assertThat(s.demoApiKey()).as("blank means unset").isNull();
    }

    @Test
    void aWrongValueIsReportedBeforeAnythingStarts() {
        assertThatThrownBy(() -> Settings.from(Map.of("TRACKER_HTTP_PORT", "http"))).isInstanceOf(LaunchException.class)
                .hasMessageContaining("TRACKER_HTTP_PORT");
        assertThatThrownBy(() -> Settings.from(Map.of("TRACKER_START_TIMEOUT", "soon"))).isInstanceOf(LaunchException.class)
                .hasMessageContaining("TRACKER_START_TIMEOUT");
        assertThatThrownBy(() -> Settings.from(Map.of("TRACKER_PORT_BASE", "65500"))).isInstanceOf(LaunchException.class);
    }
}
