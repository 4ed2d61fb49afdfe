package io.tracker.launcher;

import io.tracker.launcher.support.Ports;
import java.time.Duration;
import java.util.Map;

/**
 * The configuration of {@code ./run}: the README's environment variables, read once. Port numbers and
 * the timeout are checked here, so that a typo is reported before anything starts.
 *
 * @param httpPort TRACKER_HTTP_PORT (default 8080)
 * @param portBase TRACKER_PORT_BASE (default 4800): Payara's port base when the domain is created
 * @param databaseUrl TRACKER_DB_URL or null
 * @param databaseUser TRACKER_DB_USER (default postgres): the database's owner/administrator
 * @param databasePassword TRACKER_DB_PASSWORD (default empty)
 * @param forceEmbeddedDatabase TRACKER_FORCE_EMBEDDED_PG=1
 * @param embeddedDatabasePort TRACKER_EMBEDDED_PG_PORT (default 5433)
 * @param embeddedDatabaseOsUser TRACKER_PG_OS_USER (default nobody), used under root only
 * @param demoApiKey TRACKER_DEMO_API_KEY or null (then generated once)
 * @param importApiKey TRACKER_API_KEY or null (then the demo key)
 * @param startTimeout TRACKER_START_TIMEOUT in seconds (default 180)
 * @param keycloakPort TRACKER_KEYCLOAK_PORT (default 8180)
 * @param oidcIssuer TRACKER_OIDC_ISSUER or null (then the local Keycloak)
 * @param oidcClientId TRACKER_OIDC_CLIENT_ID or null
 * @param oidcClientSecret TRACKER_OIDC_CLIENT_SECRET or null (then generated once)
 * @param automationClientSecret TRACKER_AUTOMATION_CLIENT_SECRET or null (then generated once)
 * @param publicUrl TRACKER_PUBLIC_URL without trailing slash (default http://localhost:httpPort)
 */
public record Settings(int httpPort, int portBase, String databaseUrl, String databaseUser, String databasePassword,
        boolean forceEmbeddedDatabase, int embeddedDatabasePort, String embeddedDatabaseOsUser, String demoApiKey,
        String importApiKey, Duration startTimeout, int keycloakPort, String oidcIssuer, String oidcClientId,
        String oidcClientSecret, String automationClientSecret, String publicUrl) {

    /** The client of the dashboards in the local Keycloak's realm. */
    public static final String WEB_CLIENT_ID = "tracker-web";

    /** Reads the settings from an environment (normally {@link System#getenv()}). */
    public static Settings from(Map<String, String> env) {
        int httpPort = Ports.parse("TRACKER_HTTP_PORT", env.getOrDefault("TRACKER_HTTP_PORT", "8080"));
        int portBase = Ports.parse("TRACKER_PORT_BASE", env.getOrDefault("TRACKER_PORT_BASE", "4800"));
        if (portBase + 100 > 65535) {
            throw new io.tracker.launcher.support.LaunchException("TRACKER_PORT_BASE must leave room for base + 100");
        }
        String publicUrl = value(env, "TRACKER_PUBLIC_URL");
        publicUrl = publicUrl == null ? "http://localhost:" + httpPort : publicUrl.replaceAll("/+$", "");
        String timeout = env.getOrDefault("TRACKER_START_TIMEOUT", "180");
        if (!timeout.matches("\\d{1,5}")) {
            throw new io.tracker.launcher.support.LaunchException("TRACKER_START_TIMEOUT must be a number of seconds");
        }
        return new Settings(httpPort, portBase, value(env, "TRACKER_DB_URL"),
                env.getOrDefault("TRACKER_DB_USER", "postgres"), env.getOrDefault("TRACKER_DB_PASSWORD", ""),
                "1".equals(env.get("TRACKER_FORCE_EMBEDDED_PG")),
                Ports.parse("TRACKER_EMBEDDED_PG_PORT", env.getOrDefault("TRACKER_EMBEDDED_PG_PORT", "5433")),
                env.getOrDefault("TRACKER_PG_OS_USER", "nobody"), value(env, "TRACKER_DEMO_API_KEY"),
                value(env, "TRACKER_API_KEY"), Duration.ofSeconds(Long.parseLong(timeout)),
                Ports.parse("TRACKER_KEYCLOAK_PORT", env.getOrDefault("TRACKER_KEYCLOAK_PORT", "8180")),
                value(env, "TRACKER_OIDC_ISSUER"), value(env, "TRACKER_OIDC_CLIENT_ID"),
                value(env, "TRACKER_OIDC_CLIENT_SECRET"), value(env, "TRACKER_AUTOMATION_CLIENT_SECRET"), publicUrl);
    }

    /** Whether sign-in goes to the user's own provider (TRACKER_OIDC_ISSUER), so no local Keycloak starts. */
    public boolean externalIdentityProvider() {
        return oidcIssuer != null;
    }

    /** The admin port a new domain gets: port base + 48. */
    public int adminPort() {
        return portBase + 48;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
