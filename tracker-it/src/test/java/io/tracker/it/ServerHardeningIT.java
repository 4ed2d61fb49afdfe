package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.it.support.Deployments;
import io.tracker.it.support.Keycloak;
import io.tracker.it.support.TrackerClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's doors, tried from outside as an attacker would, against the test domain that the launcher
 * starts with the same command files as {@code ./run} and the container image: Payara's admin API and
 * JMX refuse anonymous callers, the admin API accepts the generated credential, MicroProfile Metrics and
 * OpenAPI answer nobody anonymous, no response names the server's product and version, and the realm
 * gives no password oracle (no password grant for its {@code admin-cli}) and locks out password guessing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerHardeningIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final int ADMIN_PORT = Integer.parseInt(System.getProperty("tracker.it.admin-port"));
    private static final URI LIST_APPLICATIONS =
            URI.create("http://localhost:" + ADMIN_PORT + "/management/domain/applications/list-applications");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(ServerHardeningIT.class);
    }

    @Test
    void adminApiRefusesAnAnonymousCaller() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(LIST_APPLICATIONS)
                .header("Accept", "application/json").GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("tracker");
    }

    @Test
    void adminApiRefusesAWrongPasswordAndAcceptsTheGeneratedOne() throws Exception {
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(LIST_APPLICATIONS)
                .header("Accept", "application/json").header("Authorization", basic("admin", "admin")).GET());
        HttpResponse<String> admin = send(HttpRequest.newBuilder(LIST_APPLICATIONS)
                .header("Accept", "application/json")
                .header("Authorization", basic(System.getProperty("tracker.it.admin-user"),
                        System.getProperty("tracker.it.admin-password"))).GET());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(admin.statusCode()).isEqualTo(200);
        // This class's own deployment is among the applications the authenticated caller sees.
        assertThat(admin.body()).contains("\"exit_code\":\"SUCCESS\"");
    }

    @Test
    void jmxRefusesAnAnonymousCaller() {
        int jmxPort = Integer.parseInt(System.getProperty("tracker.it.jmx-port"));
        JMXServiceURL url;
        try {
            url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi");
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        // Off (nothing listens: IOException) or on with the admin realm (SecurityException): never connected.
        assertThatThrownBy(() -> JMXConnectorFactory.connect(url, new HashMap<>()).close())
                .isInstanceOfAny(IOException.class, SecurityException.class);
    }

    @Test
    void metricsAndOpenApiAnswerNoAnonymousCaller() throws Exception {
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(TrackerClient.BASE_URL.resolve("metrics"))
                .header("Accept", "text/plain").GET());
        HttpResponse<String> openApi = send(HttpRequest.newBuilder(TrackerClient.BASE_URL.resolve("openapi"))
                .header("Accept", "application/yaml").GET());

        // Whatever answers instead (the application's own error page), it is a refusal without the data.
        assertThat(metrics.statusCode()).isBetween(400, 499);
        assertThat(metrics.body()).doesNotContain("# TYPE").doesNotContain("base_");
        assertThat(openApi.statusCode()).isBetween(400, 499);
        assertThat(openApi.body()).doesNotContain("openapi:").doesNotContain("/api/v1/");
    }

    @Test
    void noResponseNamesTheServerOrItsVersion() throws Exception {
        List<URI> pages = List.of(TrackerClient.BASE_URL.resolve("health"), TrackerClient.BASE_URL,
                TrackerClient.BASE_URL.resolve("api/v1/reports/summary"), TrackerClient.BASE_URL.resolve("no-such-page"),
                TrackerClient.BASE_URL.resolve("v1/ping"), TrackerClient.BASE_URL.resolve("app/welcome.xhtml"),
                TrackerClient.BASE_URL.resolve("app/errors/no-such-page"));
        for (URI page : pages) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(page).GET());

            assertThat(response.headers().firstValue("Server")).as("Server header of %s", page).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).as("X-Powered-By of %s", page).isEmpty();
            assertThat(response.body()).as("body of %s", page).doesNotContain("Payara Server");
        }
        // The admin listener (127.0.0.1 only) sends no banner header either; its own pages name the product.
        HttpResponse<String> admin = send(HttpRequest.newBuilder(LIST_APPLICATIONS).GET());
        assertThat(admin.headers().firstValue("Server")).isEmpty();
        assertThat(admin.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void realmsAdminCliAllowsNoPasswordGrant() throws Exception {
        HttpResponse<String> token = send(HttpRequest.newBuilder(Keycloak.tokenEndpoint(Keycloak.REALM))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "viewer@demo-agency.example",
                        "password", "viewer-demo")))));

        assertThat(token.statusCode()).isIn(400, 401);
        assertThat(token.body()).contains("unauthorized_client").doesNotContain("access_token");
    }

    @Test
    void realmLocksAccountsAgainstPasswordGuessing() throws Exception {
        HttpResponse<String> realm = send(HttpRequest.newBuilder(
                        Keycloak.BASE_URL.resolve("admin/realms/" + Keycloak.REALM))
                .header("Authorization", "Bearer " + Keycloak.masterAdminTokens().accessToken()).GET());

        assertThat(realm.statusCode()).isEqualTo(200);
        assertThat(realm.body()).contains("\"bruteForceProtected\":true").contains("\"failureFactor\":5")
                .contains("\"permanentLockout\":false");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
