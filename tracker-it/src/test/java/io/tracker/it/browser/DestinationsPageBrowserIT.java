package io.tracker.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.AdPlatformStandIn;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestDatabase;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The destinations page ({@code /app/destinations.xhtml}) as an analyst uses it: Google Ads set up on the page
 * (pointed at the stand-in, {@link AdPlatformStandIn}), "Upload now", and each conversion's result in the table:
 * the stand-in's error text for the row it refused, Tracker's reason for the row it never sent, and the request
 * in the latest requests. The tokens typed are never shown again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DestinationsPageBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final String RESULTS = "results-form:results-table";
    private static final String REQUESTS = "requests-form:requests-table";

    @RegisterExtension
    final Browser browser = Browser.forEachTest("destinations-last-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void anAnalystUploadsToGoogleAdsAndSeesEachConversionsResult() throws Exception {
        TestTenant shop = API.createTenant("Destinations page shop", ZoneId.of("UTC"), "USD");
        // Three purchases an hour ago: an accepted click, a click the stand-in refuses, and one without any click.
        try (Connection c = TestDatabase.connect()) {
            for (String sql : List.of(
                    "insert into touchpoint (tenant_id, event_id, visitor_id, occurred_at, channel, gclid, way_in) "
                            + "select ?, 'page-t-' || i, 'page-v-' || i, now() - interval '2 hours', 'Paid Search', "
                            + "case i when 1 then 'G-PAGE-1' else 'REJECT-PAGE-2' end, 'API' from generate_series(1, 2) i",
                    "insert into conversion (tenant_id, event_id, visitor_id, occurred_at, action_id, value, currency, "
                            + "order_id, dedupe_key, way_in) select t.id, 'page-c-' || i, 'page-v-' || i, "
                            + "now() - interval '1 hour', a.id, 25, 'USD', 'page-' || i, 'page-' || i, 'API' "
                            + "from tenant t join conversion_action a on a.tenant_id = t.id and a.action_key = 'purchase', "
                            + "generate_series(1, 3) i where t.id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, shop.id());
                    ps.executeUpdate();
                }
            }
        }
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");

        try (AdPlatformStandIn standIn = new AdPlatformStandIn("page-access-token", "page-developer-token", null, "unused")) {
            browser.signIn(DemoUser.ANALYST);
            browser.open("app/destinations.xhtml");
            assertThat(browser.title()).isEqualTo("Destinations · Tracker");
            assertThat(browser.navigation()).containsSubsequence("Calls", "Destinations");
            assertThat(browser.text(By.id("destination-state"))).isEqualTo("not enabled");
            assertThat(browser.tableRows(RESULTS)).containsExactly(List.of("No results yet."));

            browser.click(By.cssSelector("[id='settings-form:enabled'] .ui-toggleswitch-slider"));
            browser.type(By.id("settings-form:account-id"), "123-456-7890");
            browser.type(By.id("settings-form:endpoint"), standIn.googleEndpoint());
            browser.type(By.id("settings-form:access-token"), "page-access-token");
            browser.type(By.id("settings-form:developer-token"), "page-developer-token");
            browser.type(By.xpath("//span[@data-action='purchase']/ancestor::tr//input[contains(@class,'platform-name')]"),
                    "customers/1234567890/conversionActions/99");
            browser.clickAjax(By.id("settings-form:save-settings"));
            assertThat(browser.messages("messages")).containsExactly("Saved the settings for Google Ads.");
            assertThat(browser.text(By.id("destination-state"))).isEqualTo("enabled, on demand");
            assertThat(browser.value(By.id("settings-form:access-token"))).isEmpty();
            assertThat(browser.pageText()).contains("Access token (set)").contains("Developer token (set)")
                    .doesNotContain("page-access-token");

            browser.clickAjax(By.id("upload-form:upload-now"));
            assertThat(browser.messages("messages")).containsExactly("Uploaded to Google Ads: 2 sent in 1 request(s), "
                    + "1 accepted, 1 failed, 0 to retry, 1 invalid (not sent).");
            assertThat(standIn.violations()).isEmpty();
            assertThat(standIn.received("google")).hasSize(1);

            List<List<String>> rows = browser.tableRows(RESULTS);
            assertThat(rows).hasSize(3);
            assertThat(rows).anySatisfy(r -> assertThat(r.subList(1, 5))
                    .containsExactly("page-2", "conversion", "failed", AdPlatformStandIn.GOOGLE_REJECTION));
            assertThat(rows).anySatisfy(r -> assertThat(r.subList(1, 4)).containsExactly("page-1", "conversion", "accepted"));
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.subList(1, 4)).containsExactly("page-3", "conversion", "invalid");
                assertThat(r.get(4)).isNotBlank();
            });
            assertThat(browser.tableRows(REQUESTS)).singleElement().satisfies(r -> {
                assertThat(r.get(1)).isEqualTo("2");
                assertThat(r.get(2)).isEqualTo("200");
                assertThat(r.get(3)).isEqualTo("accepted 1, failed 1; request-id standin-1");
            });
            browser.screenshot("60-destinations-results");

            // The refused rows only.
            browser.selectMenuItem("results-form:status-filter", "Failed");
            browser.waitUntil(d -> browser.tableRows(RESULTS).size() == 1);
            assertThat(browser.tableRows(RESULTS).get(0)).contains(AdPlatformStandIn.GOOGLE_REJECTION);
        }
    }
}
