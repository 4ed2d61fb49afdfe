package io.tracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.launcher.support.LaunchException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSettingsTest {

    private final Map<String, String> properties = new HashMap<>(Map.of("tracker.it.state-dir", "/tmp/it-stack",
            "tracker.it.properties-file", "/tmp/it.properties", "it.port-base", "31000", "it.admin-port", "31048",
            "it.http-port", "31080", "it.keycloak-port", "31180", "it.oidc-client-secret", "w",
            "it.automation-client-secret", "a", "it.keycloak-admin-password", "k"));

    @Test
    void theBuildsPortsAndTheTestDatabaseAreRead() {
        TestSettings s = TestSettings.from(properties::get,
                Map.of("TRACKER_IT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/tracker_a_it"));

        assertThat(s.state()).isEqualTo(Path.of("/tmp/it-stack"));
        assertThat(s.adminPort()).isEqualTo(31048);
        assertThat(s.publicUrl()).isEqualTo("http://localhost:31080");
        assertThat(s.databaseUrl()).endsWith("/tracker_a_it");
        assertThat(s.databaseUser()).isEqualTo("postgres");
        assertThat(s.failsafeSummary()).isNull();
        assertThat(TestSettings.from(properties::get, Map.of()).databaseUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/tracker_it");
    }

    @Test
    void anAdminPortOtherThanBasePlus48OrAMissingPropertyIsRefused() {
        properties.put("it.admin-port", "31049");
        assertThatThrownBy(() -> TestSettings.from(properties::get, Map.of())).isInstanceOf(LaunchException.class)
                .hasMessageContaining("31048");
        properties.put("it.admin-port", "31048");
        properties.remove("it.keycloak-port");
        assertThatThrownBy(() -> TestSettings.from(properties::get, Map.of())).isInstanceOf(LaunchException.class)
                .hasMessageContaining("it.keycloak-port");
    }
}
