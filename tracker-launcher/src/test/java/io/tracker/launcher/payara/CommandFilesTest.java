package io.tracker.launcher.payara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.launcher.support.LaunchException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's own command files (docker/payara), shared by the container image and the launcher. */
class CommandFilesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theSharedFilesReferOnlyToTheDatabaseVariablesOfTheContract() {
        CommandFiles files = CommandFiles.of(REPOSITORY);

        assertThat(files.environmentVariables()).containsExactly("TRACKER_DB_OWNER_PASSWORD", "TRACKER_DB_OWNER_USER",
                "TRACKER_DB_PASSWORD", "TRACKER_DB_URL", "TRACKER_DB_USER");
    }

    @Test
    void everyLineIsOneAsadminCommandThatABootFileAccepts() {
        CommandFiles files = CommandFiles.of(REPOSITORY);

        assertThat(CommandFiles.commands(files.preBoot())).isNotEmpty()
                .allSatisfy(command -> assertThat(command).startsWith("set "));
        assertThat(CommandFiles.commands(files.postBoot())).isNotEmpty()
                .allSatisfy(command -> assertThat(command).matches("(set|create-jdbc-connection-pool|create-jdbc-resource) .+"));
    }

    @Test
    void theServersDoorsAreClosedByThePreBootFile() {
        String preBoot = String.join("\n", CommandFiles.commands(CommandFiles.of(REPOSITORY).preBoot()));

        assertThat(preBoot)
                .contains("network-listener.admin-listener.address=127.0.0.1")
                .contains("jmx-connector.system.enabled=false")
                .contains("network-listener.http-listener-2.enabled=false")
                .contains("microprofile-metrics-configuration.enabled=false")
                .contains("microprofile-openapi-configuration.enabled=false")
                .contains("http-thread-pool.max-thread-pool-size=64");
        for (String protocol : new String[] {"http-listener-1", "http-listener-2", "admin-listener"}) {
            assertThat(preBoot).contains("protocol." + protocol + ".http.server-header=false")
                    .contains("protocol." + protocol + ".http.xpowered-by=false");
        }
    }

    @Test
    void bothPoolsOfTheContractAreDefined() {
        String postBoot = String.join("\n", CommandFiles.commands(CommandFiles.of(REPOSITORY).postBoot()));

        assertThat(postBoot).contains("--connectionpoolid=tracker-pool jdbc/tracker\n")
                .contains("--connectionpoolid=tracker-migration-pool jdbc/tracker-migration")
                .contains("tracker-pool.property.user=${ENV=TRACKER_DB_USER}")
                .contains("tracker-migration-pool.property.user=${ENV=TRACKER_DB_OWNER_USER}");
    }

    @Test
    void aMissingFileIsReported(@TempDir Path empty) throws Exception {
        Files.createDirectories(empty.resolve("docker/payara"));
        Files.writeString(empty.resolve("docker/payara/pre-boot-commands.asadmin"), "# nothing\n");

        assertThatThrownBy(() -> CommandFiles.of(empty)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("post-boot-commands.asadmin");
    }
}
