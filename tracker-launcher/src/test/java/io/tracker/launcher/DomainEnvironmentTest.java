package io.tracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.launcher.database.DatabaseChoice;
import io.tracker.launcher.database.JdbcUrl;
import io.tracker.launcher.payara.CommandFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainEnvironmentTest {

    private final DatabaseChoice local = new DatabaseChoice(JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/tracker"),
            "postgres", "", "local", false);

    @Test
    void theApplicationConnectsAsItsOwnRoleAndTheOwnerOnlyMigrates() {
        Map<String, String> env = DomainEnvironment.of(Map.of("TRACKER_DB_USER", "postgres",
                "TRACKER_DB_PASSWORD", "owner-secret"), local, "app-secret", Map.of());

        assertThat(env).containsEntry("TRACKER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/tracker")
                .containsEntry("TRACKER_DB_USER", "tracker_app").containsEntry("TRACKER_DB_PASSWORD", "app-secret")
                .containsEntry("TRACKER_DB_OWNER_USER", "postgres")
                .containsEntry("TRACKER_DB_OWNER_PASSWORD", DomainEnvironment.NO_PASSWORD);
    }

    @Test
    void theUsersOtherSettingsPassButTheLaunchersOwnDoNot() {
        Map<String, String> env = DomainEnvironment.of(Map.of("TRACKER_OIDC_AUDIENCE", "api", "TRACKER_HTTP_PORT", "9090",
                "TRACKER_API_KEY", "trk_x", "TRACKER_AUTOMATION_CLIENT_SECRET", "s", "PATH", "/bin"), local, "p",
                Map.of("TRACKER_PUBLIC_URL", "http://localhost:9090"));

        assertThat(env).containsEntry("TRACKER_OIDC_AUDIENCE", "api").containsEntry("TRACKER_PUBLIC_URL", "http://localhost:9090")
                .doesNotContainKeys("TRACKER_HTTP_PORT", "TRACKER_API_KEY", "TRACKER_AUTOMATION_CLIENT_SECRET", "PATH");
    }

    @Test
    void everyVariableTheCommandFilesReferToIsProvided() {
        Map<String, String> env = DomainEnvironment.of(Map.of(), local, "p", Map.of());

        assertThat(env).containsKeys(CommandFiles.of(Path.of("..").toAbsolutePath().normalize())
                .environmentVariables().toArray(String[]::new));
    }
}
