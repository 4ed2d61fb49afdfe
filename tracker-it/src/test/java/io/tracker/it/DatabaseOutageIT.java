package io.tracker.it;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database outage, simulated without stopping the shared PostgreSQL: as its superuser, the test
 * database stops accepting connections ({@code ALTER DATABASE … ALLOW_CONNECTIONS false}) and every
 * session the server holds to it is terminated. While it lasts the API answers 503 with
 * {@code Retry-After} and problem+json (never 500), and {@code /health} says DOWN; once connections
 * are allowed again the API works again without restarting anything (the pool replaces its dead
 * connections).
 *
 * <p>{@link TestDatabase} names the database and the superuser. The friendly 503 page of the UI
 * during the same kind of outage is checked in {@code DatabaseOutageBrowserIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final Duration RECOVERY = Duration.ofSeconds(90);

    private final TrackerClient api = new TrackerClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker();
    }

    @Test
    void anOutageAnswers503WithRetryAfterUntilTheDatabaseIsBack() throws Exception {
        TestTenant tenant = api.createTenant("Outage shop", ZoneId.of("UTC"), "EUR");
        assertThat(api.get("api/v1/campaigns", tenant.apiKey()).status()).isEqualTo(200);
        assertThat(health().status()).isEqualTo(200);

        try {
            TestDatabase.cutOff();
            ApiResponse events = api.postEvents(tenant.apiKey(), batch(
                    touch("outage-1", "visitor-outage", "2025-03-10T10:00:00Z", "utm_medium", "email")));
            assertUnavailable(events);
            assertUnavailable(api.get("api/v1/reports/summary?from=2025-03-01&to=2025-03-31", tenant.apiKey()));
            assertUnavailable(api.get("api/v1/campaigns", tenant.apiKey()));

            ApiResponse health = health();
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.json().getString("status")).isEqualTo("DOWN");
        } finally {
            TestDatabase.reconnect();
        }

        // Back without a restart: the first answers after the database returns may still meet a
        // connection the pool has not yet found dead, so wait (bounded) for the API to answer again.
        Instant deadline = Instant.now().plus(RECOVERY);
        ApiResponse again = api.get("api/v1/campaigns", tenant.apiKey());
        while (again.status() != 200 && Instant.now().isBefore(deadline)) {
            assertThat(again.status()).as("while recovering: " + again).isEqualTo(503);
            Thread.sleep(500);
            again = api.get("api/v1/campaigns", tenant.apiKey());
        }
        assertThat(again.status()).as("API after the database came back: " + again).isEqualTo(200);
        ApiResponse events = api.postEvents(tenant.apiKey(), batch(
                touch("outage-2", "visitor-outage", "2025-03-10T11:00:00Z", "utm_medium", "email")));
        assertThat(events.status()).as(events.toString()).isEqualTo(202);
        assertThat(api.storedCounts(tenant).touchpoints()).isEqualTo(1);
        assertThat(health().status()).isEqualTo(200);
    }

    private static void assertUnavailable(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.header("Retry-After")).isEqualTo("30");
        assertThat(r.json().getInt("status")).isEqualTo(503);
        assertThat(r.json().getString("detail")).contains("database cannot be reached");
    }

    private ApiResponse health() {
        return api.send(api.request("health").GET());
    }
}
