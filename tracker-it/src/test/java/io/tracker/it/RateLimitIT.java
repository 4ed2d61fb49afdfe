package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.touch;
import static io.tracker.it.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.StoredCounts;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's limits: 429 with {@code Retry-After} for a burst of wrong keys from one address (with
 * the documented defaults: 30 refused credentials, then 10 a minute), for a burst on one key, and
 * for a third concurrent import of one tenant (default 2); 413 for an import body over the limit,
 * found from {@code Content-Length} and while streaming, with nothing stored.
 *
 * <p>This class's deployment lowers two limits through a {@code microprofile-config.properties} in
 * a jar in its EAR's {@code lib/} (the way any MicroProfile Config source would), so that a test can reach them
 * quickly: the per-caller bucket (burst {@value #CALLER_BURST}, {@value #CALLER_PER_SECOND} a second;
 * default 40 and 100, which a 2-core test machine cannot outrun reliably) and the import size
 * ({@value #MAX_IMPORT_BYTES} bytes; default 100 MiB). The failed-authentication and import
 * concurrency limits are tested at their defaults.
 *
 * <p>All requests come from 127.0.0.1: the wrong-key burst blocks that address for credentials,
 * so it runs last.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    static final int CALLER_BURST = 20;
    static final int CALLER_PER_SECOND = 2;
    static final int MAX_IMPORT_BYTES = 1 << 20;
    private static final String DAY = "2025-03-10";
    private static final String HEADER = "customer_id,time,interaction,conversion,conversion_value,channel\n";

    private final TrackerClient api = new TrackerClient();

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.tracker(RateLimitIT.class);
        // In the EAR's lib/, where the application's class loader (which Payara's MicroProfile Config reads
        // for an EAR) finds it; a file in the web module's classes is not seen.
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "rate-limit-it-config.jar").addAsResource(new StringAsset(
                "tracker.rate.caller.burst=" + CALLER_BURST + "\n"
                        + "tracker.rate.caller.per-second=" + CALLER_PER_SECOND + "\n"
                        + "tracker.imports.max-bytes=" + MAX_IMPORT_BYTES + "\n"),
                "META-INF/microprofile-config.properties"));
        return ear;
    }

    @Test
    @Order(1)
    void aBurstOnOneKeyGets429WithRetryAfterAndOtherKeysAreUnaffected() {
        TestTenant tenant = api.createTenant("burst", ZoneId.of("UTC"), "EUR");
        TestTenant other = api.createTenant("burst bystander", ZoneId.of("UTC"), "EUR");
        String empty = "{\"events\":[]}";
        int allowed = 0;
        ApiResponse throttled = null;
        long start = System.nanoTime();
        for (int i = 0; i < 3 * CALLER_BURST && throttled == null; i++) {
            ApiResponse r = api.postEvents(tenant.apiKey(), empty);
            if (r.status() == 429) {
                throttled = r;
            } else {
                assertProblem(r, 422);
                allowed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(throttled).as("a 429 within %d requests", 3 * CALLER_BURST).isNotNull();
        assertThat(assertProblem(throttled, 429)).contains("too many requests with this credential");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(allowed).as("the burst, plus what refilled in %.1f s", seconds)
                .isBetween(CALLER_BURST, CALLER_BURST + (int) Math.ceil(seconds * CALLER_PER_SECOND) + 1);
        assertProblem(api.postEvents(other.apiKey(), empty), 422);
    }

    @Test
    @Order(2)
    void aThirdConcurrentImportOfOneTenantGets429UntilOneFinishes() throws Exception {
        // Two imports whose bodies stay open hold their places; a third import is then refused. The held
        // imports are written by hand on sockets (chunked) so that nothing buffers them. Each probe comes on a
        // connection of its own, opened after the held ones were written, as they did: on the client's pooled
        // connection, already accepted, it overtook them on a quiet machine, every time. A probe can still
        // overtake a held import (then the held one is refused instead): that attempt is discarded and
        // repeated with a fresh tenant, so the test waits for the condition, not for a guessed time.
        List<String> attempts = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            TestTenant tenant = api.createTenant("concurrent imports", ZoneId.of("UTC"), "EUR");
            List<SlowImport> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(new SlowImport(tenant.apiKey(), HEADER + "slow-" + i + "," + DAY + "T10:00:00Z,click,0,,Email\n"));
            }
            ApiResponse refused = null;
            for (int probe = 0; probe < 10 && refused == null; probe++) {
                ApiResponse r = new TrackerClient().post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv",
                        HEADER.getBytes(StandardCharsets.UTF_8));
                if (r.status() == 429) {
                    refused = r;
                } else {
                    assertThat(r.status()).as("%s", r).isEqualTo(200);
                    Thread.sleep(200);
                }
            }
            List<String> answers = new ArrayList<>();
            for (SlowImport i : held) {
                answers.add(i.finish());
            }
            if (refused == null || !answers.stream().allMatch(a -> a.startsWith("HTTP/1.1 200"))) {
                attempts.add("probe refused: " + (refused != null) + ", held answers: "
                        + answers.stream().map(a -> a.lines().findFirst().orElse("(none)")).toList());
                continue;
            }
            assertThat(assertProblem(refused, 429)).contains("this client already runs 2 imports");
            assertThat(refused.header("Retry-After")).isEqualTo("10");
            assertThat(answers).allSatisfy(a -> assertThat(a).contains("\"rows\":1").contains("\"rejected\":0"));
            assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(2);
            ApiResponse after = api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv",
                    (HEADER + "after," + DAY + "T12:00:00Z,click,0,,Email\n").getBytes(StandardCharsets.UTF_8));
            assertThat(after.status()).as("the places are free again: %s", after).isEqualTo(200);
            assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(3);
            return;
        }
        throw new AssertionError("in 8 attempts, no third import was refused while two were held: " + attempts);
    }

    /** An import request whose chunked body has begun and stays open until {@link #finish()}. */
    private static final class SlowImport {

        private final Socket socket;

        SlowImport(String apiKey, String firstChunk) throws IOException {
            URI base = TrackerClient.BASE_URL;
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            socket.setTcpNoDelay(true);
            byte[] chunk = firstChunk.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath() + "api/v1/imports/touchpoints HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + apiKey + "\r\n"
                    + "Content-Type: text/csv\r\n"
                    + "Transfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n"
                    + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Ends the body and returns the whole answer (status line, headers, body). */
        String finish() throws IOException {
            try (socket) {
                socket.getOutputStream().write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    @Order(3)
    void anImportOverTheSizeLimitIs413AndStoresNothing() {
        TestTenant tenant = api.createTenant("import size", ZoneId.of("UTC"), "EUR");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; csv.length() <= MAX_IMPORT_BYTES; i++) {
            csv.append("visitor-").append(i).append(',').append(DAY).append("T10:00:00Z,click,0,,Email\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        ApiResponse declared = api.post("api/v1/imports/touchpoints", tenant.apiKey(), "text/csv", body);
        assertThat(assertProblem(declared, 413)).contains("larger than " + MAX_IMPORT_BYTES + " bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        // Without Content-Length (chunked): found while streaming, after thousands of good rows were read.
        ApiResponse streamed = api.send(api.request("api/v1/imports/touchpoints")
                .header("Authorization", "Bearer " + tenant.apiKey()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(assertProblem(streamed, 413)).contains("larger than " + MAX_IMPORT_BYTES + " bytes");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);
    }

    /** Last: afterwards 127.0.0.1 may present no credential until its bucket has refilled a little. */
    @Test
    @Order(4)
    void aBurstOfWrongKeysFromOneAddressGets429AndCredentialsAreNotCheckedUntilItPasses() throws Exception {
        TestTenant tenant = api.createTenant("wrong keys", ZoneId.of("UTC"), "EUR");
        String valid = batch(touch("w-1", "v1", DAY + "T10:00:00Z"));
        int refused = 0;
        ApiResponse throttled = null;
        for (int i = 0; i < 100 && throttled == null; i++) {
            ApiResponse r = api.postEvents("trk_wrong_" + i, valid);
            if (r.status() == 429) {
                throttled = r;
            } else {
                assertThat(assertProblem(r, 401)).contains("unknown or revoked");
                refused++;
            }
        }
        assertThat(throttled).as("a 429 within 100 wrong keys").isNotNull();
        assertThat(refused).as("the documented burst: 30 refused credentials (plus one a 6 s refill may add)")
                .isBetween(30, 31);
        assertThat(assertProblem(throttled, 429)).contains("too many refused credentials from your address");
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 6L);

        ApiResponse goodKeyMeanwhile = api.postEvents(tenant.apiKey(), valid);
        assertThat(assertProblem(goodKeyMeanwhile, 429)).as("not even checked").contains("too many refused credentials");
        assertThat(api.storedCounts(tenant)).isEqualTo(StoredCounts.NONE);

        // Once Retry-After has passed the address may try again, and the right key works.
        long start = System.nanoTime();
        ApiResponse later = goodKeyMeanwhile;
        while (later.status() == 429 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(retryAfter + 5)) {
            Thread.sleep(200);
            later = api.postEvents(tenant.apiKey(), valid);
        }
        assertThat(later.status()).as("%s", later).isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before Retry-After")
                .isGreaterThan(Duration.ofSeconds(retryAfter - 1));
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(1);
    }
}
