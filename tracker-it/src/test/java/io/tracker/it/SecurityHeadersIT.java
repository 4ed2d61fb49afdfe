package io.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.net.http.HttpRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every response says about itself on the wire, read with a plain HTTP client: {@code
 * X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} and a Content-Security-Policy
 * on a page, an API answer (success and error), a static resource and an error page; pages get the
 * page policy with a fresh script nonce that their scripts carry, everything else a policy under
 * which nothing runs. The session cookie is {@code HttpOnly; SameSite=Lax}. {@code POST /app/sign-out}
 * answers 403 unless it comes from Tracker's own origin. The API module's plain servlets ({@code /},
 * {@code /v1/ping}) answer without any filter and never open a session. (That the pages still work under the
 * policy, and that a signed-in person's sign-out from another origin is refused while the button
 * works, is checked in Chromium by the browser tests.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    /** The policy of everything that is not a page. */
    private static final String NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");

    private final TrackerClient client = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    /** The UI's public landing page. */
    private static final String LANDING = "app/welcome.xhtml";

    @Test
    void pagesCarryThePagePolicyWithANonceTheirScriptsCarry() {
        ApiResponse landing = get(LANDING);
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.contentType()).isEqualTo("text/html");
        assertCommonHeaders(landing);
        String policy = landing.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                "base-uri 'self'", "form-action 'self' http://localhost:");
        assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        String nonce = nonce(policy);
        // Every script element of the page carries this request's nonce (else the browser would refuse it).
        List<String> scriptTags = Pattern.compile("<script[^>]*>").matcher(landing.body()).results()
                .map(m -> m.group()).toList();
        assertThat(scriptTags).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\""));
        // Its server time (ServerTimingFilter), and the whole page after it.
        assertThat(landing.header("Server-Timing")).matches("app;dur=\\d+\\.\\d");
        assertThat(landing.body().strip()).endsWith("</html>");
        // A new nonce for every response; the landing page stays without a session.
        assertThat(nonce(get(LANDING).header("Content-Security-Policy"))).isNotEqualTo(nonce);
        assertThat(landing.headers().get("set-cookie")).isNull();
    }

    @Test
    void apiAnswersCarryThePolicyUnderWhichNothingRuns() {
        ApiResponse refused = get("api/v1/campaigns");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertCommonHeaders(refused);
        assertThat(refused.header("Content-Security-Policy")).isEqualTo(NOTHING);

        TestTenant tenant = client.createTenant("Headers shop", ZoneId.of("UTC"), "EUR");
        ApiResponse ok = client.get("api/v1/campaigns", tenant.apiKey());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.contentType()).isEqualTo("application/json");
        assertCommonHeaders(ok);
        assertThat(ok.header("Content-Security-Policy")).isEqualTo(NOTHING);
    }

    @Test
    void staticResourcesAndErrorPagesCarryTheHeadersToo() {
        ApiResponse css = get("app/jakarta.faces.resource/css/tracker.css.xhtml");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).isEqualTo("text/css");
        assertCommonHeaders(css);
        assertThat(css.header("Content-Security-Policy")).isEqualTo(NOTHING);
        assertThat(css.header("Server-Timing")).as("a resource, not a page").isNull();

        // A missing page (Faces) and a missing file (the default servlet) both show the 404 page. (Among the
        // public paths: elsewhere in the UI module an unknown path is a signed-in page, so sign-in comes first.)
        for (String missing : List.of("app/errors/no-such-page.xhtml", "app/errors/no-such-file")) {
            ApiResponse notFound = get(missing);
            assertThat(notFound.status()).as(missing).isEqualTo(404);
            assertThat(notFound.body()).as(missing).contains("id=\"error-404\"");
            assertCommonHeaders(notFound);
            nonce(notFound.header("Content-Security-Policy"));
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        // A signed-in page first sends the browser to the identity provider and opens the session.
        ApiResponse redirect = get("app/dashboard.xhtml");
        assertThat(redirect.status()).isEqualTo(302);
        List<String> cookies = redirect.headers().get("set-cookie");
        assertThat(cookies).as(redirect.headers().toString()).isNotNull();
        String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
        List<String> attributes = List.of(session.toLowerCase(java.util.Locale.ROOT).split("\\s*;\\s*"));
        assertThat(attributes).contains("httponly", "samesite=lax");
    }

    @Test
    void signOutFromAnotherOriginOrWithoutOneIsRefused() {
        String own = TrackerClient.BASE_URL.toString().replaceAll("/$", "");
        assertThat(signOut("Origin", "http://attacker.example").status()).isEqualTo(403);
        assertThat(signOut("Origin", own.replace("localhost", "127.0.0.1")).status()).isEqualTo(403);
        assertThat(signOut("Referer", "http://attacker.example/page.html").status()).isEqualTo(403);
        assertThat(signOut("Origin", "null").status()).isEqualTo(403);
        ApiResponse none = signOut(null, null);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body()).contains("id=\"error-403\"");
        assertCommonHeaders(none);

        // From Tracker's own pages (here without a sign-in): on to the landing page.
        ApiResponse own1 = signOut("Origin", own);
        assertThat(own1.status()).isEqualTo(302);
        assertThat(own1.header("Location")).isIn(own + "/" + LANDING, "/" + LANDING);
        assertThat(signOut("Referer", own + "/app/dashboard.xhtml").status()).isEqualTo(302);
    }

    @Test
    void theApiModulesPlainServletsAnswerWithoutSessionOrFilter() {
        ApiResponse root = get("");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).isIn(TrackerClient.BASE_URL + LANDING, "/" + LANDING);
        assertThat(root.headers().get("set-cookie")).isNull();

        ApiResponse ping = get("v1/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.contentType()).isEqualTo("text/plain");
        assertThat(ping.body()).isEqualTo("ok");
        assertThat(ping.headers().get("set-cookie")).isNull();
        // No filter outside /api: what the collection endpoints need, they set themselves.
        assertThat(ping.headers().get("content-security-policy")).isNull();
    }

    private ApiResponse signOut(String header, String value) {
        HttpRequest.Builder request = client.request("app/sign-out").POST(HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return client.send(request);
    }

    private ApiResponse get(String path) {
        return client.send(client.request(path).GET());
    }

    private static void assertCommonHeaders(ApiResponse r) {
        assertThat(r.header("X-Content-Type-Options")).as("nosniff on " + r).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).as("Referrer-Policy on " + r).isEqualTo("same-origin");
        assertThat(r.headers().get("content-security-policy")).as("one CSP on " + r).hasSize(1);
    }

    private static String nonce(String policy) {
        Matcher m = NONCE.matcher(String.valueOf(policy));
        assertThat(m.find()).as("a page policy with a nonce: " + policy).isTrue();
        assertThat(policy).as("script-src is the last directive").endsWith("';");
        return m.group(1);
    }
}
