package io.tracker.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Client side: the Keycloak that the build started for the tests (the launcher's {@code it-start}:
 * realm {@code tracker} imported from {@code docker/keycloak/tracker-realm.json} with test-only
 * client secrets), and the tokens tests need from it that need no browser: the client-credentials
 * token of the {@code tracker-automation} service account, a token of Keycloak's own {@code master}
 * realm, and tokens of test-only clients made through Keycloak's admin API. For people's tokens see
 * {@link KeycloakLogin}.
 *
 * <p>System properties (set by failsafe): {@code tracker.it.keycloak-url} (default
 * {@code http://localhost:28180/}), {@code tracker.it.oidc-client-secret},
 * {@code tracker.it.automation-client-secret}, {@code tracker.it.keycloak-admin-password}.
 */
public final class Keycloak {

    /** Keycloak's base URL, ending in {@code /}. */
    public static final URI BASE_URL = URI.create(System.getProperty("tracker.it.keycloak-url", "http://localhost:28180/"));
    /** The realm Tracker trusts. */
    public static final String REALM = "tracker";
    /** The issuer Tracker checks ({@code TRACKER_OIDC_ISSUER} of the test domain). */
    public static final String ISSUER = BASE_URL.resolve("realms/" + REALM).toString();
    /** Tracker's browser client (authorization-code flow). */
    public static final String WEB_CLIENT_ID = "tracker-web";
    /** The machine client of the realm (client-credentials grant). */
    public static final String AUTOMATION_CLIENT_ID = "tracker-automation";
    /** E-mail address of {@value #AUTOMATION_CLIENT_ID}'s service account, as its tokens carry it. */
    public static final String AUTOMATION_EMAIL = "automation@demo-agency.example";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Keycloak() {
    }

    /** The secret of {@value #WEB_CLIENT_ID} in the test realm. */
    public static String webClientSecret() {
        return property("tracker.it.oidc-client-secret");
    }

    /** The token endpoint of a realm. */
    public static URI tokenEndpoint(String realm) {
        return BASE_URL.resolve("realms/" + realm + "/protocol/openid-connect/token");
    }

    /** The authorization endpoint of the {@value #REALM} realm. */
    public static URI authorizationEndpoint() {
        return BASE_URL.resolve("realms/" + REALM + "/protocol/openid-connect/auth");
    }

    /** A client-credentials access token of {@value #AUTOMATION_CLIENT_ID} (e-mail {@value #AUTOMATION_EMAIL}). */
    public static OidcTokens automationTokens() {
        return clientCredentials(AUTOMATION_CLIENT_ID, property("tracker.it.automation-client-secret"));
    }

    /** A client-credentials access token of a confidential client of the {@value #REALM} realm. */
    public static OidcTokens clientCredentials(String clientId, String secret) {
        return tokens(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /**
     * An access token of Keycloak's bootstrap admin in the {@code master} realm (password grant of
     * Keycloak's own {@code admin-cli} client): genuine and signed by this Keycloak, but by another
     * realm, for another audience.
     */
    public static OidcTokens masterAdminTokens() {
        return tokens("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", property("tracker.it.keycloak-admin-password")));
    }

    /**
     * Creates (unless it exists) a confidential test-only client in the {@value #REALM} realm with a
     * service account and the same {@code tracker-api} audience as Tracker's own clients, whose
     * access tokens live only {@code tokenLifespanSeconds}. It exists only in this build's Keycloak;
     * the realm file is untouched.
     */
    public static void ensureServiceAccountClient(String clientId, String secret, int tokenLifespanSeconds) {
        JsonObject client = Json.createObjectBuilder()
                .add("clientId", clientId)
                .add("enabled", true)
                .add("protocol", "openid-connect")
                .add("publicClient", false)
                .add("secret", secret)
                .add("standardFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("serviceAccountsEnabled", true)
                .add("attributes", Json.createObjectBuilder()
                        .add("access.token.lifespan", String.valueOf(tokenLifespanSeconds)))
                .add("protocolMappers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "tracker-api audience")
                        .add("protocol", "openid-connect")
                        .add("protocolMapper", "oidc-audience-mapper")
                        .add("config", Json.createObjectBuilder()
                                .add("included.custom.audience", "tracker-api")
                                .add("access.token.claim", "true")
                                .add("id.token.claim", "false"))))
                .build();
        HttpResponse<String> r = send(HttpRequest.newBuilder(BASE_URL.resolve("admin/realms/" + REALM + "/clients"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + masterAdminTokens().accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())));
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new AssertionError("creating the Keycloak client " + clientId + " failed: HTTP " + r.statusCode()
                    + " " + r.body());
        }
    }

    private static OidcTokens tokens(String realm, Map<String, String> form) {
        Instant sent = Instant.now();
        HttpResponse<String> r = send(HttpRequest.newBuilder(tokenEndpoint(realm)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        if (r.statusCode() != 200) {
            throw new AssertionError("Keycloak's token endpoint of realm " + realm + " answered HTTP "
                    + r.statusCode() + ": " + r.body());
        }
        return OidcTokens.of(json(r.body()), sent);
    }

    /** {@code application/x-www-form-urlencoded} text of these fields, in the map's order. */
    static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("HTTP request to " + request.build().uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (failsafe sets it; see tracker-it/pom.xml)");
        }
        return value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
