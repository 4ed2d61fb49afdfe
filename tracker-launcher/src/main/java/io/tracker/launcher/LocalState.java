package io.tracker.launcher;

import java.nio.file.Path;

/**
 * The files of {@code ./run} in the state folder {@code .tracker/} (git-ignored): what survives between
 * runs, including every generated secret.
 *
 * @param root the state folder
 */
public record LocalState(Path root) {

    public static final String DOMAIN = "tracker";

    public Path domains() {
        return root.resolve("domains");
    }

    /** asadmin password file of the domain's admin user ({@code AS_ADMIN_PASSWORD=...}). */
    public Path payaraPasswordFile() {
        return root.resolve("payara-admin-password");
    }

    public Path keycloakHome() {
        return root.resolve("keycloak");
    }

    public Path demoApiKey() {
        return root.resolve("demo-api-key");
    }

    public Path oidcClientSecret() {
        return root.resolve("oidc-client-secret");
    }

    public Path automationClientSecret() {
        return root.resolve("automation-client-secret");
    }

    /** The password of the application's database role {@code role}. */
    public Path databaseRolePassword(String role) {
        return root.resolve("db-" + role + "-password");
    }

    /** The HTTP port of the last start (for status, import and logs). */
    public Path httpPort() {
        return root.resolve("http-port");
    }

    /** The local Keycloak's port of the last start. */
    public Path keycloakPort() {
        return root.resolve("keycloak-port");
    }

    /** The issuer the last start gave Tracker. */
    public Path oidcIssuer() {
        return root.resolve("oidc-issuer");
    }

    public Path serverLog() {
        return domains().resolve(DOMAIN).resolve("logs/server.log");
    }
}
