package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.time.ZoneId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A signed-in person during a database outage (simulated as in {@code DatabaseOutageIT}, through
 * {@link TestDatabase}): the dashboard answers 503 with the friendly "Back in a moment" page, not the
 * 500 page, and shows the figures again once the database is back, in the same session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageBrowserIT {

    private static final TrackerClient API = new TrackerClient();

    @RegisterExtension
    final Browser browser = Browser.forEachTest("last-outage-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void pagesSayBackInAMomentDuringAnOutageAndWorkAfterIt() {
        TestTenant tenant = API.createTenant("Outage page shop", ZoneId.of("UTC"), "EUR");
        MembershipReset.reset(API, DemoUser.VIEWER.email());
        API.invite(tenant.id(), DemoUser.VIEWER.email(), "VIEWER");
        browser.signIn(DemoUser.VIEWER);
        // A client without events: its dashboard is the set-up checklist.
        assertThat(browser.text(By.id("onboarding-status"))).isEqualTo("Waiting for your first event…");

        try {
            TestDatabase.cutOff();
            browser.open("app/dashboard.xhtml");
            assertThat(browser.text(By.id("error-503"))).contains("Back in a moment");
            assertThat(browser.title()).isEqualTo("Back in a moment · Tracker");
            assertThat(browser.status("app/dashboard.xhtml")).isEqualTo(503);
            assertThat(browser.responseHeader("app/dashboard.xhtml", "Retry-After")).isEqualTo("30");
            browser.screenshot("30-database-outage");
        } finally {
            TestDatabase.reconnect();
        }

        // The same session, without a new sign-in, once the pool has connections again.
        browser.waitUntil(d -> browser.status("app/dashboard.xhtml") == 200);
        browser.open("app/dashboard.xhtml");
        assertThat(browser.text(By.id("onboarding-status"))).isEqualTo("Waiting for your first event…");
        assertThat(browser.role()).isEqualTo("Viewer");
    }
}
