package io.tracker.launcher;

import io.tracker.launcher.support.LaunchException;
import io.tracker.launcher.support.Ports;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The configuration of the test servers, from tracker-it's build (system properties of the launcher's
 * JVM) and the environment (the test database).
 *
 * @param state folder for Payara, the domain, Keycloak and the generated secrets (tracker-it/target/it-stack)
 * @param portBase it.port-base (admin = base + 48, JMX = base + 86)
 * @param adminPort it.admin-port, must be base + 48
 * @param httpPort it.http-port
 * @param keycloakPort it.keycloak-port
 * @param databaseUrl TRACKER_IT_DB_URL (default jdbc:postgresql://127.0.0.1:5432/tracker_it; dropped and recreated!)
 * @param databaseUser TRACKER_IT_DB_USER (default postgres): owner of the test database
 * @param databasePassword TRACKER_IT_DB_PASSWORD (default empty)
 * @param oidcClientSecret test-only secret of tracker-web
 * @param automationClientSecret test-only secret of tracker-automation
 * @param keycloakAdminPassword test-only password of Keycloak's bootstrap admin
 * @param propertiesFile where it-start writes the generated values for failsafe
 * @param failsafeSummary failsafe-summary.xml, read by it-stop (may not exist)
 */
public record TestSettings(Path state, int portBase, int adminPort, int httpPort, int keycloakPort, String databaseUrl,
        String databaseUser, String databasePassword, String oidcClientSecret, String automationClientSecret,
        String keycloakAdminPassword, Path propertiesFile, Path failsafeSummary) {

    /** Reads the settings from system properties ({@code properties}) and the environment ({@code env}). */
    public static TestSettings from(Function<String, String> properties, Map<String, String> env) {
        Function<String, String> required = name -> {
            String value = properties.apply(name);
            if (value == null || value.isBlank()) {
                throw new LaunchException("system property " + name + " is missing");
            }
            return value;
        };
        int base = Ports.parse("it.port-base", required.apply("it.port-base"));
        int admin = Ports.parse("it.admin-port", required.apply("it.admin-port"));
        if (admin != base + 48) {
            throw new LaunchException("it.admin-port must be it.port-base + 48 (" + (base + 48) + "), not " + admin);
        }
        String summary = properties.apply("tracker.it.failsafe-summary");
        return new TestSettings(Path.of(required.apply("tracker.it.state-dir")), base, admin,
                Ports.parse("it.http-port", required.apply("it.http-port")),
                Ports.parse("it.keycloak-port", required.apply("it.keycloak-port")),
                env.getOrDefault("TRACKER_IT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/tracker_it"),
                env.getOrDefault("TRACKER_IT_DB_USER", "postgres"), env.getOrDefault("TRACKER_IT_DB_PASSWORD", ""),
                required.apply("it.oidc-client-secret"), required.apply("it.automation-client-secret"),
                required.apply("it.keycloak-admin-password"), Path.of(required.apply("tracker.it.properties-file")),
                summary == null ? null : Path.of(summary));
    }

    /** Tracker's URL in the browser: http://localhost:httpPort. */
    public String publicUrl() {
        return "http://localhost:" + httpPort;
    }
}
