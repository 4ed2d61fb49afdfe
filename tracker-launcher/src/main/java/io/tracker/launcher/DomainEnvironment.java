package io.tracker.launcher;

import io.tracker.launcher.database.DatabaseChoice;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a Payara domain is started with: MicroProfile Config reads Tracker's settings from
 * it, and the command files' {@code ${ENV=...}} references (database URL, roles, passwords) resolve
 * against it.
 */
public final class DomainEnvironment {

    /**
     * Settings of the launcher itself, kept out of the domain's environment (a change of one of them
     * must not restart the domain). TRACKER_DB_USER/PASSWORD are the owner's here; the domain gets the
     * application role's under the same names.
     */
    static final Set<String> LAUNCHER_ONLY = Set.of("TRACKER_HTTP_PORT", "TRACKER_PORT_BASE", "TRACKER_DB_URL",
            "TRACKER_DB_USER", "TRACKER_DB_PASSWORD", "TRACKER_FORCE_EMBEDDED_PG", "TRACKER_EMBEDDED_PG_PORT",
            "TRACKER_PG_OS_USER", "TRACKER_API_KEY", "TRACKER_START_TIMEOUT", "TRACKER_SKIP_BUILD",
            "TRACKER_KEYCLOAK_PORT", "TRACKER_AUTOMATION_CLIENT_SECRET");

    /**
     * Payara's pool refuses to connect without a password property; a server with trust authentication
     * ignores this placeholder, and any other refuses it like an empty one.
     */
    static final String NO_PASSWORD = "unused";

    private DomainEnvironment() {
    }

    /**
     * The domain's {@code TRACKER_*} environment: the user's own {@code TRACKER_*} variables (other
     * MicroProfile Config values such as TRACKER_OIDC_AUDIENCE) without the launcher's settings, plus
     * the database roles and the sign-in values chosen by the launcher.
     */
    public static Map<String, String> of(Map<String, String> userEnvironment, DatabaseChoice database,
            String applicationPassword, Map<String, String> application) {
        Map<String, String> environment = new TreeMap<>();
        userEnvironment.forEach((name, value) -> {
            if (name.startsWith("TRACKER_") && !LAUNCHER_ONLY.contains(name)) {
                environment.put(name, value);
            }
        });
        environment.put("TRACKER_DB_URL", database.url().url());
        environment.put("TRACKER_DB_USER", database.url().applicationRole());
        environment.put("TRACKER_DB_PASSWORD", applicationPassword);
        environment.put("TRACKER_DB_OWNER_USER", database.ownerUser());
        environment.put("TRACKER_DB_OWNER_PASSWORD",
                database.ownerPassword().isEmpty() ? NO_PASSWORD : database.ownerPassword());
        environment.putAll(application);
        return environment;
    }
}
