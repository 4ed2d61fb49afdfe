package io.tracker.it.browser;

import io.tracker.it.support.Deployments;
import io.tracker.it.support.TrackerClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up the dashboard's browser tests share: the real EAR plus {@link MembershipReset} (no test class
 * runs in the container), a fresh browser for each test (its last screenshot {@code last-<method>.png}), and
 * the API client. Each test class makes its own client tenant with known events in its {@code @BeforeAll}
 * ({@link TrackerClient#createTenantWithEvents}) and works its expected figures out by hand from them.
 */
abstract class KnownEventsBrowserTest {

    static final TrackerClient API = new TrackerClient();

    @RegisterExtension
    final Browser browser = Browser.forEachTest("last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }
}
