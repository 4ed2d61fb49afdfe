package io.tracker.it.browser;

import static io.tracker.it.support.Events.batch;
import static io.tracker.it.support.Events.conversion;
import static io.tracker.it.support.Events.touch;
import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.it.support.ApiResponse;
import io.tracker.it.support.DemoUser;
import io.tracker.it.support.Deployments;
import io.tracker.it.support.TestTenant;
import io.tracker.it.support.TrackerClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Data accuracy page ({@code /app/accuracy.xhtml}) as an analyst reads it: a shop order Tracker recorded after a
 * Google Ads click, and a Google Ads report claiming 3 conversions that day; the page's default period (the 14 days
 * before today) shows that day flagged with the platform's likely causes, and the other days not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccuracyPageBrowserIT {

    private static final TrackerClient API = new TrackerClient();
    private static final ZoneId UTC = ZoneId.of("UTC");

    @RegisterExtension
    final Browser browser = Browser.forEachTest("accuracy-");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.tracker(MembershipReset.class);
    }

    @Test
    void theFlaggedDayIsShownWithItsCauses() {
        TestTenant shop = API.createTenant("Accuracy page shop", UTC, "EUR");
        LocalDate day = LocalDate.now(UTC).minusDays(3);
        ApiResponse events = API.postEvents(shop.apiKey(), batch(
                touch("t-1", "v-1", day + "T09:00:00Z", "campaign", "Brand Search", "gclid", "G-1"),
                conversion("c-1", "v-1", day + "T09:30:00Z", null, "40.00", "A-1")));
        assertThat(events.status()).as(events.toString()).isEqualTo(202);
        assertThat(API.post("api/v1/imports/store-orders", shop.apiKey(), "text/csv",
                ("order_id,time,value,currency,status\nA-1," + day + "T09:30:00Z,40.00,EUR,paid\n")
                        .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        assertThat(API.post("api/v1/imports/platform-conversions", shop.apiKey(), "text/csv",
                ("Day,Campaign,Conv. (by conv. time)\n" + day + ",Brand Search,3\n")
                        .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        MembershipReset.reset(API, DemoUser.ANALYST.email());
        API.invite(shop.id(), DemoUser.ANALYST.email(), "ANALYST");

        browser.signIn(DemoUser.ANALYST);
        assertThat(browser.navigation()).contains("Data accuracy");
        browser.open("app/accuracy.xhtml");
        assertThat(browser.title()).isEqualTo("Data accuracy · Tracker");
        List<List<String>> days = browser.tableRows("days-form:days");
        assertThat(days).hasSize(14);
        List<List<String>> flagged = days.stream().filter(r -> r.get(0).contains("flagged")).toList();
        assertThat(flagged).hasSize(1);
        List<String> row = flagged.get(0);
        assertThat(row.get(0)).startsWith(day.toString());
        assertThat(String.join(" | ", row)).contains("Google Ads: 3 / 1 (200.0)")
                .contains("view through conversions, modelled conversions");
    }
}
